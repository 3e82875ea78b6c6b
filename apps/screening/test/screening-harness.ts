import { ApplicationSubmitted, idDigest, kkDigest } from '@seleksi/contracts';
import {
  freshSchema,
  InProcessService,
  TEST_KK_DIGEST_KEY,
  newIds,
  newPayload,
  publishEvent,
  startInProcess,
  testKafka,
  testKeys,
  waitFor,
} from '@seleksi/testing';
import { createHash, randomUUID } from 'node:crypto';
import { Clock } from '../src/common/clock';
import { ScreeningConfig } from '../src/screening.config';
import { ScreeningModule } from '../src/screening.module';

/** The key every service gets in tests (serviceEnv), so digests match registration's. */
export const KK_KEY = TEST_KK_DIGEST_KEY;

/** A clock the test moves by hand, so appeal windows pass in milliseconds. */
export class MovableClock extends Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advanceDays(days: number): void {
    this.offsetMs += days * 86_400_000;
  }
}

export interface Harness {
  svc: InProcessService<ScreeningConfig>;
  clock: MovableClock;
  admin: string;
  call(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> & unknown[] }>;
  openPeriod(overrides?: Record<string, unknown>): Promise<string>;
  submit(periodId: string, options?: SubmitOptions): Promise<ApplicationSubmitted>;
  waitForCases(ids: string[]): Promise<void>;
  /** Registration's PeriodClosed counting these submissions (plus `extra` uncounted ones of the first formation), once screening has it. */
  closePeriod(periodId: string, counted: ApplicationSubmitted[], options?: { extra?: string[] }): Promise<void>;
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  registerVerifier(periodId: string, kkNumber?: string): Promise<{ id: string; token: string; kkNumber: string }>;
}

export interface SubmitOptions {
  applicationId?: string;
  formationId?: string;
  kkNumber?: string;
  dateOfBirth?: string;
  gpa?: number;
  photo?: boolean;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
export const randomKk = () => `3273${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`;

export async function startScreening(): Promise<Harness> {
  await freshSchema('screening');
  const clock = new MovableClock();
  const svc = await startInProcess({
    service: 'screening',
    configType: ScreeningConfig,
    module: (c) => ScreeningModule.forConfig(c, { processMetrics: false, clock }),
    env: { KK_DIGEST_KEY: KK_KEY },
  });
  const kafka = testKafka();
  const admin = testKeys().mint(randomUUID(), ['admin']);
  const sql = async <T>(text: string, params: unknown[] = []) => (await svc.dataSource.query(text, params)) as T[];
  const call: Harness['call'] = async (method, path, token, body) => {
    const res = await fetch(`${svc.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {} };
  };
  return {
    svc,
    clock,
    admin,
    call,
    sql,
    async openPeriod(overrides = {}) {
      const ids = newIds();
      // Registration closed yesterday unless a test says otherwise: results can only be announced after it.
      const closed = { registrationOpensAt: '2026-01-01T00:00:00.000Z', registrationClosesAt: new Date(Date.now() - 86_400_000).toISOString() };
      await publishEvent(kafka, svc.topicPrefix, 'PeriodOpened', newPayload('PeriodOpened', ids, { ...closed, ...overrides }));
      await waitFor('period row', async () => (await sql(`SELECT 1 FROM screening.periods WHERE period_id = $1`, [ids.periodId])).length === 1);
      return ids.periodId;
    },
    async submit(periodId, options = {}) {
      const ids = newIds({ periodId, applicationId: options.applicationId, formationId: options.formationId });
      const base = newPayload('ApplicationSubmitted', ids);
      const documents = [
        ...(options.photo === false ? [] : [{ type: 'pas-foto', documentId: randomUUID(), mediaType: 'image/jpeg', sizeBytes: 90_000, sha256: sha('foto') }]),
        { type: 'ktp', documentId: randomUUID(), mediaType: 'image/jpeg', sizeBytes: 80_000, sha256: sha('ktp') },
        { type: 'ijazah', documentId: randomUUID(), mediaType: 'application/pdf', sizeBytes: 500_000, sha256: sha('ijazah') },
      ];
      const payload: ApplicationSubmitted = {
        ...base,
        applicant: { ...base.applicant, kkDigest: kkDigest(options.kkNumber ?? randomKk(), KK_KEY), dateOfBirth: options.dateOfBirth ?? '1998-04-12' },
        education: { ...base.education, gpa: options.gpa ?? 3.41 },
        documents,
      };
      await publishEvent(kafka, svc.topicPrefix, 'ApplicationSubmitted', payload);
      return payload;
    },
    async waitForCases(ids) {
      await waitFor(`${ids.length} cases`, async () => {
        const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM screening.cases WHERE application_id = ANY($1::uuid[])`, [ids]);
        return row.n === ids.length;
      });
    },
    async closePeriod(periodId, counted, options = {}) {
      const byId = new Map<string, string[]>();
      for (const s of counted) byId.set(s.formationId, [...(byId.get(s.formationId) ?? []), s.applicationId]);
      const extra = options.extra ?? [];
      if (extra.length > 0) {
        const first = counted[0]?.formationId ?? randomUUID();
        byId.set(first, [...(byId.get(first) ?? []), ...extra]);
      }
      const byFormation = [...byId].map(([formationId, ids]) => ({ formationId, count: ids.length, digest: idDigest(ids) }));
      const submittedApplications = byFormation.reduce((sum, f) => sum + f.count, 0);
      await publishEvent(kafka, svc.topicPrefix, 'PeriodClosed', { ...newPayload('PeriodClosed', newIds({ periodId })), submittedApplications, byFormation });
      await waitFor('the hand-over row', async () => (await sql(`SELECT 1 FROM screening.handovers WHERE period_id = $1`, [periodId])).length === 1);
    },
    async registerVerifier(periodId, kkNumber = randomKk()) {
      const id = randomUUID();
      const res = await call('POST', `/periods/${periodId}/verifiers`, admin, { accountId: id, name: `Verifikator ${id.slice(0, 4)}`, kkNumber });
      if (res.status !== 201) throw new Error(`register verifier: ${res.status} ${JSON.stringify(res.body)}`);
      return { id, token: testKeys().mint(id, ['verifier']), kkNumber };
    },
  };
}

export const applicantToken = (submission: ApplicationSubmitted) => testKeys().mint(submission.applicant.applicantId, ['applicant']);
