import { randomUUID } from 'node:crypto';
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

export class JwtVerifier {
  constructor(
    private readonly publicKeyPem: string,
    private readonly settings: TokenSettings,
  ) {
    if (!publicKeyPem.includes('PUBLIC KEY')) throw new Error('the JWT verification key must be a PEM public key');
  }

  verify(token: string): Principal {
    let claims: JwtPayload;
    try {
      const decoded = verify(token, this.publicKeyPem, {
        algorithms: [...ACCEPTED_ALGORITHMS],
        issuer: this.settings.issuer,
        audience: this.settings.audience,
      });
      if (typeof decoded === 'string') throw new InvalidTokenError('token payload is not an object');
      claims = decoded;
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
    const roles: unknown = claims.roles;
    if (typeof claims.sub !== 'string' || !Array.isArray(roles) || !roles.every(isRole) || typeof claims.jti !== 'string') {
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
