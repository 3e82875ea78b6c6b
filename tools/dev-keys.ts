import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes an RS256 key pair and the other dev secrets for local runs once; production keys come from the operator. */
const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: dev-keys <directory>\n');
  process.exit(64);
}
const publicPath = join(dir, 'jwt-public.pem');
if (!existsSync(publicPath)) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(join(dir, 'jwt-private.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(publicPath, publicKey.export({ type: 'spki', format: 'pem' }));
}
// The secrets registration (and screening, interview) need besides the key pair, for local runs only.
const secrets: [string, () => string][] = [
  ['pii.key', () => randomBytes(32).toString('base64')],
  ['kk-digest.key', () => randomBytes(24).toString('base64url')],
  ['document-grant.key', () => randomBytes(32).toString('base64url')],
];
for (const [name, make] of secrets) {
  if (!existsSync(join(dir, name))) writeFileSync(join(dir, name), make(), { mode: 0o600 });
}
process.stdout.write(`${publicPath}\n`);
