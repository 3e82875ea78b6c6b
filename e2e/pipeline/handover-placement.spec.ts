import { randomUUID } from 'node:crypto';
import { idDigest } from '@seleksi/contracts';
import {
  connectAsService,
  httpCall,
  newIds,
  newPayload,
  publishEvent,
  ServiceProcess,
  serviceEnv,
  spawnService,
  testKafka,
  testKeys,
  uniqueTopicPrefix,
  waitFor,
  waitUntilReady,
} from '@seleksi/testing';
import { DataSource } from 'typeorm';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const call = async (base: string, method: string, path: string, options: { token?: string; json?: unknown } = {}) => {
  const { status, body } = await httpCall(base, method, path, options);
  return { status, body: body as Json };
};

const CRITERIA = [
  { key: 'k1', label: 'Komunikasi', weight: 60, anchors: [1, 2, 3, 4, 5].map((level) => ({ level, description: `komunikasi level ${level}` })) },
  { key: 'k2', label: 'Teknis', weight: 40, anchors: [1, 2, 3, 4, 5].map((level) => ({ level, description: `teknis level ${level}` })) },
];

/**
 * Interview's completions are a counted hand-over to placement. Skb's results and closing count come
 * from the topic (as skb writes them); the real interview and placement services do the rest. One
 * InterviewCompleted is held back in interview's outbox (a trigger marks its row as published, so the
 * relay passes it by) while the admin completes the period's interviews: placement refuses to rank
 * with the missing count and lists it in its reconciliation; once the row is released the relay
 * publishes it and the ranking holds every candidate.
 */
