import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError } from '@seleksi/messaging';
import { FastifyReply, FastifyRequest } from 'fastify';
import { RegistrationConfig } from '../registration.config';

export const REFRESH_COOKIE = 'seleksi_refresh';

/**
 * The browser's refresh token: HttpOnly (no script reads it), SameSite=Strict and scoped to the auth
 * routes. A cookie is sent by the browser whoever wrote the page, so every request it authorises
 * must also come from an allowed origin; API clients that send the token in the body are not
 * browsers and skip both.
 */
@Injectable()
export class SessionCookie {
  private readonly origins: ReadonlySet<string>;

  constructor(private readonly config: RegistrationConfig) {
    this.origins = new Set(config.allowedOrigins());
  }

  /** The refresh token from the cookie, once the request's origin is one we serve. */
  read(request: FastifyRequest): string | undefined {
    this.checkOrigin(request);
    return parseCookies(request.headers.cookie)[REFRESH_COOKIE];
  }

  checkOrigin(request: FastifyRequest): void {
    const origin = request.headers.origin;
    if (!origin || !this.origins.has(origin)) {
      throw new DomainError('ORIGIN_REFUSED', "the refresh cookie is accepted only from the portal's own origin", HttpStatus.FORBIDDEN, 'origin');
    }
  }

  set(request: FastifyRequest, reply: FastifyReply, token: string): void {
    void reply.header('set-cookie', this.serialise(request, token, this.config.REFRESH_TOKEN_TTL_SECONDS));
  }

  clear(request: FastifyRequest, reply: FastifyReply): void {
    void reply.header('set-cookie', this.serialise(request, '', 0));
  }

  private serialise(request: FastifyRequest, value: string, maxAge: number): string {
    const secure = this.config.COOKIE_SECURE || request.headers['x-forwarded-proto'] === 'https';
    return [
      `${REFRESH_COOKIE}=${value}`,
      'HttpOnly',
      'SameSite=Strict',
      `Path=${this.config.REFRESH_COOKIE_PATH}`,
      `Max-Age=${maxAge}`,
      ...(secure ? ['Secure'] : []),
    ].join('; ');
  }
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) cookies[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return cookies;
}
