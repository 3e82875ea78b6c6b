import { validatePayloadOfType } from '@seleksi/contracts';
import { freshSchema, InProcessService, newIds, newPayload, publishEvent, startInProcess, testKafka, testKeys, waitFor } from '@seleksi/testing';
import { randomUUID } from 'node:crypto';
import { SessionsController } from '../src/sessions/sessions.controller';
import { SkbConfig } from '../src/skb.config';
import { SkbModule } from '../src/skb.module';
import { handOver, http, participantsOf, publishedFor, seedPeriod } from './skb-helpers';

const officer = () => testKeys().mint(randomUUID(), ['skb-officer']);

describe(SessionsController.name, () => {
  let svc: InProcessService<SkbConfig>;

  beforeAll(async () => {
    await freshSchema('skb');
    svc = await startInProcess({ service: 'skb', configType: SkbConfig, module: (c) => SkbModule.forConfig(c, { processMetrics: false }) });
  }, 90_000);

  afterAll(async () => {
    await svc?.close();
  });

  async function venue(periodId: string, name: string, rooms: [string, number][]) {
    const res = await http(svc, 'POST', `/periods/${periodId}/venues`, officer(), {
      name,
      address: 'Jl. Merdeka 1',
      rooms: rooms.map(([n, capacity]) => ({ name: n, capacity })),
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function session(periodId: string, name: string, date: string, startTime: string) {
    const res = await http(svc, 'POST', `/periods/${periodId}/sessions`, officer(), { name, date, startTime, durationMinutes: 90 });
    expect(res.status).toBe(201);
    return res.body;
  }

  it('describes every route in its OpenAPI document', async () => {
    const res = await http(svc, 'GET', '/docs/openapi.json', undefined);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths as object)).toEqual(
      expect.arrayContaining([
        '/periods/{periodId}/score-imports',
        '/periods/{periodId}/participants/{participantNumber}/scores/{component}',
        '/periods/{periodId}/participants/{participantNumber}/attendance',
        '/periods/{periodId}/finalize',
        '/periods/{periodId}/venues',
        '/periods/{periodId}/sessions',
        '/periods/{periodId}/allocation',
        '/periods/{periodId}/allocation/publish',
        '/me/periods/{periodId}/exam-card',
        '/me/periods/{periodId}/exam-card/details',
        '/me/periods/{periodId}/result',
      ]),
    );
  });

  it('stores session times as instants given in the agency time zone', async () => {
    const { periodId } = await seedPeriod(svc, [{ code: 'TZ-A', quota: 1, count: 1 }], { timeZone: 'WITA' });
    const s = await session(periodId, 'Sesi 1', '2026-12-08', '08:00');
    expect(s).toMatchObject({ startsAt: '2026-12-08T00:00:00.000Z', startsAtLocal: '8 December 2026, 08:00 WITA' });
    const bad = await http(svc, 'POST', `/periods/${periodId}/sessions`, officer(), {
      name: 'Sesi 2',
      date: '2026-12-08',
      startTime: '25:00',
      durationMinutes: 90,
    });
    expect([bad.status, bad.body.code, bad.body.field]).toEqual([400, 'VALIDATION_FAILED', 'startTime']);
  });

  it("refuses an allocation before screening's hand-over and while a counted participant is missing, then seats everyone", async () => {
    const { periodId, formations, participants } = await seedPeriod(svc, [{ code: 'HO-A', quota: 1, count: 2 }], { handOver: false });
    await venue(periodId, 'Gedung H', [['R1', 10]]);
    await session(periodId, 'Sesi 1', '2026-12-08', '08:00');
    const before = await http(svc, 'POST', `/periods/${periodId}/allocation`, officer());
    expect([before.status, before.body.code]).toEqual([409, 'HANDOVER_NOT_RECEIVED']);

    // Screening finalized three MS in the formation; the third is still in skb's consumer lag.
    const formationId = formations[0].formationId;
    const lagging = newIds({ periodId, formationId });
    const counted = [...participants, { formationId, applicationId: lagging.applicationId }];
    await handOver(svc, periodId, [formationId], counted);
    const refused = await http(svc, 'POST', `/periods/${periodId}/allocation`, officer());
    expect([refused.status, refused.body.code]).toEqual([409, 'HANDOVER_INCOMPLETE']);
    expect(refused.body).toMatchObject({ expected: 3, received: 2, missing: 1, byFormation: [{ formationId, expected: 3, received: 2, missing: 1 }] });
    const finalize = await http(svc, 'POST', `/periods/${periodId}/finalize`, officer());
    expect(finalize.body.code).toBe('HANDOVER_INCOMPLETE');

    await publishEvent(testKafka(), svc.topicPrefix, 'ScreeningFinalized', newPayload('ScreeningFinalized', lagging, { applicantId: randomUUID() }));
    await waitFor('the lagging participant', async () => (await participantsOf(svc, periodId)).length === 3);
    const seated = await http(svc, 'POST', `/periods/${periodId}/allocation`, officer());
    expect([seated.status, seated.body.participants]).toEqual([200, 3]);
  });

  it('refuses an allocation with fewer seats than participants', async () => {
    const { periodId } = await seedPeriod(svc, [{ code: 'CAP-A', quota: 1, count: 3 }]);
    await venue(periodId, 'Gedung A', [['R1', 2]]);
    await session(periodId, 'Sesi 1', '2026-12-08', '08:00');
    const res = await http(svc, 'POST', `/periods/${periodId}/allocation`, officer());
    expect([res.status, res.body.code, res.body.needed, res.body.available]).toEqual([409, 'INSUFFICIENT_CAPACITY', 3, 2]);
  });

  it('seats everyone within capacity, the same way twice, keeping formations together and giving disability formations extra time', async () => {
    const { periodId, participants } = await seedPeriod(svc, [
      { code: 'AL-A', quota: 1, count: 3 },
      { code: 'AL-B', quota: 1, count: 4 },
      { code: 'AL-D', quota: 1, count: 2, formationType: 'disability' },
    ]);
    await venue(periodId, 'Gedung A', [
      ['R1', 4],
      ['R2', 4],
    ]);
    await session(periodId, 'Sesi 1', '2026-12-08', '08:00');
    await session(periodId, 'Sesi 2', '2026-12-08', '13:00');
    const first = await http(svc, 'POST', `/periods/${periodId}/allocation`, officer());
    expect(first.body).toEqual({ participants: 9, capacity: 16, splitFormations: 0 });
    const plan1 = (await http(svc, 'GET', `/periods/${periodId}/allocation`, officer())).body as unknown as Record<string, unknown>[];
    await http(svc, 'POST', `/periods/${periodId}/allocation`, officer());
    const plan2 = (await http(svc, 'GET', `/periods/${periodId}/allocation`, officer())).body as unknown as Record<string, unknown>[];
    expect(plan2).toEqual(plan1);
    expect(plan1.map((s) => `${s.participantNumber} ${s.session}/${s.room}#${s.seatNumber} +${s.extraMinutes}`)).toEqual([
      'AL-A-00001 Sesi 1/R1#1 +0',
      'AL-A-00002 Sesi 1/R1#2 +0',
      'AL-A-00003 Sesi 1/R1#3 +0',
      'AL-B-00001 Sesi 1/R2#1 +0',
      'AL-B-00002 Sesi 1/R2#2 +0',
      'AL-B-00003 Sesi 1/R2#3 +0',
      'AL-B-00004 Sesi 1/R2#4 +0',
      'AL-D-00001 Sesi 2/R1#1 +30',
      'AL-D-00002 Sesi 2/R1#2 +30',
    ]);
    expect(participants).toHaveLength(9);
  });

  it('gives an applicant their own exam card only after publication, and emits ParticipantScheduled', async () => {
    const { periodId, participants } = await seedPeriod(svc, [{ code: 'CARD-A', quota: 1, count: 2 }]);
    await venue(periodId, 'UPT CAT', [['Ruang 2', 10]]);
    await session(periodId, 'Sesi 1', '2026-12-08', '08:00');
    expect((await http(svc, 'POST', `/periods/${periodId}/allocation`, officer())).status).toBe(200);
    const [me, other] = participants;
    const myToken = testKeys().mint(me.applicantId, ['applicant']);
    const before = await http(svc, 'GET', `/me/periods/${periodId}/exam-card`, myToken);
    expect([before.status, before.body.code]).toEqual([404, 'CARD_NOT_AVAILABLE']);
    const detailsBefore = await http(svc, 'GET', `/me/periods/${periodId}/exam-card/details`, myToken);
    expect([detailsBefore.status, detailsBefore.body.code]).toEqual([404, 'CARD_NOT_AVAILABLE']);
    expect((await http(svc, 'POST', `/periods/${periodId}/allocation/publish`, testKeys().mint(randomUUID(), ['applicant']))).status).toBe(403);

    const published = await http(svc, 'POST', `/periods/${periodId}/allocation/publish`, officer());
    expect([published.status, published.body.scheduled]).toEqual([200, 2]);
    const again = await http(svc, 'POST', `/periods/${periodId}/allocation/publish`, officer());
    expect([again.status, again.body.code]).toEqual([409, 'ALLOCATION_PUBLISHED']);
    expect((await http(svc, 'POST', `/periods/${periodId}/allocation`, officer())).status).toBe(409);

    const card = await http(svc, 'GET', `/me/periods/${periodId}/exam-card`, myToken);
    expect(card.status).toBe(200);
    expect(card.headers.get('content-type')).toContain('application/pdf');
    expect(card.body.subarray(0, 5).toString()).toBe('%PDF-');
    // Another applicant's card does not exist for the caller; a staff token is not an applicant's.
    const stranger = await http(svc, 'GET', `/me/periods/${periodId}/exam-card`, testKeys().mint(randomUUID(), ['applicant']));
    expect(stranger.status).toBe(404);
    // The same card as data for the portal's page: the times as instants, with the agency's zone to show them in.
    const details = await http(svc, 'GET', `/me/periods/${periodId}/exam-card/details`, myToken);
    expect(details.status).toBe(200);
    expect(details.body).toMatchObject({ participantNumber: me.participantNumber, startsAt: '2026-12-08T01:00:00.000Z', venue: 'UPT CAT', room: 'Ruang 2' });
    const shown = details.body as unknown as { timeZone: string; startsAt: string; endsAt: string };
    expect(shown.timeZone).toBe('WIB');
    expect(new Date(shown.endsAt).getTime()).toBeGreaterThan(new Date(shown.startsAt).getTime());
    expect((await http(svc, 'GET', `/me/periods/${periodId}/exam-card/details`, testKeys().mint(randomUUID(), ['applicant']))).status).toBe(404);
    expect((await http(svc, 'GET', `/me/periods/${periodId}/exam-card`, officer())).status).toBe(403);
    expect(other.applicantId).not.toBe(me.applicantId);

    const events = await publishedFor(svc, 'ParticipantScheduled', periodId, 2);
    for (const e of events) validatePayloadOfType(e.type, e.data);
    expect(events.map((e) => e.data)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          applicationId: me.applicationId,
          participantNumber: me.participantNumber,
          startsAt: '2026-12-08T01:00:00.000Z',
          venue: 'UPT CAT',
          room: 'Ruang 2',
          session: 'Sesi 1',
          extraMinutes: 0,
        }),
      ]),
    );
  });
});
