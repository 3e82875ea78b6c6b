import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtSigner, Role } from '@seleksi/auth';

export interface TestKeys {
  publicKeyPem: string;
  publicKeyFile: string;
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
  const signer = new JwtSigner(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), {
    algorithm: 'RS256',
    issuer: 'seleksi-registration',
    audience: 'seleksi',
  });
  cached = { publicKeyPem, publicKeyFile, signer, mint: (subject, roles, ttl = 300) => signer.sign(subject, roles, ttl) };
  return cached;
}
