/**
 * The first customer's period through the public HTTP API: a city BKPSDM recruiting 20 IT staff for
 * its Command Center across the positions of domain.md, demo staff accounts (made with the
 * registration CLI), and applicants with valid NIKs and documents, most of them submitted. Run
 * again, it changes nothing.
 *
 * E-mail confirmation tokens are read from registration.mail_outbox as the registration role, the way
 * an operator's mail relay would deliver them.
 */
import { applicantIdentity, sampleJpeg, samplePdf } from '@seleksi/testing';
import { Client } from 'pg';
import { demoNow } from './demo-clock';
import { DemoTargets, demoApis, PERIOD_CODE } from './demo-context';
import { saveCredential, STAFF, staffCli, staffCredentialsFile } from './demo-staff';
import { inParallel } from './http';

const POSITIONS: { code: string; position: string; quota: number; levels: string[]; majors: string[]; gpa: number; type?: string }[] = [
  {
    code: 'PK-AP',
    position: 'Pranata Komputer Ahli Pertama',
    quota: 4,
    levels: ['S1', 'D4'],
    majors: ['Teknik Informatika', 'Sistem Informasi', 'Ilmu Komputer'],
    gpa: 3.0,
  },
  {
    code: 'PK-TR',
    position: 'Pranata Komputer Terampil',
    quota: 3,
    levels: ['D3'],
    majors: ['Teknik Informatika', 'Manajemen Informatika', 'Teknik Komputer'],
    gpa: 2.75,
  },
  {
    code: 'PROG-WEB',
    position: 'Programmer Website',
    quota: 3,
    levels: ['S1', 'D4', 'D3'],
    majors: ['Teknik Informatika', 'Sistem Informasi', 'Ilmu Komputer'],
    gpa: 2.75,
  },
  {
    code: 'PROG-MOB',
    position: 'Programmer Aplikasi Mobile',
    quota: 2,
    levels: ['S1', 'D4', 'D3'],
    majors: ['Teknik Informatika', 'Ilmu Komputer'],
    gpa: 2.75,
  },
  { code: 'SA', position: 'Analis Sistem', quota: 2, levels: ['S1'], majors: ['Sistem Informasi', 'Teknik Informatika'], gpa: 3.0 },
  {
    code: 'NETADM',
    position: 'Administrator Jaringan',
    quota: 2,
    levels: ['S1', 'D3'],
    majors: ['Teknik Komputer', 'Teknik Informatika', 'Teknik Telekomunikasi'],
    gpa: 2.75,
  },
  { code: 'DKV', position: 'Desainer Grafis', quota: 2, levels: ['S1', 'D3'], majors: ['Desain Komunikasi Visual', 'Desain Grafis'], gpa: 2.75 },
  {
    code: 'MM',
    position: 'Pengelola Peralatan Multimedia',
    quota: 2,
    levels: ['D3', 'S1'],
    majors: ['Teknik Multimedia', 'Teknik Informatika', 'Broadcasting'],
    gpa: 2.75,
    type: 'disability',
  },
];

/** Demo applicant `i`: its identity is deterministic, so the demo can sign in as them later (appeals). */
export const DEMO_TAG = 'demo';
export const demoApplicant = (i: number) => applicantIdentity(i, DEMO_TAG);
export const demoApplicantPassword = (i: number) => `Demo-${demoApplicant(i).nik.slice(-6)}`;
/** The index in a demo applicant's e-mail (`<given>.<family>.<i>.demo@contoh.id`). */
export function demoApplicantIndex(email: string): number | undefined {
  const match = new RegExp(`\\.(\\d+)\\.${DEMO_TAG}@contoh\\.id$`).exec(email);
  return match ? Number(match[1]) : undefined;
}

/** A few applicants to sign in as on the portal: two who submitted and one whose draft is still open. */
export function sayApplicantSignIns(t: DemoTargets, applicants: number): void {
  const drafts = (i: number) => i % 6 === 5;
  const samples = [0, 1, 5].filter((i) => i < applicants);
  t.say('demo: sign in on the portal as an applicant:');
  for (const i of samples)
    t.say(`  ${demoApplicant(i).email.padEnd(46)} ${demoApplicantPassword(i).padEnd(14)} ${drafts(i) ? '(draft, not yet submitted)' : '(submitted)'}`);
}

export interface SeedResult {
  periodId: string;
  seeded: boolean;
  applicants: number;
  submitted: number;
}

