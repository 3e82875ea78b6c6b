import { idDigest, InterviewPeriodCompleted, kkDigest, validatePayload } from '@seleksi/contracts';
import { freshSchema, newIds, newPayload, publishEvent, readEvents, startInProcess, testKafka, waitFor } from '@seleksi/testing';
import { randomUUID } from 'node:crypto';
import { HandoversService } from '../src/handovers/handovers.service';
import { InterviewConfig } from '../src/interview.config';
import { InterviewModule } from '../src/interview.module';
import { InterviewFixture, KK_KEY, randomKk } from './interview-fixture';

/** A parsed JSON response body: tests read into it freely, as JSON.parse types it. */
type Json = ReturnType<typeof JSON.parse>;

/** Skb → interview: scheduling and the period's completion wait for skb's count; the completion hands on to placement. */
describe(HandoversService.name, () => {
  let f: InterviewFixture;

  beforeAll(async () => {
    await freshSchema('interview');
    const svc = await startInProcess({
      service: 'interview',
      configType: InterviewConfig,
      module: (c) => InterviewModule.forConfig(c, { processMetrics: false }),
      env: { KK_DIGEST_KEY: KK_KEY, OUTBOX_POLL_MS: '50' },
    });
    f = new InterviewFixture(svc);
  }, 90_000);

  afterAll(async () => {
    await f?.svc.close();
  });

  it("refuses to schedule and to complete before skb's count and while a counted candidate is missing, then completes once", async () => {
    const ids = await f.period({ minimumPanelSize: 3 });
    const members = [f.panelist('Ketua'), f.panelist('Anggota 1'), f.panelist('Anggota 2')];
    const panelId = await f.panel(ids.periodId, members);
    await f.assign(panelId, ids.formationId);
    expect((await f.rubric(ids.formationId)).status).toBe(201);
    const one = await f.candidate(ids, 'H-1');
    const two = await f.candidate(ids, 'H-2');
    const [slot] = (
      await f.call<{ slotId: string }[]>('POST', `/panels/${panelId}/slots`, f.admin, {
        slots: [{ startsAt: '2026-12-02T01:00:00.000Z', endsAt: '2026-12-02T01:30:00.000Z', place: 'Ruang 2' }],
      })
    ).body;
    const book = () => f.call('PUT', `/slots/${slot.slotId}/candidate`, f.admin, { applicationId: one.applicationId });
    const complete = () => f.call('POST', `/periods/${ids.periodId}/completion`, f.admin);

    expect(await book()).toMatchObject({ status: 409, body: { code: 'HANDOVER_NOT_RECEIVED', field: 'periodId' } });
    expect(await complete()).toMatchObject({ status: 409, body: { code: 'HANDOVER_NOT_RECEIVED' } });
    const early = await f.call<Json>('GET', `/periods/${ids.periodId}/reconciliation`, f.admin);
    expect(early.body).toMatchObject({ stage: 'interview', handover: { received: false, complete: false }, completion: null });

    // Skb finalized three proceeding results; the third is still in interview's consumer lag.
    const lagging = { ...newIds({ periodId: ids.periodId, formationId: ids.formationId }), applicationId: randomUUID() };
    const counted = [one, two, lagging].map((c) => ({ formationId: ids.formationId, applicationId: c.applicationId }));
    await f.handOver(ids, counted);
    const refused = await book();
    expect(refused).toMatchObject({
      status: 409,
      body: {
        code: 'HANDOVER_INCOMPLETE',
        expected: 3,
        received: 2,
        missing: 1,
        byFormation: [{ formationId: ids.formationId, expected: 3, received: 2, missing: 1 }],
      },
    });
    expect((await complete()).body).toMatchObject({ code: 'HANDOVER_INCOMPLETE', missing: 1 });
    const waiting = await f.call<Json>('GET', `/periods/${ids.periodId}/reconciliation`, f.admin);
    expect(waiting.body.handover).toMatchObject({ received: true, expected: 3, missing: 1, complete: false });
    expect(waiting.body.stuck).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ applicationId: null, formationId: ids.formationId, reason: 'AWAITING_CANDIDATES', waitingOn: 'skb', count: 1 }),
        expect.objectContaining({ applicationId: one.applicationId, reason: 'AWAITING_INTERVIEW', waitingOn: panelId }),
      ]),
    );

    await publishEvent(
      testKafka(),
      f.svc.topicPrefix,
      'SkbResultFinalized',
      newPayload('SkbResultFinalized', lagging, { participantNumber: 'H-3', kkDigest: kkDigest(randomKk(), KK_KEY) }),
    );
    await waitFor(
      'the lagging candidate',
      async () => (await f.sql(`SELECT 1 FROM interview.candidates WHERE application_id = $1`, [lagging.applicationId])).length === 1,
    );
    expect((await book()).status).toBe(200);

    // Every candidate must be scored or absent before the completion.
    expect(await complete()).toMatchObject({ status: 409, body: { code: 'INTERVIEWS_OPEN', open: 3 } });
    for (const m of members) await f.score(m, panelId, 'H-1', 4, 4);
    expect((await f.call('POST', f.path(panelId, 'H-1', '/finalize'), members[0].token)).status).toBe(200);
    for (const pn of ['H-2', 'H-3']) expect((await f.call('POST', f.path(panelId, pn, '/absent'), members[0].token)).status).toBe(200);

    const done = await complete();
    expect(done).toMatchObject({ status: 200, body: { periodId: ids.periodId, completed: 3 } });
    const event = await waitFor('InterviewPeriodCompleted on the topic', async () =>
      (await readEvents(testKafka(), f.svc.topicPrefix, 'interview')).find((e) => e.type.endsWith('InterviewPeriodCompleted.v1') && e.subject === ids.periodId),
    );
    expect(() => validatePayload('InterviewPeriodCompleted', event.data as InterviewPeriodCompleted)).not.toThrow();
    expect(event.data).toMatchObject({
      completed: 3,
      completedByFormation: [{ formationId: ids.formationId, count: 3, digest: idDigest(counted.map((c) => c.applicationId)) }],
    });
    expect(await complete()).toMatchObject({ status: 409, body: { code: 'INTERVIEWS_ALREADY_COMPLETED' } });

    const after = await f.call<Json>('GET', `/periods/${ids.periodId}/reconciliation`, f.admin);
    expect(after.body).toMatchObject({
      handover: { complete: true, missing: 0 },
      completion: { completed: 3 },
      formations: [{ formationId: ids.formationId, expected: 3, received: 3, scored: 1, absent: 2, handedOn: 3 }],
      stuck: [],
    });
  });

  it('completes a period nobody proceeds in with zero interviews', async () => {
    const ids = await f.period();
    await f.handOver(ids, []);
    const done = await f.call('POST', `/periods/${ids.periodId}/completion`, f.admin);
    expect(done).toMatchObject({ status: 200, body: { completed: 0, byFormation: [{ formationId: ids.formationId, count: 0, digest: '0'.repeat(16) }] } });
  });

  it('answers 404 for a period it has not heard of and 400 for a malformed id', async () => {
    expect(await f.call('POST', `/periods/${randomUUID()}/completion`, f.admin)).toMatchObject({ status: 404, body: { code: 'PERIOD_UNKNOWN' } });
    expect(await f.call('GET', `/periods/not-a-uuid/reconciliation`, f.admin)).toMatchObject({ status: 400 });
  });
});
