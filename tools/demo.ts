/**
 * `npm start` seeds one recruitment period like the first customer's through the public HTTP API:
 * a city BKPSDM recruiting 20 IT staff for its Command Center across the positions of domain.md,
 * demo staff accounts (made with the registration CLI, passwords shown once), and a few hundred
 * applicants with valid NIKs and documents, most of them submitted. Run again, it changes nothing.
 *
 * E-mail confirmation tokens are read from registration.mail_outbox as the registration role, the way
 * an operator's mail relay would deliver them.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { applicantIdentity, sampleJpeg, samplePdf } from '@seleksi/testing';

const { values } = parseArgs({
  options: {
    registration: { type: 'string', default: 'http://127.0.0.1:3001' },
    database: { type: 'string', default: process.env.SELEKSI_DB ?? 'seleksi' },
    applicants: { type: 'string', default: '200' },
  },
});
const base = values.registration!;
const PERIOD_CODE = 'PEMKOT-2026-IT';

const POSITIONS: { code: string; position: string; quota: number; levels: string[]; majors: string[]; gpa: number; type?: string }[] = [
  { code: 'PK-AP', position: 'Pranata Komputer Ahli Pertama', quota: 4, levels: ['S1', 'D4'], majors: ['Teknik Informatika', 'Sistem Informasi', 'Ilmu Komputer'], gpa: 3.0 },
  { code: 'PK-TR', position: 'Pranata Komputer Terampil', quota: 3, levels: ['D3'], majors: ['Teknik Informatika', 'Manajemen Informatika', 'Teknik Komputer'], gpa: 2.75 },
  { code: 'PROG-WEB', position: 'Programmer Website', quota: 3, levels: ['S1', 'D4', 'D3'], majors: ['Teknik Informatika', 'Sistem Informasi', 'Ilmu Komputer'], gpa: 2.75 },
  { code: 'PROG-MOB', position: 'Programmer Aplikasi Mobile', quota: 2, levels: ['S1', 'D4', 'D3'], majors: ['Teknik Informatika', 'Ilmu Komputer'], gpa: 2.75 },
  { code: 'SA', position: 'Analis Sistem', quota: 2, levels: ['S1'], majors: ['Sistem Informasi', 'Teknik Informatika'], gpa: 3.0 },
  { code: 'NETADM', position: 'Administrator Jaringan', quota: 2, levels: ['S1', 'D3'], majors: ['Teknik Komputer', 'Teknik Informatika', 'Teknik Telekomunikasi'], gpa: 2.75 },
  { code: 'DKV', position: 'Desainer Grafis', quota: 2, levels: ['S1', 'D3'], majors: ['Desain Komunikasi Visual', 'Desain Grafis'], gpa: 2.75 },
  { code: 'MM', position: 'Pengelola Peralatan Multimedia', quota: 2, levels: ['D3', 'S1'], majors: ['Teknik Multimedia', 'Teknik Informatika', 'Broadcasting'], gpa: 2.75, type: 'disability' },
];

const STAFF: { email: string; name: string; roles: string }[] = [
  { email: 'admin.demo@bkpsdm.contoh.go.id', name: 'Admin BKPSDM', roles: 'admin' },
  { email: 'verifikator1.demo@bkpsdm.contoh.go.id', name: 'Rina Verifikator', roles: 'verifier' },
  { email: 'verifikator2.demo@bkpsdm.contoh.go.id', name: 'Agus Verifikator', roles: 'verifier' },
  { email: 'skb.demo@bkpsdm.contoh.go.id', name: 'Dewi Panitia SKB', roles: 'skb-officer' },
  { email: 'panelis1.demo@bkpsdm.contoh.go.id', name: 'Hendra Panelis', roles: 'panelist' },
  { email: 'panelis2.demo@bkpsdm.contoh.go.id', name: 'Sri Panelis', roles: 'panelist' },
  { email: 'panelis3.demo@bkpsdm.contoh.go.id', name: 'Bayu Panelis', roles: 'panelist' },
  { email: 'penempatan.demo@bkpsdm.contoh.go.id', name: 'Fajar Penempatan', roles: 'placement-officer' },
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function call(method: string, path: string, options: { token?: string; json?: unknown; raw?: Buffer; type?: string; key?: string } = {}): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.key) headers['idempotency-key'] = options.key;
  let body: string | Uint8Array | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.raw) {
    headers['content-type'] = options.type ?? 'application/octet-stream';
    body = new Uint8Array(options.raw);
  }
  const res = await fetch(`${base}${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}

function staffCli(args: string[]): { ok: boolean; out: string } {
  const root = process.env.SELEKSI_REPO_ROOT ?? join(__dirname, '..', '..');
  const dist = process.env.SELEKSI_DIST ?? join(root, 'dist');
  try {
    const out = execFileSync(process.execPath, ['-r', join(root, 'deploy/node-paths.js'), join(dist, 'apps/registration/src/cli.js'), 'staff', ...args], {
      env: { ...process.env, DB_HOST: '127.0.0.1', DB_PORT: '5432', DB_NAME: values.database, DB_USER: 'seleksi_registration' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { ok: true, out };
  } catch (error) {
    return { ok: false, out: String((error as { stderr?: string }).stderr ?? error) };
  }
}

async function main(): Promise<void> {
  const existing = await call('GET', '/periods');
  if (Array.isArray(existing.body) && existing.body.some((p: { code: string }) => p.code === PERIOD_CODE)) {
    process.stdout.write(`demo: period ${PERIOD_CODE} exists; nothing to seed (staff passwords: npm run staff -- reset-password --email <e-mail>)\n`);
    return;
  }
  process.stdout.write('demo: staff accounts (passwords shown once):\n');
  const passwords = new Map<string, string>();
  for (const s of STAFF) {
    const made = staffCli(['create', '--email', s.email, '--name', s.name, '--roles', s.roles, '--json']);
    if (made.ok) {
      const { password } = JSON.parse(made.out) as { password: string };
      passwords.set(s.email, password);
      process.stdout.write(`  ${s.roles.padEnd(18)} ${s.email.padEnd(42)} ${password}\n`);
    } else {
      const reset = staffCli(['reset-password', '--email', s.email, '--json']);
      const { password } = JSON.parse(reset.out) as { password: string };
      passwords.set(s.email, password);
      process.stdout.write(`  ${s.roles.padEnd(18)} ${s.email.padEnd(42)} ${password} (reset)\n`);
    }
  }
  const adminLogin = await call('POST', '/auth/login', { json: { email: STAFF[0].email, password: passwords.get(STAFF[0].email) } });
  const admin = adminLogin.body.accessToken as string;
  const now = Date.now();
  const period = await call('POST', '/admin/periods', {
    token: admin,
    json: {
      code: PERIOD_CODE,
      name: 'Seleksi Tenaga IT Command Center Kota Contoh 2026',
      agencyName: 'BKPSDM Kota Contoh',
      timeZone: 'WIB',
      registrationOpensAt: new Date(now - 3 * 86_400_000).toISOString(),
      registrationClosesAt: new Date(now + 14 * 86_400_000).toISOString(),
      ageReferenceDate: new Date(now + 14 * 86_400_000).toISOString().slice(0, 10),
      ruleVersion: 'pemkot-contoh-2026.1',
      placement: { reportingDate: new Date(now + 90 * 86_400_000).toISOString().slice(0, 10) },
    },
  });
  if (period.status !== 201) throw new Error(`period: ${period.status} ${JSON.stringify(period.body)}`);
  const formations: { id: string; code: string; levels: string[]; majors: string[] }[] = [];
  for (const p of POSITIONS) {
    const res = await call('POST', `/admin/periods/${period.body.id}/formations`, {
      token: admin,
      json: {
        code: p.code, position: p.position, unit: 'Command Center', formationType: p.type ?? 'general', quota: p.quota,
        requirements: { educationLevels: p.levels, acceptedMajors: p.majors, minimumGpa: p.gpa },
      },
    });
    if (res.status !== 201) throw new Error(`formation ${p.code}: ${res.status} ${JSON.stringify(res.body)}`);
    formations.push({ id: res.body.id, code: p.code, levels: p.levels, majors: p.majors });
  }
  await call('POST', `/admin/periods/${period.body.id}/open`, { token: admin });
  process.stdout.write(`demo: period ${PERIOD_CODE} open with ${formations.length} formations (quota 20) in the Command Center\n`);

  const db = new Client({ host: '127.0.0.1', port: 5432, database: values.database, user: 'seleksi_registration' });
  await db.connect();
  const count = Number(values.applicants);
  let submitted = 0;
  const photo = sampleJpeg(40_000);
  const diploma = samplePdf(150_000);
  const work = Array.from({ length: count }, (_, i) => i);
  await Promise.all(Array.from({ length: 8 }, async () => {
    for (let i = work.shift(); i !== undefined; i = work.shift()) {
      const who = applicantIdentity(i, 'demo');
      const signUp = await call('POST', '/accounts', { json: { ...who, password: `Demo-${who.nik.slice(-6)}` } });
      if (signUp.status !== 201) continue;
      const { rows } = await db.query(`SELECT body FROM registration.mail_outbox WHERE account_id = $1`, [signUp.body.id]);
      await call('POST', '/accounts/confirm-email', { json: { token: /: (\S+)$/.exec(rows[0].body)![1] } });
      const login = await call('POST', '/auth/login', { json: { email: who.email, password: `Demo-${who.nik.slice(-6)}` } });
      const token = login.body.accessToken as string;
      const f = formations[i % formations.length];
      const draft = await call('POST', '/applications', { token, json: { periodId: period.body.id, formationId: f.id } });
      const id = draft.body.id as string;
      // Most are eligible; some have a low GPA or another major, for screening to catch.
      const gpa = i % 9 === 0 ? 2.5 : Number((2.9 + (i % 11) / 10).toFixed(2));
      const major = i % 13 === 0 ? 'Akuntansi' : f.majors[i % f.majors.length];
      await call('PATCH', `/applications/${id}`, {
        token,
        json: {
          education: { level: f.levels[i % f.levels.length], institution: 'Universitas Negeri Contoh', major, accreditation: i % 5 === 0 ? 'B' : 'Unggul', gpa: Math.min(gpa, 4), graduationDate: `${2016 + (i % 8)}-08-30` },
          declarations: ['DATA_TRUE', 'NOT_CIVIL_SERVANT', 'NO_CRIMINAL_RECORD', 'NOT_DISMISSED', 'NOT_PARTY_MEMBER'],
        },
      });
      for (const type of ['pas-foto', 'ktp']) await call('PUT', `/applications/${id}/documents/${type}`, { token, raw: photo, type: 'image/jpeg' });
      for (const type of ['surat-lamaran', 'ijazah', 'transkrip']) await call('PUT', `/applications/${id}/documents/${type}`, { token, raw: diploma, type: 'application/pdf' });
      // One in six leaves a draft for the deadline.
      if (i % 6 !== 5) {
        const res = await call('POST', `/applications/${id}/submit`, { token, key: `demo-${id}` });
        if (res.status === 201 || res.status === 200) submitted += 1;
      }
    }
  }));
  await db.end();
  process.stdout.write(`demo: ${count} applicants signed up (password Demo-<last 6 NIK digits>), ${submitted} submitted, the rest in draft\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`demo seeding failed: ${error.message}\n`);
  process.exit(1);
});
