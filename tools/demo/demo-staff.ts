import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DemoApis, DemoTargets, repoRoot } from './demo-context';

export type DemoRole = 'admin' | 'verifier1' | 'verifier2' | 'skb' | 'panelist1' | 'panelist2' | 'panelist3' | 'placement';

/**
 * The demo staff, one account per duty. KK numbers are staff's own (for the conflict checks in
 * screening and interview); the `99` in the seventh and eighth digits never occurs in a demo
 * applicant's KK, so no one is recused by accident.
 */
export const STAFF: { as: DemoRole; email: string; name: string; roles: string; kkNumber: string }[] = [
  { as: 'admin', email: 'admin.demo@bkpsdm.contoh.go.id', name: 'Admin BKPSDM', roles: 'admin', kkNumber: '3273019900000001' },
  { as: 'verifier1', email: 'verifikator1.demo@bkpsdm.contoh.go.id', name: 'Rina Verifikator', roles: 'verifier', kkNumber: '3273019900000002' },
  { as: 'verifier2', email: 'verifikator2.demo@bkpsdm.contoh.go.id', name: 'Agus Verifikator', roles: 'verifier', kkNumber: '3273019900000003' },
  { as: 'skb', email: 'skb.demo@bkpsdm.contoh.go.id', name: 'Dewi Panitia SKB', roles: 'skb-officer', kkNumber: '3273019900000004' },
  { as: 'panelist1', email: 'panelis1.demo@bkpsdm.contoh.go.id', name: 'Hendra Panelis', roles: 'panelist', kkNumber: '3273019900000005' },
  { as: 'panelist2', email: 'panelis2.demo@bkpsdm.contoh.go.id', name: 'Sri Panelis', roles: 'panelist', kkNumber: '3273019900000006' },
  { as: 'panelist3', email: 'panelis3.demo@bkpsdm.contoh.go.id', name: 'Bayu Panelis', roles: 'panelist', kkNumber: '3273019900000007' },
  { as: 'placement', email: 'penempatan.demo@bkpsdm.contoh.go.id', name: 'Fajar Penempatan', roles: 'placement-officer', kkNumber: '3273019900000008' },
];

export function staffCredentialsFile(t: DemoTargets): string {
  return join(t.dataDir, 'staff.json');
}

/** The registration CLI's `staff` command (the only way staff accounts are made), as the registration role. */
export function staffCli(t: DemoTargets, args: string[]): { ok: boolean; out: string } {
  const root = repoRoot();
  const dist = process.env.SELEKSI_DIST ?? join(root, 'dist');
  try {
    const out = execFileSync(process.execPath, ['-r', join(root, 'deploy/node-paths.js'), join(dist, 'apps/registration/src/cli.js'), 'staff', ...args], {
      env: {
        ...process.env,
        DB_HOST: process.env.DB_HOST ?? '127.0.0.1',
        DB_PORT: process.env.DB_PORT ?? '5432',
        DB_NAME: t.database,
        DB_USER: 'seleksi_registration',
      },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { ok: true, out };
  } catch (error) {
    return { ok: false, out: String((error as { stderr?: string }).stderr ?? error) };
  }
}

function readCredentials(t: DemoTargets): Record<string, string> {
  try {
    return JSON.parse(readFileSync(staffCredentialsFile(t), 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

/**
 * The demo acts as its staff, so it keeps their passwords in `.data/demo/staff.json`, readable by
 * the owner only (0600), beside the development keys of `.data/keys`. Demo accounts only: real
 * staff get their password once and nothing keeps it.
 */
export function saveCredential(t: DemoTargets, email: string, password: string): void {
  const all = { ...readCredentials(t), [email]: password };
  mkdirSync(t.dataDir, { recursive: true });
  writeFileSync(staffCredentialsFile(t), `${JSON.stringify(all, null, 2)}\n`, { mode: 0o600 });
  chmodSync(staffCredentialsFile(t), 0o600);
}

export interface StaffSession {
  id: string;
  name: string;
  kkNumber: string;
  token: string;
}

/** Signs demo staff in with the saved passwords; a password the file lacks (or that fails) is reset with the CLI and saved. */
export class DemoStaff {
  private readonly sessions = new Map<DemoRole, StaffSession>();

  constructor(
    private readonly t: DemoTargets,
    private readonly apis: DemoApis,
  ) {}

  async as(role: DemoRole): Promise<StaffSession> {
    const known = this.sessions.get(role);
    if (known) return known;
    const who = STAFF.find((s) => s.as === role)!;
    let password = readCredentials(this.t)[who.email];
    let login = password ? await this.apis.registration.call('POST', '/auth/login', { json: { email: who.email, password } }) : undefined;
    if (!login || login.status !== 200) {
      const reset = staffCli(this.t, ['reset-password', '--email', who.email, '--json']);
      if (!reset.ok) throw new Error(`cannot sign in as ${who.email}: ${reset.out.trim()}`);
      password = (JSON.parse(reset.out) as { password: string }).password;
      saveCredential(this.t, who.email, password);
      this.t.say(`  (no saved password for ${who.email}: reset it with the staff CLI and saved it in ${staffCredentialsFile(this.t)})`);
      login = await this.apis.registration.must('POST', '/auth/login', { json: { email: who.email, password } });
    }
    const token = login.body.accessToken as string;
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { sub: string };
    const session = { id: claims.sub, name: who.name, kkNumber: who.kkNumber, token };
    this.sessions.set(role, session);
    return session;
  }
}
