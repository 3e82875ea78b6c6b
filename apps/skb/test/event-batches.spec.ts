import { SkbRules, validatePayloadOfType } from '@seleksi/contracts';
import { batchEventId } from '@seleksi/messaging';
import { freshSchema, InProcessService, newSkbRules, startInProcess, testKeys } from '@seleksi/testing';
import { randomUUID } from 'node:crypto';
import { formationResults, ParticipantScores } from '../src/results/results.rules';
import { SkbConfig } from '../src/skb.config';
import { SkbModule } from '../src/skb.module';
import { http, publishedFor, seedPeriod } from './skb-helpers';

const HEADER = 'participant_number,component,score';
const officer = () => testKeys().mint(randomUUID(), ['skb-officer']);

interface BatchRow {
  event_id: string;
  event_type: string;
  batch_source: string | null;
  payload: Record<string, unknown>;
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

describe('skb events written as event batches', () => {
  let svc: InProcessService<SkbConfig>;

  const outboxRows = async (type: string, periodId: string): Promise<BatchRow[]> =>
    svc.dataSource.query(
      `SELECT event_id, event_type, batch_source, payload, published_at FROM skb.outbox
        WHERE event_type LIKE $1 AND payload ->> 'periodId' = $2 ORDER BY id`,
      [`%.${type}.%`, periodId],
    );

  beforeAll(async () => {
    await freshSchema('skb');
    svc = await startInProcess({ service: 'skb', configType: SkbConfig, module: (c) => SkbModule.forConfig(c, { processMetrics: false }) });
  }, 90_000);

  afterAll(async () => {
    await svc?.close();
  });

  it('publishes an import as one batch: a SkbScoresRecorded per changed participant, with the sheet, ids derived from the batch and the correlation id of the request', async () => {
    const { periodId, participants } = await seedPeriod(svc, [{ code: 'SQL-A', quota: 1, count: 4 }]);
    const [a, b, c] = participants;
    const correlationId = randomUUID();
    const res = await fetch(`${svc.url}/periods/${periodId}/score-imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer()}`, 'content-type': 'text/csv', 'x-correlation-id': correlationId },
      body: [HEADER, `${a.participantNumber},cat,412.5`, `${b.participantNumber},cat,TH`, `${c.participantNumber},cat,300`].join('\n'),
    });
    expect(res.status).toBe(200);

    const [batch, ...others] = await outboxRows('SkbScoresRecorded', periodId);
    expect(others).toEqual([]);
    expect(batch.batch_source).toBe('skb.scores-recorded');
    const published = await publishedFor(svc, 'SkbScoresRecorded', periodId, 3);
    expect(published).toHaveLength(3);
    const sheets = new Map(published.map((e) => [e.subject, e]));
    for (const p of [a, b, c]) {
      const event = sheets.get(p.applicationId);
      expect(event?.id).toBe(batchEventId(batch.event_id, p.applicationId));
      expect(event?.correlationid).toBe(correlationId);
      validatePayloadOfType(event?.type as string, event?.data);
    }
    expect(sheets.get(a.applicationId)?.data).toMatchObject({
      participantNumber: a.participantNumber,
      scores: [{ component: 'cat', value: 412.5 }],
      attendance: 'SCORED',
    });
    expect(sheets.get(b.applicationId)?.data).toMatchObject({ scores: [], attendance: 'TH' });
    expect(sheets.get(c.applicationId)?.data).toMatchObject({ scores: [{ component: 'cat', value: 300 }], attendance: 'SCORED' });

    // An officer's entry afterwards: a batch of its own, after the import's, with the whole sheet.
    expect((await http(svc, 'PUT', `/periods/${periodId}/participants/${a.participantNumber}/scores/practical`, officer(), { score: 75 })).status).toBe(200);
    const later = (await publishedFor(svc, 'SkbScoresRecorded', periodId, 4)).filter((e) => !published.some((p) => p.id === e.id));
    expect(later.map((e) => e.data)).toEqual([
      expect.objectContaining({
        applicationId: a.applicationId,
        scores: [
          { component: 'cat', value: 412.5 },
          { component: 'practical', value: 75 },
        ],
      }),
    ]);
    expect((await outboxRows('SkbScoresRecorded', periodId)).map((r) => [r.batch_source, r.published_at !== null])).toEqual([
      ['skb.scores-recorded', true],
      ['skb.scores-recorded', true],
    ]);
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
      facts.set(p.applicationId, {
        applicationId: p.applicationId,
        formationId: p.formationId,
        attendance: absent ? 'TH' : null,
        scores: absent ? {} : { cat },
      });
    });
    expect((await http(svc, 'POST', `/periods/${periodId}/score-imports`, officer(), Buffer.from(lines.join('\n')))).status).toBe(200);
    for (const [i, p] of participants.entries()) {
      const f = facts.get(p.applicationId) as ParticipantScores;
      if (f.attendance) continue;
      const practical = pick([50, 60, 70, 80, 90.5]);
      expect(
        (await http(svc, 'PUT', `/periods/${periodId}/participants/${p.participantNumber}/scores/practical`, officer(), { score: practical })).status,
      ).toBe(200);
      f.scores.practical = practical;
      if (i % 9 === 4) {
        expect((await http(svc, 'PUT', `/periods/${periodId}/participants/${p.participantNumber}/attendance`, officer(), { attendance: 'DIS' })).status).toBe(
          200,
        );
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
      formationResults(
        rules,
        quota,
        [...facts.values()].filter((f) => f.formationId === formationId),
      ),
    );
    const outcomes = expected.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.outcome]: (acc[r.outcome] ?? 0) + 1 }), {
      'P/L': 0,
      P: 0,
      TL: 0,
      TH: 0,
      DIS: 0,
    });
    expect(done.body).toEqual(expect.objectContaining({ participants: participants.length, formations: 3, outcomes }));
    // The draw must exercise what the test is about.
    expect(outcomes.TH * outcomes.DIS * outcomes.TL * outcomes.P).toBeGreaterThan(0);

    const stored: {
      application_id: string;
      formation_id: string;
      component_values: (number | null)[];
      total: string | null;
      outcome: string;
      rank: number | null;
      proceeds: boolean;
    }[] = await svc.dataSource.query(
      `SELECT application_id, formation_id, component_values, total, outcome, rank, proceeds FROM skb.results WHERE period_id = $1`,
      [periodId],
    );
    const actual = stored.map((r) => ({
      applicationId: r.application_id,
      formationId: r.formation_id,
      // Stored in the order of the period's components; the oracle lists the scored ones by name.
      components: rules.components.flatMap((c, k) => (r.component_values[k] === null ? [] : [{ component: c.component, value: r.component_values[k] }])),
      total: r.total === null ? null : Number(r.total),
      outcome: r.outcome,
      rank: r.rank,
      proceeds: r.proceeds,
    }));
    const byId = (x: { applicationId: string }, y: { applicationId: string }) => (x.applicationId < y.applicationId ? -1 : 1);
    expect(actual.sort(byId)).toEqual([...expected].sort(byId));

    const events = await publishedFor(svc, 'SkbResultFinalized', periodId, participants.length);
    expect(events).toHaveLength(participants.length);
    const [batch, ...others] = await outboxRows('SkbResultFinalized', periodId);
    expect([batch.batch_source, others]).toEqual(['skb.results-finalized', []]);
    for (const event of events) {
      expect(event.id).toBe(batchEventId(batch.event_id, event.subject));
      validatePayloadOfType(event.type, event.data);
      const { applicationId, formationId, components, total, outcome, rank, proceeds } = event.data as Record<string, unknown>;
      expect({ applicationId, formationId, components, total, outcome, rank, proceeds }).toEqual(expected.find((r) => r.applicationId === applicationId));
    }
  }, 60_000);
});
