import { generateKeyPairSync } from 'node:crypto';
import { ForbiddenException, HttpException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { JwtAuthGuard, JwtSigner, JwtVerifier, Principal, Public, Role, Roles, TokenSettings } from '@seleksi/auth';

const SETTINGS: TokenSettings = { issuer: 'seleksi-registration', audience: 'seleksi' };
const ACCOUNT_ID = '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';

const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const signer = new JwtSigner(keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { ...SETTINGS, algorithm: 'ES256' });
const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const strangerSigner = new JwtSigner(stranger.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), {
  ...SETTINGS,
  algorithm: 'ES256',
});
const guard = new JwtAuthGuard(new Reflector(), new JwtVerifier(keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(), SETTINGS));

/** Routes as a service would declare them; the guard reads their metadata through the real Reflector. */
@Roles('verifier', 'admin')
class CasesController {
  list(): void {}
  @Public() health(): void {}
  @Roles('applicant') mine(): void {}
}

class ProfileController {
  show(): void {}
}

type Route = [new () => object, string];
const ROUTES = {
  staffOnly: [CasesController, 'list'],
  publicHealth: [CasesController, 'health'],
  applicantOnly: [CasesController, 'mine'],
  anySignedIn: [ProfileController, 'show'],
} satisfies Record<string, Route>;

interface Request {
  headers: Record<string, string | undefined>;
  principal?: Principal;
}

function contextFor([controller, method]: Route, request: Request, type: 'http' | 'rpc' = 'http'): ExecutionContextHost {
  const handler = (controller.prototype as Record<string, () => void>)[method];
  const context = new ExecutionContextHost([request, {}, () => undefined], controller, handler);
  context.setType(type);
  return context;
}

const bearer = (token: string): Request => ({ headers: { authorization: `Bearer ${token}` } });
const tokenWith = (roles: Role[]) => signer.sign(ACCOUNT_ID, roles, 60);

function refusalOf(route: Route, request: Request): { status: number; body: unknown } {
  try {
    guard.canActivate(contextFor(route, request));
  } catch (error) {
    if (error instanceof HttpException) return { status: error.getStatus(), body: error.getResponse() };
    throw error;
  }
  throw new Error('expected the guard to refuse the request');
}

describe(JwtAuthGuard.name, () => {
  it.each<[string, Request]>([
    ['no token', { headers: {} }],
    ['a bad token', bearer('not-a-token')],
    ['a token of any role', bearer(tokenWith(['applicant']))],
  ])('lets a @Public() route through with %s', (_case, request) => {
    expect(guard.canActivate(contextFor(ROUTES.publicHealth, request))).toBe(true);
    expect(request.principal).toBeUndefined();
  });

  it('lets an event handler (rpc context) through without a token', () => {
    expect(guard.canActivate(contextFor(ROUTES.staffOnly, { headers: {} }, 'rpc'))).toBe(true);
  });

  it.each<[string, Request]>([
    ['no authorization header', { headers: {} }],
    ['an empty authorization header', { headers: { authorization: '' } }],
    ['a Basic authorization header', { headers: { authorization: 'Basic dXNlcjpwYXNz' } }],
    ['a bearer scheme without token', { headers: { authorization: 'Bearer ' } }],
  ])('answers 401 AUTH_TOKEN_MISSING for %s', (_case, request) => {
    expect(refusalOf(ROUTES.anySignedIn, request)).toEqual({
      status: 401,
      body: { code: 'AUTH_TOKEN_MISSING', message: 'authorization: a Bearer token is required' },
    });
  });

  it.each<[string, Request]>([
    ['a string that is not a JWT', bearer('not-a-token')],
    ['a token signed by another key', bearer(strangerSigner.sign(ACCOUNT_ID, ['admin'], 60))],
    ['an expired token', bearer(signer.sign(ACCOUNT_ID, ['admin'], -10))],
  ])('answers 401 AUTH_TOKEN_INVALID for %s', (_case, request) => {
    const refusal = refusalOf(ROUTES.anySignedIn, request);
    expect(refusal).toEqual({ status: 401, body: { code: 'AUTH_TOKEN_INVALID', message: expect.stringMatching(/^authorization: /) } });
    expect(request.principal).toBeUndefined();
  });

  it.each<[string, Route, Role[], string]>([
    ['an applicant on a staff route', ROUTES.staffOnly, ['applicant'], 'requires one of the roles: verifier, admin'],
    ['a panelist on a staff route', ROUTES.staffOnly, ['panelist', 'skb-officer'], 'requires one of the roles: verifier, admin'],
    ['a verifier on a method that narrows the class roles', ROUTES.applicantOnly, ['verifier'], 'requires one of the roles: applicant'],
  ])('answers 403 AUTH_ROLE_MISSING for %s', (_case, route, roles, message) => {
    expect(refusalOf(route, bearer(tokenWith(roles)))).toEqual({ status: 403, body: { code: 'AUTH_ROLE_MISSING', message } });
  });

  it.each<[string, Route, Role[]]>([
    ['a verifier on a staff route', ROUTES.staffOnly, ['verifier']],
    ['an admin who is also a panelist on a staff route', ROUTES.staffOnly, ['panelist', 'admin']],
    ['an applicant on the method that allows applicants', ROUTES.applicantOnly, ['applicant']],
    ['any role on a route without @Roles', ROUTES.anySignedIn, ['skb-officer']],
  ])('admits %s and sets request.principal', (_case, route, roles) => {
    const request = bearer(tokenWith(roles));
    expect(guard.canActivate(contextFor(route, request))).toBe(true);
    expect(request.principal).toEqual({ id: ACCOUNT_ID, roles, tokenId: expect.any(String) });
  });

  it.each(['bearer', 'BEARER', 'BeArEr'])('accepts the authorization scheme written as %s', (scheme) => {
    const request: Request = { headers: { authorization: `${scheme} ${tokenWith(['verifier'])}` } };
    expect(guard.canActivate(contextFor(ROUTES.anySignedIn, request))).toBe(true);
    expect(request.principal).toMatchObject({ id: ACCOUNT_ID, roles: ['verifier'] });
  });

  it('throws the Nest exception types the HTTP filter maps', () => {
    expect(() => guard.canActivate(contextFor(ROUTES.anySignedIn, { headers: {} }))).toThrow(UnauthorizedException);
    expect(() => guard.canActivate(contextFor(ROUTES.staffOnly, bearer(tokenWith(['applicant']))))).toThrow(ForbiddenException);
  });
});
