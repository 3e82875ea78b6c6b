import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtSigner, Role } from '@seleksi/auth';

export interface TestKeys {
  publicKeyPem: string;
  publicKeyFile: string;
  /** The private key on disk, as registration reads it to sign tokens. */
  privateKeyFile: string;
  signer: JwtSigner;
  mint(subject: string, roles: Role[], ttlSeconds?: number): string;
}

let cached: TestKeys | undefined;

/** A test RS256 key pair, its public key on disk (as services read it) and a token minter. */
export function testKeys(): TestKeys {
  if (cached) return cached;
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const dir = mkdtempSync(join(tmpdir(), 'seleksi-keys-'));
  const publicKeyFile = join(dir, 'jwt-public.pem');
  writeFileSync(publicKeyFile, publicKeyPem);
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const privateKeyFile = join(dir, 'jwt-private.pem');
  writeFileSync(privateKeyFile, privateKeyPem, { mode: 0o600 });
  const signer = new JwtSigner(privateKeyPem, {
    algorithm: 'RS256',
    issuer: 'seleksi-registration',
    audience: 'seleksi',
  });
  cached = { publicKeyPem, publicKeyFile, privateKeyFile, signer, mint: (subject, roles, ttl = 300) => signer.sign(subject, roles, ttl) };
  return cached;
}
