import { createHmac, createSign, generateKeyPairSync, KeyObject, randomUUID } from 'node:crypto';
import { ACCEPTED_ALGORITHMS, InvalidTokenError, JwtSigner, JwtVerifier, Role, TokenSettings } from '@seleksi/auth';

const SETTINGS: TokenSettings = { issuer: 'seleksi-registration', audience: 'seleksi' };
const ACCOUNT_ID = '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';

interface KeyPair {
  publicPem: string;
  privatePem: string;
}

function pems(pair: { publicKey: KeyObject; privateKey: KeyObject }): KeyPair {
  return {
    publicPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privatePem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

const RSA = pems(generateKeyPairSync('rsa', { modulusLength: 2048 }));
const OTHER_RSA = pems(generateKeyPairSync('rsa', { modulusLength: 2048 }));
const EC = pems(generateKeyPairSync('ec', { namedCurve: 'P-256' }));
const KEYS: Record<(typeof ACCEPTED_ALGORITHMS)[number], KeyPair> = { RS256: RSA, ES256: EC };

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

/** Claims a well-behaved issuer would put in a token, before a case breaks one of them. */
function newClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sub: ACCOUNT_ID,
    roles: ['verifier'],
    iss: SETTINGS.issuer,
    aud: SETTINGS.audience,
    jti: randomUUID(),
    iat: now(),
    exp: now() + 300,
    ...overrides,
  };
}

/** Builds a token by hand, so a test can produce what JwtSigner never would. */
function handMadeToken(alg: 'RS256' | 'HS256', key: string, claims: Record<string, unknown>): string {
  const input = `${base64url(JSON.stringify({ alg, typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}`;
  const signature = alg === 'HS256' ? createHmac('sha256', key).update(input).digest() : createSign('RSA-SHA256').update(input).sign(key);
  return `${input}.${base64url(signature)}`;
}

function rejectionOf(verifier: JwtVerifier, token: string): string {
  try {
    verifier.verify(token);
  } catch (error) {
    if (error instanceof InvalidTokenError) return error.message;
    throw error;
  }
  throw new Error('expected the token to be rejected');
}

describe(JwtSigner.name, () => {
  it.each(ACCEPTED_ALGORITHMS)('signs a %s token that JwtVerifier accepts', (algorithm) => {
    const keys = KEYS[algorithm];
    const token = new JwtSigner(keys.privatePem, { ...SETTINGS, algorithm }).sign(ACCOUNT_ID, ['admin', 'verifier'], 60);
    const principal = new JwtVerifier(keys.publicPem, SETTINGS).verify(token);
    expect(principal).toEqual({ id: ACCOUNT_ID, roles: ['admin', 'verifier'], tokenId: expect.any(String) });
  });

  it('gives every token its own id', () => {
    const signer = new JwtSigner(RSA.privatePem, { ...SETTINGS, algorithm: 'RS256' });
    const verifier = new JwtVerifier(RSA.publicPem, SETTINGS);
    const ids = [1, 2, 3].map(() => verifier.verify(signer.sign(ACCOUNT_ID, ['applicant'], 60)).tokenId);
    expect(new Set(ids).size).toBe(3);
  });
});

describe(JwtVerifier.name, () => {
  const verifier = new JwtVerifier(RSA.publicPem, SETTINGS);
  const sign = (claims: Record<string, unknown>, key = RSA.privatePem) => handMadeToken('RS256', key, claims);

  it('accepts a hand-made RS256 token with every claim in place', () => {
    expect(verifier.verify(sign(newClaims({ roles: ['panelist'] })))).toMatchObject({ id: ACCOUNT_ID, roles: ['panelist'] });
  });

  it.each<[string, () => string, RegExp]>([
    ['a token signed with another key', () => sign(newClaims(), OTHER_RSA.privatePem), /invalid signature/],
    ['an expired token', () => sign(newClaims({ iat: now() - 600, exp: now() - 60 })), /jwt expired/],
    ['a token from another issuer', () => sign(newClaims({ iss: 'someone-else' })), /jwt issuer invalid/],
    ['a token for another audience', () => sign(newClaims({ aud: 'another-app' })), /jwt audience invalid/],
    ['a token without issuer', () => sign(newClaims({ iss: undefined })), /jwt issuer invalid/],
    [
      'an HS256 token signed with the public key text as secret (algorithm confusion)',
      () => handMadeToken('HS256', RSA.publicPem, newClaims()),
      /invalid algorithm/,
    ],
    ['an unsigned token (alg none)', () => `${base64url('{"alg":"none"}')}.${base64url(JSON.stringify(newClaims()))}.`, /jwt signature is required/],
    ['a token without expiry', () => sign(newClaims({ exp: undefined })), /token has no expiry \(exp\)/],
    ['a token without roles', () => sign(newClaims({ roles: undefined })), /lacks sub, jti or valid roles/],
    ['a token with an empty list of roles', () => sign(newClaims({ roles: [] })), /lacks sub, jti or valid roles/],
    ['a token whose roles are a string', () => sign(newClaims({ roles: 'admin' })), /lacks sub, jti or valid roles/],
    ['a token with an unknown role', () => sign(newClaims({ roles: ['verifier', 'superuser'] })), /lacks sub, jti or valid roles/],
    ['a token without subject', () => sign(newClaims({ sub: undefined })), /lacks sub, jti or valid roles/],
    ['a token without token id', () => sign(newClaims({ jti: undefined })), /lacks sub, jti or valid roles/],
    ['a string that is not a JWT', () => 'not-a-token', /jwt malformed/],
  ])('rejects %s', (_case, token, reason) => {
    expect(rejectionOf(verifier, token())).toMatch(reason);
  });

  it('rejects an ES256 token when it holds an RSA key', () => {
    const token = new JwtSigner(EC.privatePem, { ...SETTINGS, algorithm: 'ES256' }).sign(ACCOUNT_ID, ['admin'], 60);
    expect(() => verifier.verify(token)).toThrow(InvalidTokenError);
  });

  it.each<[string, string]>([
    ['a private key', RSA.privatePem],
    ['an HMAC secret', 'correct horse battery staple'],
    ['an empty string', ''],
  ])('refuses %s as verification key', (_case, pem) => {
    expect(() => new JwtVerifier(pem, SETTINGS)).toThrow('the JWT verification key must be a PEM public key');
  });

  it.each<[string, string]>([
    ['a PEM public key block whose body is not a key', '-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----\n'],
    ['a truncated public key', RSA.publicPem.slice(0, 120) + '\n-----END PUBLIC KEY-----\n'],
  ])('refuses %s as verification key and says it cannot be read', (_case, pem) => {
    expect(() => new JwtVerifier(pem, SETTINGS)).toThrow(/^the JWT verification key must be a PEM public key, but it cannot be read: /);
  });

  it.each(['applicant', 'admin', 'verifier', 'skb-officer', 'panelist', 'placement-officer'] satisfies Role[])('accepts the role %s', (role) => {
    expect(verifier.verify(sign(newClaims({ roles: [role] }))).roles).toEqual([role]);
  });
});
