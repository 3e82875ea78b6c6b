import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { distTesting, ROOT } from './stack';

export interface StaffAccount {
  id: string;
  email: string;
  password: string;
  roles: string[];
}

/**
 * A staff account made as an agency makes one: registration's `cli staff create` (there is no staff
 * sign-up), against the run's registration schema; the generated password is handed back once.
 */
export function staffAccount(roles: string[], name = 'Petugas Uji'): StaffAccount {
  const email = `${roles.join('-')}-${randomUUID().slice(0, 8)}@instansi.test`;
  // The port is unused by the command (it serves nothing); the database settings are the run's.
  const env = { ...process.env, ...distTesting().serviceEnv('registration', 49001) };
  const out = execFileSync(
    process.execPath,
    [
      '-r',
      join(ROOT, 'deploy/node-paths.js'),
      join(ROOT, 'dist/apps/registration/src/cli.js'),
      'staff',
      'create',
      '--email',
      email,
      '--name',
      name,
      '--roles',
      roles.join(','),
      '--json',
    ],
    {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    },
  );
  const created = JSON.parse(out.trim().split('\n').at(-1)!) as { id: string; password: string };
  return { id: created.id, email, password: created.password, roles };
}
