import { randomUUID } from 'node:crypto';
import { EventName, PayloadOf } from '@seleksi/contracts';
import { newPayload, publishEvent, testKafka, waitFor } from '@seleksi/testing';
import { applicantIdentity, applicantSession, completeDraft, openPeriod, Registration, startRegistration } from './registration-harness';

describe('status timeline fed by real downstream events', () => {
  let reg: Registration;
  beforeAll(async () => (reg = await startRegistration()), 90_000);
  afterAll(() => reg.close());

  it('follows an application from submission to placement, showing each outcome only when it is public', async () => {
    const { period, formations } = await openPeriod(reg);
    const me = await applicantSession(reg, applicantIdentity(3000, 'tl'));
    const applicationId = await completeDraft(reg, me.token, period.id, formations[0].id);
    await reg.call('POST', `/applications/${applicationId}/submit`, { token: me.token });
    const ids = { periodId: period.id, formationId: formations[0].id, applicationId, ruleVersion: period.ruleVersion };
    const kafka = testKafka();
    let heard = 0;
    const publish = async <N extends EventName>(name: N, overrides: Partial<PayloadOf<N>> = {}, id?: string) => {
      await publishEvent(kafka, reg.topicPrefix, name, newPayload(name, ids, overrides), { id });
      heard += 1;
      await waitFor(
        `${name} on the timeline`,
        async () => {
          const [row] = await reg.dataSource.query(`SELECT count(*)::int AS n FROM registration.timeline_entries WHERE period_id = $1`, [period.id]);
          return row.n >= heard;
        },
        { timeoutMs: 20_000 },
      );
    };
    const timeline = async () => (await reg.call('GET', `/applications/${applicationId}/timeline`, { token: me.token })).body;
    const stage = (t: { stages: { stage: string }[] }, name: string) => t.stages.find((s) => s.stage === name) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

    let t = await timeline();
    expect(stage(t, 'registration')).toMatchObject({ status: 'done', outcome: 'SUBMITTED' });
    expect(t.next).toMatchObject({ code: 'AWAIT_ADMINISTRATIVE_RESULTS', params: {}, what: expect.stringMatching(/Administrative selection/) });
    expect(stage(t, 'registration').entries).toEqual([
      expect.objectContaining({ code: 'APPLICATION_SUBMITTED', params: expect.objectContaining({ zone: 'WIB' }) }),
    ]);

    const reasons = [{ code: 'GPA_BELOW_MINIMUM', label: 'IPK di bawah syarat' }];
    await publish('ScreeningDecided', { result: 'TMS', reasons });
    t = await timeline();
    expect(stage(t, 'administrative').outcome).toBeNull(); // not announced yet

    const filingCloses = '2027-01-10T16:59:00.000Z';
    await publish('AdministrativeResultsAnnounced', { appealFilingClosesAt: filingCloses, appealAnsweringClosesAt: '2027-01-17T16:59:00.000Z' });
    t = await timeline();
    expect(stage(t, 'administrative')).toMatchObject({ outcome: 'TMS', reasons });
    expect(t.next).toEqual({
      code: 'APPEAL_OPEN',
      params: { appealFilingClosesAt: filingCloses, zone: 'WIB' },
      what: expect.stringMatching(/appeal/),
      when: '10 January 2027, 23:59 WIB',
    });
    expect(stage(t, 'administrative').entries[0]).toMatchObject({
      code: 'ADMINISTRATIVE_RESULTS_ANNOUNCED',
      params: { result: 'TMS', reasons: ['GPA_BELOW_MINIMUM'], appealFilingClosesAt: filingCloses, zone: 'WIB' },
      atLocal: expect.stringMatching(/^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} WIB$/),
    });

    await publish('AppealFiled', { answerDueAt: '2027-01-17T16:59:00.000Z' });
    expect((await timeline()).next.when).toBe('17 January 2027, 23:59 WIB');
    await publish('AppealResolved', { resolution: 'UPHELD', resultingResult: 'MS', reason: 'ijazah terbaca setelah diperiksa ulang' });
    expect(stage(await timeline(), 'administrative')).toMatchObject({ outcome: 'MS', reasons: [] });
    expect(stage(await timeline(), 'administrative').entries.map((e: { code: string }) => e.code)).toEqual([
      'ADMINISTRATIVE_RESULTS_ANNOUNCED',
      'APPEAL_FILED',
      'APPEAL_RESOLVED',
    ]);
    await publish('ScreeningFinalized', { result: 'MS', reasons: [] });
    expect(stage(await timeline(), 'administrative').status).toBe('done');

    await publish('ParticipantScheduled', { startsAt: '2027-01-25T01:00:00.000Z', venue: 'UPT CAT BKN Bandung', room: 'Ruang 2', session: 'Sesi 1' });
    t = await timeline();
    expect(t.next).toMatchObject({
      code: 'SIT_SKB',
      params: { startsAt: '2027-01-25T01:00:00.000Z', zone: 'WIB', venue: 'UPT CAT BKN Bandung', room: 'Ruang 2', session: 'Sesi 1' },
      what: expect.stringContaining('UPT CAT BKN Bandung'),
      when: '25 January 2027, 08:00 WIB',
    });
    await publish('SkbResultFinalized', { outcome: 'P/L', proceeds: true, total: 82.5, rank: 3 });
    expect(stage(await timeline(), 'skb')).toMatchObject({ status: 'done', outcome: 'P/L' });
    expect(stage(await timeline(), 'skb').entries.at(-1)).toMatchObject({
      code: 'SKB_RESULT_FINALIZED',
      params: { outcome: 'P/L', total: 82.5, rank: 3, proceeds: true },
    });

    await publish('InterviewScheduled', { startsAt: '2027-02-01T02:00:00.000Z', place: 'Command Center, Lt. 2' });
    await publish('InterviewCompleted', { outcome: 'SCORED', total: 84 });
    expect(stage(await timeline(), 'interview')).toMatchObject({ status: 'done', outcome: 'SCORED' });

    await publish('CandidatePlaced', { position: 'Pranata Komputer Ahli Pertama', unit: 'Command Center', reportingDate: '2027-03-01' });
    expect(stage(await timeline(), 'placement').outcome).toBeNull(); // not announced yet
    const announcementId = randomUUID();
    await publish('PlacementAnnounced', {}, announcementId);
    t = await timeline();
    expect(stage(t, 'placement')).toMatchObject({ status: 'done', outcome: 'PLACED' });
    expect(t.next).toEqual({
      code: 'REPORT_FOR_DUTY',
      params: { unit: 'Command Center', reportingDate: '2027-03-01' },
      what: 'Report for duty at Command Center',
      when: '1 March 2027',
    });
    expect(stage(t, 'placement').entries).toEqual([
      expect.objectContaining({ code: 'CANDIDATE_PLACED', params: expect.objectContaining({ unit: 'Command Center' }) }),
    ]);

    // The same announcement delivered again is applied once.
    await publishEvent(kafka, reg.topicPrefix, 'PlacementAnnounced', newPayload('PlacementAnnounced', ids), { id: announcementId });
    await publish('PlacementDeclined', { reason: 'diterima di instansi lain' });
    const [row] = await reg.dataSource.query(`SELECT count(*)::int AS n FROM registration.timeline_entries WHERE event_id = $1`, [announcementId]);
    expect(row.n).toBe(1);
    t = await timeline();
    expect(stage(t, 'placement')).toMatchObject({ status: 'stopped', outcome: 'DECLINED' });
    expect(stage(t, 'placement').entries[0]).toMatchObject({ code: 'PLACEMENT_DECLINED', params: { reason: 'diterima di instansi lain', zone: 'WIB' } });
    expect(t.next).toMatchObject({ code: 'ENDED_DECLINED' });
  });

  it('describes the codes and params of entries and next step in its OpenAPI document, for the portal client', async () => {
    const { components } = (await reg.call('GET', '/docs/openapi.json')).body;
    for (const name of ['TimelineEntryDto', 'NextStepDto']) {
      expect(components.schemas[name].required).toEqual(expect.arrayContaining(['code', 'params', 'what']));
      expect(components.schemas[name].properties.params).toMatchObject({ type: 'object', additionalProperties: { oneOf: expect.any(Array) } });
    }
    expect(components.schemas.DocumentRefusedResponse.required).toEqual(expect.arrayContaining(['code', 'slot', 'detected', 'sizeBytes', 'maxBytes']));
  });
});
