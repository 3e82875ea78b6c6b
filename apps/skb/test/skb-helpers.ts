import { AgencyTimeZone, EventEnvelope, idDigest, SkbRules } from '@seleksi/contracts';
import { InProcessService, newIds, newPayload, newSkbRules, publishEvent, readEvents, testKafka, waitFor } from '@seleksi/testing';
import { randomUUID } from 'node:crypto';
import { SkbConfig } from '../src/skb.config';

export interface SeededParticipant {
  applicationId: string;
  applicantId: string;
  formationId: string;
  participantNumber: string;
}

export interface SeedFormation {
  code: string;
  quota: number;
  count: number;
  formationType?: string;
}

export interface SeededPeriod {
  periodId: string;
  formations: { formationId: string; code: string }[];
  participants: SeededParticipant[];
}

/** A period with its rules, formations and MS participants, fed through the broker as upstream services would. */
export async function seedPeriod(
  svc: InProcessService<SkbConfig>,
  formations: SeedFormation[],
  options: { rules?: SkbRules; timeZone?: AgencyTimeZone; handOver?: boolean } = {},
): Promise<SeededPeriod> {
  const kafka = testKafka();
  const base = newIds();
  await publishEvent(
    kafka,
    svc.topicPrefix,
    'PeriodOpened',
    newPayload('PeriodOpened', base, { skb: options.rules ?? newSkbRules(), timeZone: options.timeZone ?? 'WIB' }),
  );
  const made: { formationId: string; code: string }[] = [];
  let total = 0;
  const sent: { formationId: string; applicationId: string }[] = [];
  for (const f of formations) {
    const ids = newIds({ periodId: base.periodId });
    made.push({ formationId: ids.formationId, code: f.code });
    await publishEvent(
      kafka,
      svc.topicPrefix,
      'FormationPublished',
      newPayload('FormationPublished', ids, { code: f.code, quota: f.quota, formationType: f.formationType ?? 'general' }),
    );
    for (let i = 0; i < f.count; i++) {
      const app = newIds({ periodId: base.periodId, formationId: ids.formationId });
      await publishEvent(
        kafka,
        svc.topicPrefix,
        'ScreeningFinalized',
        newPayload('ScreeningFinalized', app, { applicantId: randomUUID(), fullName: `Peserta ${f.code} ${i + 1}` }),
      );
      total++;
      sent.push({ formationId: ids.formationId, applicationId: app.applicationId });
    }
  }
  // Screening's closing count, unless a test holds it back.
  if (options.handOver ?? true)
    await handOver(
      svc,
      base.periodId,
      made.map((f) => f.formationId),
      sent,
    );
  const participants = await waitFor(
    `${total} numbered participants (logs: ${svc.logs().slice(-3000)})`,
    async () => {
      const rows = await participantsOf(svc, base.periodId);
      return rows.length === total && rows.every((r) => r.participantNumber) && (await periodKnown(svc, base.periodId)) ? rows : undefined;
    },
    { timeoutMs: 30_000 },
  );
  return { periodId: base.periodId, formations: made, participants };
}

/** ScreeningPeriodFinalized counting these MS applications per formation, once skb has it. */
export async function handOver(
  svc: InProcessService<SkbConfig>,
  periodId: string,
  formationIds: string[],
  eligible: { formationId: string; applicationId: string }[],
): Promise<void> {
  const eligibleByFormation = formationIds.map((formationId) => {
    const ids = eligible.filter((e) => e.formationId === formationId).map((e) => e.applicationId);
    return { formationId, count: ids.length, digest: idDigest(ids) };
  });
  await publishEvent(testKafka(), svc.topicPrefix, 'ScreeningPeriodFinalized', {
    ...newPayload('ScreeningPeriodFinalized', newIds({ periodId })),
    finalized: eligible.length,
    eligible: eligible.length,
    eligibleByFormation,
  });
  await waitFor(
    'the hand-over row at skb',
    async () => (await svc.dataSource.query(`SELECT 1 FROM skb.handovers WHERE period_id = $1`, [periodId])).length === 1,
  );
}

export async function participantsOf(svc: InProcessService<SkbConfig>, periodId: string): Promise<SeededParticipant[]> {
  const rows: { application_id: string; applicant_id: string; formation_id: string; participant_number: string }[] = await svc.dataSource.query(
    `SELECT application_id, applicant_id, formation_id, participant_number FROM skb.participants WHERE period_id = $1 ORDER BY participant_number`,
    [periodId],
  );
  return rows.map((r) => ({
    applicationId: r.application_id,
    applicantId: r.applicant_id,
    formationId: r.formation_id,
    participantNumber: r.participant_number,
  }));
}

async function periodKnown(svc: InProcessService<SkbConfig>, periodId: string): Promise<boolean> {
  const rows: unknown[] = await svc.dataSource.query(`SELECT 1 FROM skb.periods WHERE period_id = $1`, [periodId]);
  return rows.length > 0;
}

/** Events of one type the service published for a period, once the relay has sent `count` of them. */
export async function publishedFor(svc: InProcessService<SkbConfig>, type: string, periodId: string, count: number): Promise<EventEnvelope[]> {
  return waitFor(
    `${count} ${type} events`,
    async () => {
      const events = (await readEvents(testKafka(), svc.topicPrefix, 'skb')).filter(
        (e) => e.type.includes(`.${type}.`) && (e.data as { periodId: string }).periodId === periodId,
      );
      return events.length >= count ? events : undefined;
    },
    { timeoutMs: 30_000, intervalMs: 500 },
  );
}

export async function http(svc: InProcessService<SkbConfig>, method: string, path: string, token: string | undefined, body?: unknown, contentType?: string) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  let payload: string | Buffer | undefined;
  if (Buffer.isBuffer(body)) {
    payload = body;
    headers['content-type'] = contentType ?? 'text/csv';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(`${svc.url}${path}`, { method, headers, body: payload });
  const type = res.headers.get('content-type') ?? '';
  const data = type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer());
  return { status: res.status, body: data as Record<string, unknown> & Buffer, headers: res.headers };
}
