import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sign } from 'jsonwebtoken';
import { mailsTo, type ReceivedMail } from './mailbox';
import { MAIL_DIR, type Service, STATE_FILE, type StackState } from './stack';

/** The stack that support/stack.ts started for this run. */
export function stack(): StackState {
  return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as StackState;
}

/** A staff token signed with the stack's test key, as registration signs them (libs/auth's JwtSigner). */
export function staffToken(roles: string[], subject: string = randomUUID()): { id: string; token: string } {
  const token = sign({ roles }, readFileSync(stack().privateKeyFile, 'utf8'), {
    algorithm: 'RS256',
    issuer: 'seleksi-registration',
    audience: 'seleksi',
    subject,
    jwtid: randomUUID(),
    expiresIn: 3600,
  });
  return { id: subject, token };
}

/** A call straight to a service (staff actions); an answer outside 2xx fails the test with the body. */
export async function api<T = Record<string, unknown>>(
  service: Service,
  method: string,
  path: string,
  options: { token?: string; json?: unknown } = {},
): Promise<T> {
  const response = await fetch(`${stack().services[service]}${path}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.json !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: options.json !== undefined ? JSON.stringify(options.json) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${service}${path} answered ${response.status}: ${text.slice(0, 500)}`);
  return (text ? JSON.parse(text) : {}) as T;
}

/** Polls a staff call until it succeeds (a service that has not yet heard the event answers 404/409). */
export async function eventually<T>(what: string, attempt: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${what}: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** The newest e-mail to an address that the run's SMTP server received (waiting for it), optionally the first after `since`. */
export async function latestMailTo(email: string, options: { since?: number; subject?: RegExp } = {}): Promise<string> {
  return (await mailTo(email, options)).text;
}

export async function mailTo(email: string, options: { since?: number; subject?: RegExp } = {}): Promise<ReceivedMail> {
  return eventually(
    `a mail to ${email}`,
    async () => {
      const mail = mailsTo(MAIL_DIR, email)
        .filter((m) => m.at >= (options.since ?? 0) && (!options.subject || options.subject.test(m.subject)))
        .at(-1);
      if (!mail) throw new Error('none yet');
      return mail;
    },
    30_000,
  );
}

/** The token of a confirmation or reset link in a mail body (a portal link `?token=`, or a bare token at the end). */
export function tokenIn(body: string): string {
  const match = /[?&]token=([A-Za-z0-9_.~-]+)/.exec(body) ?? /: (\S+)\s*$/.exec(body);
  if (!match) throw new Error(`no token in mail: ${body.slice(0, 200)}`);
  return match[1];
}

const HOUR = 3_600_000;

export interface OpenPeriod {
  periodId: string;
  formationId: string;
  code: string;
  admin: { id: string; token: string };
}

/** An admin opens a period with one formation (two documents: a photo JPEG and a diploma PDF). */
export async function openPeriod(
  tag: string,
  closesInMs = 3 * 24 * HOUR,
  rules: Record<string, unknown> = {},
  now = Date.now(),
): Promise<OpenPeriod & { closesAt: Date }> {
  const admin = staffToken(['admin']);
  const code = `E2E-${tag}`.toUpperCase();
  const period = await api<{ id: string }>('registration', 'POST', '/admin/periods', {
    token: admin.token,
    json: {
      code,
      name: `Seleksi Tenaga IT ${tag}`,
      agencyName: 'BKPSDM Kota Contoh',
      timeZone: 'WIB',
      registrationOpensAt: new Date(now - HOUR).toISOString(),
      registrationClosesAt: new Date(now + closesInMs).toISOString(),
      ageReferenceDate: '2026-12-31',
      ruleVersion: 'e2e.1',
      appealFilingDays: 3,
      appealAnsweringDays: 7,
      placement: { reportingDate: '2027-03-01' },
      ...rules,
    },
  });
  const formation = await api<{ id: string }>('registration', 'POST', `/admin/periods/${period.id}/formations`, {
    token: admin.token,
    json: {
      code: 'PK-AP',
      position: 'Pranata Komputer Ahli Pertama',
      unit: 'Command Center',
      formationType: 'general',
      quota: 2,
      requirements: {
        educationLevels: ['S1'],
        acceptedMajors: ['Teknik Informatika', 'Sistem Informasi'],
        minimumGpa: 3,
        minimumAge: 18,
        maximumAge: 35,
        documents: [
          { type: 'pas-foto', mediaType: 'image/jpeg', maxBytes: 204_800 },
          { type: 'ijazah', mediaType: 'application/pdf', maxBytes: 819_200 },
        ],
      },
    },
  });
  await api('registration', 'POST', `/admin/periods/${period.id}/open`, { token: admin.token });
  return { periodId: period.id, formationId: formation.id, code, admin, closesAt: new Date(now + closesInMs) };
}

/** An applicant who signed up, confirmed and submitted through the API (body-mode session), for pages that come after. */
export async function submittedApplicant<Who extends { email: string; password: string }>(
  period: OpenPeriod,
  who: Who,
  files: { photo: Buffer; diploma: Buffer },
): Promise<{ applicationId: string; token: string }> {
  const { password, ...identity } = who;
  await api('registration', 'POST', '/accounts', { json: { ...identity, password, locale: 'id' } });
  await api('registration', 'POST', '/accounts/confirm-email', { json: { token: tokenIn(await latestMailTo(who.email)) } });
  const { accessToken: token } = await api<{ accessToken: string }>('registration', 'POST', '/auth/login', { json: { email: who.email, password } });
  const draft = await api<{ id: string }>('registration', 'POST', '/applications', {
    token,
    json: { periodId: period.periodId, formationId: period.formationId },
  });
  await api('registration', 'PATCH', `/applications/${draft.id}`, {
    token,
    json: {
      education: {
        level: 'S1',
        institution: 'Universitas Hasanuddin',
        major: 'Sistem Informasi',
        gpa: 3.2,
        graduationDate: '2022-09-01',
        accreditation: 'Baik Sekali',
      },
      declarations: ['DATA_TRUE', 'NOT_CIVIL_SERVANT', 'NO_CRIMINAL_RECORD', 'NOT_DISMISSED', 'NOT_PARTY_MEMBER'],
    },
  });
  for (const [type, body, mediaType] of [
    ['pas-foto', files.photo, 'image/jpeg'],
    ['ijazah', files.diploma, 'application/pdf'],
  ] as const) {
    const response = await fetch(`${stack().services.registration}/applications/${draft.id}/documents/${type}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': mediaType },
      body: new Uint8Array(body),
    });
    if (!response.ok) throw new Error(`upload ${type} answered ${response.status}: ${await response.text()}`);
  }
  await api('registration', 'POST', `/applications/${draft.id}/submit`, { token });
  return { applicationId: draft.id, token };
}
