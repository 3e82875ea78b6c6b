import { createPublicKey, KeyObject, randomUUID } from 'node:crypto';
import { sign, verify, JwtPayload } from 'jsonwebtoken';
import { Principal } from './principal';
import { isRole, Role } from './roles';

/** Only asymmetric algorithms: the services that verify never hold a key that could sign. */
export const ACCEPTED_ALGORITHMS = ['RS256', 'ES256'] as const;

export interface TokenSettings {
  issuer: string;
  audience: string;
}

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

/** Fails at boot, not at the first request, when the configured key is not a usable public key. */
function readPublicKey(pem: string): KeyObject {
  // createPublicKey also derives a public key from a private one; a verifier must never hold that.
  if (!pem.includes('PUBLIC KEY')) throw new Error('the JWT verification key must be a PEM public key');
  try {
    return createPublicKey(pem);
  } catch (error) {
    throw new Error(`the JWT verification key must be a PEM public key, but it cannot be read: ${(error as Error).message}`);
  }
}

export class JwtVerifier {
  private readonly publicKey: KeyObject;

  constructor(
    publicKeyPem: string,
    private readonly settings: TokenSettings,
  ) {
    this.publicKey = readPublicKey(publicKeyPem);
  }

  verify(token: string): Principal {
    let claims: JwtPayload;
    try {
      const decoded = verify(token, this.publicKey, {
        algorithms: [...ACCEPTED_ALGORITHMS],
        issuer: this.settings.issuer,
        audience: this.settings.audience,
      });
      if (typeof decoded === 'string') throw new InvalidTokenError('token payload is not an object');
      claims = decoded;
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
    // jsonwebtoken checks exp only when present; a token without one would never expire.
    if (claims.exp === undefined) throw new InvalidTokenError('token has no expiry (exp)');
    const roles: unknown = claims.roles;
    const validRoles = Array.isArray(roles) && roles.length > 0 && roles.every(isRole);
    if (typeof claims.sub !== 'string' || !validRoles || typeof claims.jti !== 'string') {
      throw new InvalidTokenError('token lacks sub, jti or valid roles');
    }
    return { id: claims.sub, roles: roles as Role[], tokenId: claims.jti };
  }
}

/** Signs access tokens; only registration holds the private key in production. */
export class JwtSigner {
  constructor(
    private readonly privateKeyPem: string,
    private readonly settings: TokenSettings & { algorithm: (typeof ACCEPTED_ALGORITHMS)[number] },
  ) {}

  sign(subject: string, roles: Role[], ttlSeconds: number): string {
    return sign({ roles }, this.privateKeyPem, {
      algorithm: this.settings.algorithm,
      issuer: this.settings.issuer,
      audience: this.settings.audience,
      subject,
      jwtid: randomUUID(),
      expiresIn: ttlSeconds,
    });
  }
}
