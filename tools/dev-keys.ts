import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes an RS256 key pair for local runs once; production keys come from the operator. */
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
process.stdout.write(`${publicPath}\n`);