describe('the hand-overs from skb and interview to placement', () => {
  const prefix = uniqueTopicPrefix();
  let interview: ServiceProcess;
  let placement: ServiceProcess;
  let interviewDb: DataSource;

  beforeAll(async () => {
    interview = spawnService('interview', serviceEnv('interview', 48100, { KAFKA_TOPIC_PREFIX: prefix }));
    placement = spawnService('placement', serviceEnv('placement', 48101, { KAFKA_TOPIC_PREFIX: prefix }));
    await Promise.all([waitUntilReady(interview, 90_000), waitUntilReady(placement, 90_000)]);
    interviewDb = await connectAsService('interview', [], 1);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([interview?.stop(), placement?.stop()]);
    await interviewDb?.query(`DROP TRIGGER IF EXISTS hold_back ON interview.outbox`).catch(() => undefined);
    await interviewDb?.destroy();
  });

  it('refuses the ranking while an interview completion is held back, then ranks every candidate once it arrives', async () => {
    const itv = interview.url;
    const plc = placement.url;
    const admin = testKeys().mint(randomUUID(), ['admin']);
    const officer = testKeys().mint(randomUUID(), ['placement-officer']);
    const kafka = testKafka();

    // Registration opens the period with one formation.
    const ids = newIds();
    const { periodId, formationId } = ids;
    await publishEvent(kafka, prefix, 'PeriodOpened', newPayload('PeriodOpened', ids));
    await publishEvent(kafka, prefix, 'FormationPublished', newPayload('FormationPublished', ids, { code: 'HO-PL', quota: 2 }));

    const panelists = [0, 1, 2].map((i) => {
      const id = randomUUID();
      return { id, token: testKeys().mint(id, ['panelist']), name: `Panelis ${i + 1}`, kk: `32730110091800${10 + i}` };
    });
    const panel = await waitFor(
      'interview to hear of the period',
      async () => {
        const r = await call(itv, 'POST', '/panels', {
          token: admin,
          json: { periodId, name: 'Panel HO', members: panelists.map((p, i) => ({ panelistId: p.id, displayName: p.name, kkNumber: p.kk, chair: i === 0 })) },
        });
        return r.status === 201 ? (r.body.panelId as string) : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    await waitFor(
      'interview to hear of the formation',
      async () => (await call(itv, 'POST', `/panels/${panel}/formations`, { token: admin, json: { formationId } })).status === 201,
      {
        timeoutMs: 30_000,
        intervalMs: 500,
      },
    );
    expect((await call(itv, 'POST', `/formations/${formationId}/rubrics`, { token: admin, json: { criteria: CRITERIA } })).status).toBe(201);

    // Skb finalizes three results, all proceeding, and its closing count after them.
    const candidates = [0, 1, 2].map((i) => ({ applicationId: randomUUID(), participantNumber: `HO-PL-0000${i + 1}`, total: 90 - 5 * i }));
    for (const c of candidates) {
      await publishEvent(
        kafka,
        prefix,
        'SkbResultFinalized',
        newPayload('SkbResultFinalized', { ...ids, applicationId: c.applicationId }, { participantNumber: c.participantNumber, total: c.total }),
      );
    }
    const counted = [{ formationId, count: 3, digest: idDigest(candidates.map((c) => c.applicationId)) }];
    const rank = () => call(plc, 'POST', `/periods/${periodId}/rankings`, { token: officer });
    expect((await rank()).body.code).toBe('HANDOVER_NOT_RECEIVED');
    await publishEvent(kafka, prefix, 'SkbPeriodFinalized', {
      ...newPayload('SkbPeriodFinalized', ids),
      results: 3,
      proceeding: 3,
      resultsByFormation: counted,
      proceedingByFormation: counted,
    });
    await waitFor(
      'every candidate on the panel',
      async () => {
        const list = (await call(itv, 'GET', `/admin/candidates?periodId=${periodId}`, { token: admin })).body as Json[];
        return list.length === 3 && list.every((c) => c.status === 'ASSIGNED');
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    // Placement has skb's count and its results; interview has not handed over yet.
    await waitFor('placement to hold skb’s hand-over', async () => (await rank()).body.stage === 'interview', { timeoutMs: 30_000, intervalMs: 500 });
    expect((await rank()).body).toMatchObject({ code: 'HANDOVER_NOT_RECEIVED', stage: 'interview' });

    // Every member scores each candidate and the chair finalizes; the third's InterviewCompleted stays in interview's outbox.
    const held = candidates[2];
    await holdBack(interviewDb, held.applicationId);
    for (const c of candidates) {
      const path = `/panelist/panels/${panel}/candidates/${c.participantNumber}`;
      for (const p of panelists) {
        const scores = CRITERIA.map((k) => ({ criterion: k.key, value: 4, justification: 'Sesuai rubrik.' }));
        expect((await call(itv, 'PUT', `${path}/sheet`, { token: p.token, json: { scores } })).status).toBe(200);
        expect((await call(itv, 'POST', `${path}/sheet/submit`, { token: p.token })).status).toBe(200);
      }
      expect((await call(itv, 'POST', `${path}/finalize`, { token: panelists[0].token })).status).toBe(200);
    }
    const completed = await call(itv, 'POST', `/periods/${periodId}/completion`, { token: admin });
    expect([completed.status, completed.body.completed]).toEqual([200, 3]);
    expect((await call(itv, 'GET', `/periods/${periodId}/reconciliation`, { token: admin })).body).toMatchObject({
      handover: { complete: true },
      completion: { completed: 3 },
      stuck: [],
    });

    // InterviewPeriodCompleted arrives (until then: HANDOVER_NOT_RECEIVED); the held completion is counted and missing.
    const refused = await waitFor(
      'the ranking refused for the missing interview result',
      async () => {
        const r = await rank();
        expect(r.status).toBe(409);
        return r.body.code === 'HANDOVER_INCOMPLETE' ? r.body : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    expect(refused).toMatchObject({
      stage: 'interview',
      expected: 3,
      received: 2,
      missing: 1,
      byFormation: [{ formationId, expected: 3, received: 2, missing: 1, digestMatches: false }],
    });
    expect(refused.message).toContain('1 of 3');
    const waiting = await call(plc, 'GET', `/periods/${periodId}/reconciliation`, { token: admin });
    expect(waiting.body).toMatchObject({
      handovers: [
        { stage: 'skb', received: true, expected: 3, missing: 0, complete: true },
        { stage: 'interview', received: true, expected: 3, missing: 1, complete: false },
      ],
      formations: [{ formationId, expectedSkb: 3, skbResults: 3, proceeding: 3, expectedInterview: 3, interviewResults: 2, ranked: 0 }],
      stuck: [
        { applicationId: null, formationId, reason: 'AWAITING_INTERVIEW_RESULTS', waitingOn: 'interview', count: 1 },
        { applicationId: held.applicationId, formationId, reason: 'AWAITING_INTERVIEW', waitingOn: 'interview' },
      ],
    });

    // Released, the relay publishes it; the ranking holds all three.
    await release(interviewDb, held.applicationId);
    const ranked = await waitFor(
      'the ranking with every interview result',
      async () => {
        const r = await rank();
        return r.status === 200 ? r.body : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    expect(ranked).toMatchObject({ formations: 1, ranked: 3, notRanked: 0 });
    const ranking = await call(plc, 'GET', `/periods/${periodId}/formations/${formationId}/ranking`, { token: officer });
    expect(ranking.body.entries.map((e: Json) => e.applicationId)).toEqual(candidates.map((c) => c.applicationId));
    const done = await call(plc, 'GET', `/periods/${periodId}/reconciliation`, { token: admin });
    expect(done.body).toMatchObject({ formations: [{ interviewResults: 3, ranked: 3 }], stuck: [] });
  }, 150_000);
});

/** The candidate's InterviewCompleted outbox row is written as already published, so the relay passes it by. */
async function holdBack(db: DataSource, applicationId: string): Promise<void> {
  await db.query(`
    CREATE OR REPLACE FUNCTION interview.hold_back() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.message_key = '${applicationId}' AND NEW.event_type LIKE '%.InterviewCompleted.v1' THEN NEW.published_at := now(); END IF;
      RETURN NEW;
    END $$`);
  await db.query(`CREATE TRIGGER hold_back BEFORE INSERT ON interview.outbox FOR EACH ROW EXECUTE FUNCTION interview.hold_back()`);
}

async function release(db: DataSource, applicationId: string): Promise<void> {
  await db.query(`DROP TRIGGER hold_back ON interview.outbox`);
  await db.query(`DROP FUNCTION interview.hold_back()`);
  const [, updated] = (await db.query(`UPDATE interview.outbox SET published_at = NULL WHERE message_key = $1 AND event_type LIKE '%.InterviewCompleted.v1'`, [
    applicationId,
  ])) as [unknown, number];
  if (updated !== 1) throw new Error(`expected one held outbox row for ${applicationId}, found ${updated}`);
}
