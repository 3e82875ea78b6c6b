import { SkbRules, validatePayloadOfType } from '@seleksi/contracts';
import { Outbox } from '@seleksi/messaging';
import { freshSchema, InProcessService, newSkbRules, startInProcess, testKeys } from '@seleksi/testing';
import { randomUUID } from 'node:crypto';
import { SqlOutbox } from '../src/common/sql-outbox';
import { formationResults, ParticipantScores } from '../src/results/results.rules';
import { SkbConfig } from '../src/skb.config';
import { SkbModule } from '../src/skb.module';
import { http, publishedFor, seedPeriod } from './skb-helpers';

const HEADER = 'participant_number,component,score';
const officer = () => testKeys().mint(randomUUID(), ['skb-officer']);

interface OutboxRow {
  id: string;
  event_id: string;
  event_type: string;
  topic: string;
  message_key: string;
  headers: Record<string, string>;
  payload: Record<string, unknown>;
  created_at: Date;
  published_at: Date | null;
}

/** A small deterministic generator (MINSTD), so a failure can be replayed. */
function sequence(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
}

describe(SqlOutbox.name, () => {
  let svc: InProcessService<SkbConfig>;

  const outboxRows = async (type: string, periodId: string): Promise<OutboxRow[]> =>
    svc.dataSource.query(
      `SELECT id, event_id, event_type, topic, message_key, headers, payload, created_at, published_at FROM skb.outbox
        WHERE event_type LIKE $1 AND payload ->> 'periodId' = $2 ORDER BY id`,
      [`%.${type}.%`, periodId],
    );

  /** The row libs/messaging's Outbox writes for the same payload, read inside a transaction that is then rolled back. */
  async function referenceRow(payload: Record<string, unknown>): Promise<OutboxRow> {
    const runner = svc.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await svc.app.get(Outbox).enqueue(runner.manager, 'SkbScoresRecorded', payload as never);
      const [row]: OutboxRow[] = await runner.query(`SELECT id, event_id, event_type, topic, message_key, headers, payload, created_at FROM skb.outbox ORDER BY id DESC LIMIT 1`);
      return row;
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  beforeAll(async () => {
    await freshSchema('skb');
    svc = await startInProcess({ service: 'skb', configType: SkbConfig, module: (c) => SkbModule.forConfig(c, { processMetrics: false }) });
  }, 90_000);

  afterAll(async () => {
    await svc?.close();
  });

  it('writes the rows the messaging outbox writes, which the relay publishes and a consumer accepts', async () => {
    const { periodId, participants } = await seedPeriod(svc, [{ code: 'SQL-A', quota: 1, count: 3 }]);
    const [a, b, c] = participants.map((p) => p.participantNumber);
    const correlationId = randomUUID();
    const res = await fetch(`${svc.url}/periods/${periodId}/score-imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer()}`, 'content-type': 'text/csv', 'x-correlation-id': correlationId },
      body: [HEADER, `${a},cat,412.5`, `${b},cat,TH`, `${c},cat,300`].join('\n'),
    });
    expect(res.status).toBe(200);

    const rows = await outboxRows('SkbScoresRecorded', periodId);
    expect(rows).toHaveLength(3);
    const reference = await referenceRow(rows[0].payload);
    expect(Object.keys(reference.headers).sort()).toEqual(Object.keys(rows[0].headers).sort());
    for (const row of rows) {
      expect([row.event_type, row.topic]).toEqual([reference.event_type, reference.topic]);
      expect(row.message_key).toBe(row.payload.applicationId);
      expect(row.headers).toEqual({
        ...reference.headers,
        ce_id: row.event_id,
        ce_subject: row.message_key,
        ce_time: row.created_at.toISOString(),
        ce_correlationid: correlationId,
      });
      validatePayloadOfType(row.event_type, row.payload);
    }
    expect(new Set(rows.map((r) => r.event_id)).size).toBe(3);

    // As a consumer reads them: CloudEvents headers parsed back into envelopes, payloads validated.
    const published = await publishedFor(svc, 'SkbScoresRecorded', periodId, 3);
    expect(published.map((e) => e.id).sort()).toEqual(rows.map((r) => r.event_id).sort());
    for (const event of published) {
      validatePayloadOfType(event.type, event.data);
      const row = rows.find((r) => r.event_id === event.id) as OutboxRow;
      expect([event.subject, event.correlationid, event.data]).toEqual([row.message_key, correlationId, row.payload]);
    }
    expect((await outboxRows('SkbScoresRecorded', periodId)).every((r) => r.published_at !== null)).toBe(true);
  });

  it('finalizes every formation as the rules in results.rules.ts do, ties, fractions of the cut-off, TH and DIS included', async () => {
    const rules: SkbRules = { ...newSkbRules(), proceedFactor: 1.5 };
    const seeded = await seedPeriod(
      svc,
      [
        { code: 'ORC-A', quota: 1, count: 14 },
        { code: 'ORC-B', quota: 2, count: 11 },
        { code: 'ORC-C', quota: 3, count: 9, formationType: 'disability' },
      ],
      { rules },
    );
    const { periodId, participants } = seeded;
    const random = sequence(20261122);
    const pick = <T>(values: T[]) => values[Math.floor(random() * values.length)];
    const facts = new Map<string, ParticipantScores>();
    const lines = [HEADER];
    participants.forEach((p, i) => {
      const absent = i % 7 === 3;
      // Few distinct values, so equal totals (and ties at the cut-off) are common.
      const cat = pick([200, 250, 300, 350, 400, 450, 487.5]);
      lines.push(`${p.participantNumber},cat,${absent ? 'TH' : cat}`);
      facts.set(p.applicationId, { applicationId: p.applicationId, formationId: p.formationId, attendance: absent ? 'TH' : null, scores: absent ? {} : { cat } });
    });
    expect((await http(svc, 'POST', `/periods/${periodId}/score-imports`, officer(), Buffer.from(lines.join('\n')))).status).toBe(200);
    for (const [i, p] of participants.entries()) {
      const f = facts.get(p.applicationId) as ParticipantScores;
      if (f.attendance) continue;
      const practical = pick([50, 60, 70, 80, 90.5]);
      expect((await http(svc, 'PUT', `/periods/${periodId}/participants/${p.participantNumber}/scores/practical`, officer(), { score: practical })).status).toBe(200);
      f.scores.practical = practical;
      if (i % 9 === 4) {
        expect((await http(svc, 'PUT', `/periods/${periodId}/participants/${p.participantNumber}/attendance`, officer(), { attendance: 'DIS' })).status).toBe(200);
        f.attendance = 'DIS';
      }
    }

    const done = await http(svc, 'POST', `/periods/${periodId}/finalize`, officer());
    expect(done.status).toBe(200);

    const quotas = new Map([
      [seeded.formations[0].formationId, 1],
      [seeded.formations[1].formationId, 2],
      [seeded.formations[2].formationId, 3],
    ]);
    const expected = [...quotas].flatMap(([formationId, quota]) =>
      formationResults(rules, quota, [...facts.values()].filter((f) => f.formationId === formationId)),
    );
    const outcomes = expected.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.outcome]: (acc[r.outcome] ?? 0) + 1 }), { 'P/L': 0, P: 0, TL: 0, TH: 0, DIS: 0 });
    expect(done.body).toEqual(expect.objectContaining({ participants: participants.length, formations: 3, outcomes }));
    // The draw must exercise what the test is about.
    expect(outcomes.TH * outcomes.DIS * outcomes.TL * outcomes.P).toBeGreaterThan(0);

    const stored: { application_id: string; formation_id: string; components: unknown; total: string | null; outcome: string; rank: number | null; proceeds: boolean }[] =
      await svc.dataSource.query(`SELECT application_id, formation_id, components, total, outcome, rank, proceeds FROM skb.results WHERE period_id = $1`, [periodId]);
    const actual = stored.map((r) => ({
      applicationId: r.application_id,
      formationId: r.formation_id,
      components: r.components,
      total: r.total === null ? null : Number(r.total),
      outcome: r.outcome,
      rank: r.rank,
      proceeds: r.proceeds,
    }));
    const byId = (x: { applicationId: string }, y: { applicationId: string }) => (x.applicationId < y.applicationId ? -1 : 1);
    expect(actual.sort(byId)).toEqual([...expected].sort(byId));

    const events = await publishedFor(svc, 'SkbResultFinalized', periodId, participants.length);
    expect(events).toHaveLength(participants.length);
    for (const event of events) {
      validatePayloadOfType(event.type, event.data);
      const { applicationId, formationId, components, total, outcome, rank, proceeds } = event.data as Record<string, unknown>;
      expect({ applicationId, formationId, components, total, outcome, rank, proceeds }).toEqual(expected.find((r) => r.applicationId === applicationId));
    }
  }, 60_000);
});
