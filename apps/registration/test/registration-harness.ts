import { randomUUID } from 'node:crypto';
import { applicantIdentity, ApplicantIdentity, freshSchema, InProcessService, sampleJpeg, samplePdf, startInProcess, testKeys } from '@seleksi/testing';
import { Clock } from '../src/common/clock';
import { RegistrationConfig } from '../src/registration.config';
import { RegistrationModule } from '../src/registration.module';

// Response bodies are whatever JSON the route returns; tests assert on their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export type Registration = InProcessService<RegistrationConfig> & {
  admin: string;
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; raw?: Buffer; contentType?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; body: Json; headers: Headers; bytes: Buffer }>;
  /** Stands the service's clock at an instant (undefined: real time again). */
  setNow(instant: Date | undefined): void;
};

export async function startRegistration(env: Record<string, string> = {}): Promise<Registration> {
  await freshSchema('registration');
  const svc = await startInProcess({
    service: 'registration',
    configType: RegistrationConfig,
    module: (c) => RegistrationModule.forConfig(c, { processMetrics: false }),
    env,
  });
  const clock = svc.app.get(Clock);
  const realNow = clock.now.bind(clock);
  let fixed: Date | undefined;
  clock.now = () => (fixed ? new Date(fixed) : realNow());
  const call: Registration['call'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | Uint8Array | undefined;
    if (options.raw) {
      body = new Uint8Array(options.raw);
      headers['content-type'] = options.contentType ?? 'application/octet-stream';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(`${svc.url}${path}`, { method, headers, body });
    const bytes = Buffer.from(await res.arrayBuffer());
    const text = bytes.toString('utf8');
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, body: parsed, headers: res.headers, bytes };
  };
  return Object.assign(svc, { admin: testKeys().mint(randomUUID(), ['admin']), call, setNow: (i: Date | undefined) => (fixed = i) });
}

export function periodBody(overrides: Record<string, unknown> = {}) {
  const code = `T-${randomUUID().slice(0, 8).toUpperCase()}`;
  return {
    code,
    name: `Seleksi ${code}`,
    agencyName: 'BKPSDM Kota Contoh',
    timeZone: 'WIB',
    registrationOpensAt: new Date(Date.now() - 86_400_000).toISOString(),
    registrationClosesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    ageReferenceDate: '2026-12-15',
    ruleVersion: 'pemkot-2026.1',
    placement: { reportingDate: '2027-01-04' },
    ...overrides,
  };
}

export function formationBody(code = 'PK-AP', overrides: Record<string, unknown> = {}) {
  return {
    code,
    position: 'Pranata Komputer Ahli Pertama',
    unit: 'Command Center',
    formationType: 'general',
    quota: 4,
    requirements: {
      educationLevels: ['S1', 'D4'],
      acceptedMajors: ['Teknik Informatika', 'Sistem Informasi'],
      minimumGpa: 3,
      documents: [
        { type: 'pas-foto', mediaType: 'image/jpeg', maxBytes: 200 * 1024 },
        { type: 'ijazah', mediaType: 'application/pdf', maxBytes: 800 * 1024 },
      ],
    },
    ...overrides,
  };
}

/** A period with one or more formations, opened. */
export async function openPeriod(reg: Registration, options: { period?: Record<string, unknown>; formations?: ReturnType<typeof formationBody>[] } = {}) {
  const created = await reg.call('POST', '/admin/periods', { token: reg.admin, body: periodBody(options.period) });
  if (created.status !== 201) throw new Error(`period: ${created.status} ${JSON.stringify(created.body)}`);
  const formations = [];
  for (const f of options.formations ?? [formationBody()]) {
    const res = await reg.call('POST', `/admin/periods/${created.body.id}/formations`, { token: reg.admin, body: f });
    if (res.status !== 201) throw new Error(`formation: ${res.status} ${JSON.stringify(res.body)}`);
    formations.push(res.body);
  }
  const opened = await reg.call('POST', `/admin/periods/${created.body.id}/open`, { token: reg.admin });
  if (opened.status !== 201) throw new Error(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
  return { period: opened.body, formations };
}

export function signUpBody(identity: ApplicantIdentity, password = 'rahasia-123') {
  return { ...identity, password };
}

/** Sign up, confirm the e-mail with the token from the mail outbox, sign in. */
export async function applicantSession(reg: Registration, identity: ApplicantIdentity): Promise<{ id: string; token: string; refreshToken: string }> {
  const signUp = await reg.call('POST', '/accounts', { body: signUpBody(identity) });
  if (signUp.status !== 201) throw new Error(`sign-up: ${signUp.status} ${JSON.stringify(signUp.body)}`);
  const [mail] = await reg.dataSource.query(`SELECT body FROM registration.mail_outbox WHERE account_id = $1`, [signUp.body.id]);
  const token = /token=([\w-]+)/.exec(mail.body)![1];
  const confirmed = await reg.call('POST', '/accounts/confirm-email', { body: { token } });
  if (confirmed.status !== 204) throw new Error(`confirm: ${confirmed.status}`);
  const login = await reg.call('POST', '/auth/login', { body: { email: identity.email, password: 'rahasia-123' } });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${JSON.stringify(login.body)}`);
  return { id: signUp.body.id, token: login.body.accessToken, refreshToken: login.body.refreshToken };
}

export const EDUCATION = {
  level: 'S1',
  institution: 'Universitas Padjadjaran',
  major: 'Teknik Informatika',
  accreditation: 'A',
  gpa: 3.41,
  graduationDate: '2021-08-28',
};
export const ALL_DECLARATIONS = ['DATA_TRUE', 'NOT_CIVIL_SERVANT', 'NO_CRIMINAL_RECORD', 'NOT_DISMISSED', 'NOT_PARTY_MEMBER'];

/** A complete draft: education, declarations and the formation's documents. */
export async function completeDraft(reg: Registration, token: string, periodId: string, formationId: string): Promise<string> {
  const created = await reg.call('POST', '/applications', { token, body: { periodId, formationId } });
  if (created.status !== 201) throw new Error(`draft: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  await reg.call('PATCH', `/applications/${id}`, { token, body: { education: EDUCATION, declarations: ALL_DECLARATIONS } });
  await reg.call('PUT', `/applications/${id}/documents/pas-foto`, { token, raw: sampleJpeg(30_000), contentType: 'image/jpeg' });
  await reg.call('PUT', `/applications/${id}/documents/ijazah`, { token, raw: samplePdf(100_000), contentType: 'application/pdf' });
  return id;
}

export { applicantIdentity };
