import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './decorators';
import { InvalidTokenError, JwtVerifier } from './jwt';
import { Principal } from './principal';
import { Role } from './roles';

/**
 * Global guard: every HTTP route needs a valid bearer token unless marked `@Public()`, and the
 * token's roles must include one of `@Roles(...)` where given. Event handlers are not HTTP and pass.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: JwtVerifier,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    const header = request.headers['authorization'] ?? '';
    const match = /^Bearer (.+)$/i.exec(header);
    if (!match) throw new UnauthorizedException({ code: 'AUTH_TOKEN_MISSING', message: 'authorization: a Bearer token is required' });
    try {
      request.principal = this.verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        throw new UnauthorizedException({ code: 'AUTH_TOKEN_INVALID', message: `authorization: ${error.message}` });
      }
      throw error;
    }
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !required.some((r) => request.principal?.roles.includes(r))) {
      throw new ForbiddenException({ code: 'AUTH_ROLE_MISSING', message: `requires one of the roles: ${required.join(', ')}` });
    }
    return true;
  }
}
