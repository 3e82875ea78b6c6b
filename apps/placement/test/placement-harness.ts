import { randomUUID } from 'node:crypto';
import { idDigest } from '@seleksi/contracts';
import { freshSchema, InProcessService, newIds, newPayload, publishEvent, startInProcess, testKafka, testKeys, waitFor } from '@seleksi/testing';
import { PlacementConfig } from '../src/placement.config';
import { PlacementModule } from '../src/placement.module';

/**
 * The placement service in process for an integration spec, and the factories its specs share: a
 * period opened through its events, candidates' stage results, HTTP calls as a given role.
 */
let svc: InProcessService<PlacementConfig> | undefined;

export async function startPlacement(): Promise<InProcessService<PlacementConfig>> {
  await freshSchema('placement');
  svc = await startInProcess({ service: 'placement', configType: PlacementConfig, module: (c) => PlacementModule.forConfig(c, { processMetrics: false }) });
  return svc;
}

export async function stopPlacement(): Promise<void> {
  await svc?.close();
}

/** The running service (startPlacement in beforeAll). */
export function service(): InProcessService<PlacementConfig> {
  if (!svc) throw new Error('startPlacement() first');
  return svc;
}

export const as = (sub: string, role: 'placement-officer' | 'admin' | 'applicant') => ({ authorization: `Bearer ${testKeys().mint(sub, [role])}` });

/** A parsed JSON response body: tests read into it freely, as JSON.parse types it. */
export type Json = ReturnType<typeof JSON.parse>;

export async function call(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; json: Json; text: string; type: string }> {
  const res = await fetch(`${service().url}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: Json = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, json, text, type: res.headers.get('content-type') ?? '' };
}

export const q = async (sql: string, params: unknown[] = []) => (await service().dataSource.query(sql, params)) as Record<string, unknown>[];

export interface Cand {
  applicationId: string;
  applicantId: string;
  formationId: string;
  periodId: string;
}

/** Per formation of these candidates: how many, with the digest of their application ids. */
export function countsOf(cands: { formationId: string; applicationId: string }[]) {
  return [...new Set(cands.map((c) => c.formationId))].map((formationId) => {
    const apps = cands.filter((c) => c.formationId === formationId).map((c) => c.applicationId);
    return { formationId, count: apps.length, digest: idDigest(apps) };
  });
}

/** Skb's SkbPeriodFinalized counting these SKB results, once placement has recorded it. */
export async function skbHandOver(periodId: string, cands: { formationId: string; applicationId: string }[]) {
  await publishEvent(testKafka(), service().topicPrefix, 'SkbPeriodFinalized', {
    ...newPayload('SkbPeriodFinalized', newIds({ periodId })),
    results: cands.length,
    proceeding: cands.length,
    resultsByFormation: countsOf(cands),
    proceedingByFormation: countsOf(cands),
  });
  await waitFor(
    'skb hand-over stored',
    async () => (await q(`SELECT 1 FROM placement.handovers WHERE period_id = $1 AND stage = 'skb'`, [periodId])).length === 1,
    {
      timeoutMs: 30_000,
    },
  );
}

/** Interview's InterviewPeriodCompleted counting these interview results, once placement has recorded it. */
export async function interviewHandOver(periodId: string, cands: { formationId: string; applicationId: string }[]) {
  await publishEvent(testKafka(), service().topicPrefix, 'InterviewPeriodCompleted', {
    ...newPayload('InterviewPeriodCompleted', newIds({ periodId })),
    completed: cands.length,
    completedByFormation: countsOf(cands),
  });
  await waitFor(
    'interview hand-over stored',
    async () => (await q(`SELECT 1 FROM placement.handovers WHERE period_id = $1 AND stage = 'interview'`, [periodId])).length === 1,
    { timeoutMs: 30_000 },
  );
}

/** A period with formations; returns a function that sends one candidate's SKB and interview results. */
export async function openPeriod(
  placement: { optimalisasiScope: string; overrideNeedsSecondApproval: boolean; reportingDate: string },
  formations: { position: string; edu: string[]; quota: number; code: string }[],
) {
  const periodId = randomUUID();
  const base = newIds({ periodId });
  await publishEvent(testKafka(), service().topicPrefix, 'PeriodOpened', newPayload('PeriodOpened', base, { placement }));
  const fids: string[] = [];
  for (const f of formations) {
    const ids = newIds({ periodId });
    fids.push(ids.formationId);
    const pub = newPayload('FormationPublished', ids, { position: f.position, quota: f.quota, code: f.code });
    pub.requirements.educationLevels = f.edu as never;
    await publishEvent(testKafka(), service().topicPrefix, 'FormationPublished', pub);
  }
  await waitFor(
    'period and formations stored',
    async () =>
      (await q(`SELECT 1 FROM placement.formations WHERE period_id = $1`, [periodId])).length === formations.length &&
      (await q(`SELECT 1 FROM placement.periods WHERE period_id = $1`, [periodId])).length === 1,
    { timeoutMs: 30_000 },
  );
  const candidate = async (
    formation: number,
    skb: number,
    interview: number | null,
    over: { cat?: number; gpa?: number; dob?: string; participantNumber?: string } = {},
  ): Promise<Cand> => {
    const ids = newIds({ periodId, formationId: fids[formation] });
    const applicantId = randomUUID();
    await publishEvent(
      testKafka(),
      service().topicPrefix,
      'SkbResultFinalized',
      newPayload('SkbResultFinalized', ids, {
        applicantId,
        ...(over.participantNumber ? { participantNumber: over.participantNumber } : {}),
        total: skb,
        components: [
          { component: 'cat', value: over.cat ?? 400 },
          { component: 'practical', value: 70 },
        ],
        gpa: over.gpa ?? 3.5,
        dateOfBirth: over.dob ?? '1998-01-01',
      }),
    );
    await publishEvent(
      testKafka(),
      service().topicPrefix,
      'InterviewCompleted',
      newPayload('InterviewCompleted', ids, interview === null ? { outcome: 'ABSENT', total: null } : { total: interview }),
    );
    return { applicationId: ids.applicationId, applicantId, formationId: fids[formation], periodId };
  };
  return { periodId, fids, candidate };
}

export async function storedResults(cands: Cand[]) {
  await waitFor(
    'stage results stored',
    async () =>
      (await q(`SELECT 1 FROM placement.stage_results WHERE application_id = ANY($1::uuid[])`, [cands.map((c) => c.applicationId)])).length ===
      cands.length * 2,
    { timeoutMs: 30_000 },
  );
  for (const periodId of new Set(cands.map((c) => c.periodId))) {
    const ofPeriod = cands.filter((c) => c.periodId === periodId);
    await skbHandOver(periodId, ofPeriod);
    await interviewHandOver(periodId, ofPeriod);
  }
}
