import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt with per-password salt; the parameters are stored with the hash so they can be raised later
 * without invalidating existing passwords. Format: scrypt$N$r$p$salt$hash (base64).
 */
export class PasswordHasher {
  constructor(private readonly cost: number) {}

  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const derived = await derive(password, salt, this.cost, 8, 1);
    return ['scrypt', this.cost, 8, 1, salt.toString('base64'), derived.toString('base64')].join('$');
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const [scheme, n, r, p, salt, hash] = stored.split('$');
    if (scheme !== 'scrypt') return false;
    const expected = Buffer.from(hash, 'base64');
    const derived = await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p), expected.length);
    return timingSafeEqual(derived, expected);
  }
}

function derive(password: string, salt: Buffer, N: number, r: number, p: number, length = 32): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, length, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}