export async function seedDemo(t: DemoTargets, applicants: number): Promise<SeedResult> {
  const { registration: reg } = demoApis(t);
  const existing = await reg.must('GET', '/periods');
  const found = (existing.body as { id: string; code: string }[]).find((p) => p.code === PERIOD_CODE);
  if (found) {
    t.say(`demo: period ${PERIOD_CODE} exists; nothing to seed. Next: npm run demo -- advance (npm run demo -- status shows where it stands)`);
    sayApplicantSignIns(t, applicants);
    return { periodId: found.id, seeded: false, applicants: 0, submitted: 0 };
  }
  t.say('demo: staff accounts (passwords shown once):');
  const passwords = new Map<string, string>();
  for (const s of STAFF) {
    const made = staffCli(t, ['create', '--email', s.email, '--name', s.name, '--roles', s.roles, '--json']);
    const reply = made.ok ? made : staffCli(t, ['reset-password', '--email', s.email, '--json']);
    if (!reply.ok) throw new Error(`staff account ${s.email}: ${reply.out.trim()}`);
    const { password } = JSON.parse(reply.out) as { password: string };
    saveCredential(t, s.email, password);
    passwords.set(s.email, password);
    t.say(`  ${s.roles.padEnd(18)} ${s.email.padEnd(42)} ${password}${made.ok ? '' : ' (reset)'}`);
  }
  t.say(`  (kept for 'npm run demo -- advance' in ${staffCredentialsFile(t)}, readable by you only)`);
  const adminEmail = STAFF[0].email;
  const admin = (await reg.must('POST', '/auth/login', { json: { email: adminEmail, password: passwords.get(adminEmail) } })).body.accessToken as string;
  // The services' time, which an earlier demo in the same data directory may have moved forward.
  const now = demoNow(t.clockFile).getTime();
  const period = await reg.must('POST', '/admin/periods', {
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
  const periodId = period.body.id as string;
  const formations: { id: string; code: string; levels: string[]; majors: string[] }[] = [];
  for (const p of POSITIONS) {
    const res = await reg.must('POST', `/admin/periods/${periodId}/formations`, {
      token: admin,
      json: {
        code: p.code,
        position: p.position,
        unit: 'Command Center',
        formationType: p.type ?? 'general',
        quota: p.quota,
        requirements: { educationLevels: p.levels, acceptedMajors: p.majors, minimumGpa: p.gpa },
      },
    });
    formations.push({ id: res.body.id, code: p.code, levels: p.levels, majors: p.majors });
  }
  await reg.must('POST', `/admin/periods/${periodId}/open`, { token: admin });
  t.say(`demo: period ${PERIOD_CODE} open with ${formations.length} formations (quota 20) in the Command Center`);

  const db = new Client({
    host: process.env.DB_HOST ?? '127.0.0.1',
    port: Number(process.env.DB_PORT ?? 5432),
    database: t.database,
    user: 'seleksi_registration',
  });
  await db.connect();
  let submitted = 0;
  const photo = sampleJpeg(40_000);
  const diploma = samplePdf(150_000);
  try {
    await inParallel(
      Array.from({ length: applicants }, (_, i) => i),
      8,
      async (i) => {
        const who = demoApplicant(i);
        const password = demoApplicantPassword(i);
        const signUp = await reg.call('POST', '/accounts', { json: { ...who, password } });
        if (signUp.status !== 201) return;
        const { rows } = await db.query<{ body: string }>(`SELECT body FROM registration.mail_outbox WHERE account_id = $1`, [signUp.body.id]);
        await reg.must('POST', '/accounts/confirm-email', { json: { token: /token=([\w-]+)/.exec(rows[0].body)![1] } });
        const token = (await reg.must('POST', '/auth/login', { json: { email: who.email, password } })).body.accessToken as string;
        const f = formations[i % formations.length];
        const id = (await reg.must('POST', '/applications', { token, json: { periodId, formationId: f.id } })).body.id as string;
        // Most are eligible; some have a low GPA or another major, for screening to catch.
        const gpa = i % 9 === 0 ? 2.5 : Number((2.9 + (i % 11) / 10).toFixed(2));
        const major = i % 13 === 0 ? 'Akuntansi' : f.majors[i % f.majors.length];
        await reg.must('PATCH', `/applications/${id}`, {
          token,
          json: {
            education: {
              level: f.levels[i % f.levels.length],
              institution: 'Universitas Negeri Contoh',
              major,
              accreditation: i % 5 === 0 ? 'B' : 'Unggul',
              gpa: Math.min(gpa, 4),
              graduationDate: `${2016 + (i % 8)}-08-30`,
            },
            declarations: ['DATA_TRUE', 'NOT_CIVIL_SERVANT', 'NO_CRIMINAL_RECORD', 'NOT_DISMISSED', 'NOT_PARTY_MEMBER'],
          },
        });
        for (const type of ['pas-foto', 'ktp']) await reg.must('PUT', `/applications/${id}/documents/${type}`, { token, raw: photo, type: 'image/jpeg' });
        for (const type of ['surat-lamaran', 'ijazah', 'transkrip'])
          await reg.must('PUT', `/applications/${id}/documents/${type}`, { token, raw: diploma, type: 'application/pdf' });
        // One in six leaves a draft for the deadline.
        if (i % 6 !== 5) {
          const res = await reg.call('POST', `/applications/${id}/submit`, { token, key: `demo-${id}` });
          if (res.status === 201 || res.status === 200) submitted += 1;
        }
      },
    );
  } finally {
    await db.end();
  }
  t.say(`demo: ${applicants} applicants signed up (password Demo-<last 6 NIK digits>), ${submitted} submitted, the rest in draft`);
  sayApplicantSignIns(t, applicants);
  t.say(`demo: next, 'npm run demo -- advance' closes registration (and moves the demo clock past the deadline)`);
  return { periodId, seeded: true, applicants, submitted };
}
