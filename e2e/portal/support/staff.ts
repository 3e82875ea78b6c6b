import { execFile, execFileSync } from 'node:child_process';
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
  const { email, args, env } = command(roles, name);
  return account(roles, email, execFileSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8' }));
}

/** Several staff accounts at once (the commands run side by side). */
export function staffAccounts(roleSets: string[][], name = 'Petugas Uji'): Promise<StaffAccount[]> {
  return Promise.all(
    roleSets.map(
      (roles) =>
        new Promise<StaffAccount>((resolve, reject) => {
          const { email, args, env } = command(roles, name);
          execFile(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8' }, (error, out) => (error ? reject(error) : resolve(account(roles, email, out))));
        }),
    ),
  );
}

function command(roles: string[], name: string) {
  const email = `${roles.join('-')}-${randomUUID().slice(0, 8)}@instansi.test`;
  // The port is unused by the command (it serves nothing); the database settings are the run's.
  const env = { ...process.env, ...distTesting().serviceEnv('registration', 49001) };
  const cli = join(ROOT, 'dist/apps/registration/src/cli.js');
  const args = ['-r', join(ROOT, 'deploy/node-paths.js'), cli, 'staff', 'create', '--email', email, '--name', name, '--roles', roles.join(','), '--json'];
  return { email, args, env };
}

function account(roles: string[], email: string, out: string): StaffAccount {
  const created = JSON.parse(out.trim().split('\n').at(-1)!) as { id: string; password: string };
  return { id: created.id, email, password: created.password, roles };
}
