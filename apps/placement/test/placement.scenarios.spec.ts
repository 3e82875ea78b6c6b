import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { EventEnvelope, eventType, idDigestSql, validatePayloadOfType } from '@seleksi/contracts';
import { newIds, newPayload, publishEvent, readEvents, testKafka, waitFor } from '@seleksi/testing';
import { PlacementModule } from '../src/placement.module';
import { OptimalisasiScope } from '../src/allocation/allocate';
import { OVERRIDE_WHY_FOR_APPLICANT } from '../src/allocation/applicant-why';
import { checkInvariants } from './allocation-invariants';
import { as, call, interviewHandOver, openPeriod, q, service, skbHandOver, startPlacement, stopPlacement, storedResults } from './placement-harness';

const officer = randomUUID();
const officer2 = randomUUID();
const admin = randomUUID();

async function eventsOf(name: string): Promise<EventEnvelope[]> {
  return (await readEvents(testKafka(), service().topicPrefix, 'placement')).filter((e) => e.type === eventType(name as never));
}

beforeAll(async () => {
  await startPlacement();
}, 90_000);

afterAll(async () => {
  await stopPlacement();
});

describe(PlacementModule.name, () => {
  it('ranks with ties, proposes with optimalisasi, overrides with approval, confirms, announces, freezes, declines and replaces', async () => {
    const { periodId, fids, candidate } = await openPeriod(
      { optimalisasiScope: 'POSITION_AND_EDUCATION', overrideNeedsSecondApproval: true, reportingDate: '2099-01-04' },
      [
        { position: 'Pranata Komputer', edu: ['S1'], quota: 2, code: 'F1' },
        { position: 'Pranata Komputer', edu: ['S1'], quota: 2, code: 'F2' },
        { position: 'Desainer Grafis', edu: ['S1'], quota: 1, code: 'F3' },
      ],
    );
    const a1 = await candidate(0, 90, 90);
    const a2 = await candidate(0, 80, 60); // corrected below to 80/80
    const a3 = await candidate(0, 80, 80); // exact tie with corrected a2
    const a4 = await candidate(0, 99, null); // absent: not ranked
    const a5 = await candidate(0, 70, 70);
    const b1 = await candidate(1, 85, 85);
    await storedResults([a1, a2, a3, a4, a5, b1]);
    // late correction before the announcement replaces the earlier result
    await publishEvent(
      testKafka(),
      service().topicPrefix,
      'InterviewCompleted',
      newPayload('InterviewCompleted', newIds({ periodId, formationId: fids[0], applicationId: a2.applicationId }), { total: 80 }),
    );
    await waitFor(
      'correction applied',
      async () =>
        Number(
          (await q(`SELECT result->>'total' AS t FROM placement.stage_results WHERE application_id = $1 AND stage = 'interview'`, [a2.applicationId]))[0]?.t,
        ) === 80,
      { timeoutMs: 30_000 },
    );

    expect((await call('POST', `/periods/${periodId}/rankings`, as(a1.applicantId, 'applicant'))).status).toBe(403);
    const computed = await call('POST', `/periods/${periodId}/rankings`, as(officer, 'placement-officer'));
    expect(computed.status).toBe(200);
    expect(computed.json).toMatchObject({ formations: 3, ranked: 5, notRanked: 1, exactTies: 2 });

    const ranking = await call('GET', `/periods/${periodId}/formations/${fids[0]}/ranking`, as(officer, 'placement-officer'));
    expect(ranking.status).toBe(200);
    const [first, second, third, fourth, absent] = ranking.json.entries;
    expect(first).toMatchObject({ applicationId: a1.applicationId, rank: 1, finalScore: 90, exactTie: false });
    expect(first.explanation).toEqual({
      ruleVersion: 'permenpan-2024.1',
      finalScore: 90,
      components: [
        { stage: 'skb', score: 90, weight: 60, contribution: 54 },
        { stage: 'interview', score: 90, weight: 40, contribution: 36 },
      ],
    });
    expect([second.applicationId, third.applicationId].sort()).toEqual([a2.applicationId, a3.applicationId].sort());
    expect(second).toMatchObject({ rank: 2, finalScore: 80, exactTie: true });
    expect(third).toMatchObject({ rank: 3, finalScore: 80, exactTie: true, decidedBy: 'APPLICATION_ID' });
    expect(fourth).toMatchObject({ applicationId: a5.applicationId, rank: 4 });
    expect(absent).toMatchObject({ applicationId: a4.applicationId, rank: null, explanation: { notRankedBecause: 'INTERVIEW_ABSENT' } });

    expect((await call('POST', `/periods/${periodId}/confirmation`, as(officer, 'placement-officer'))).json.code).toBe('NO_PROPOSAL');
    const proposal = await call('POST', `/periods/${periodId}/proposal`, as(officer, 'placement-officer'));
    expect(proposal.status).toBe(200);
    const placed = proposal.json.placements as { placementId: string; applicationId: string; formationId: string; kind: string; why: string }[];
    expect(placed.map((p) => [p.applicationId, p.formationId, p.kind]).sort()).toEqual(
      [
        [a1.applicationId, fids[0], 'REGULAR'],
        [second.applicationId, fids[0], 'REGULAR'],
        [b1.applicationId, fids[1], 'REGULAR'],
        [third.applicationId, fids[1], 'OPTIMALISASI'],
      ].sort(),
    );
    const opt = placed.find((p) => p.kind === 'OPTIMALISASI')!;
    expect(opt.why).toContain('optimalisasi');

    // override the optimalisasi seat with a5: needs a second officer
    expect(
      (await call('POST', `/periods/${periodId}/placements/${opt.placementId}/override`, as(officer, 'placement-officer'), { applicationId: a5.applicationId }))
        .json.code,
    ).toBe('VALIDATION_FAILED');
    const override = await call('POST', `/periods/${periodId}/placements/${opt.placementId}/override`, as(officer, 'placement-officer'), {
      applicationId: a5.applicationId,
      reason: 'domisili dekat unit',
    });
    expect(override.status).toBe(200);
    expect(override.json.status).toBe('PENDING');
    expect((await call('POST', `/periods/${periodId}/confirmation`, as(officer, 'placement-officer'))).json.code).toBe('OVERRIDE_PENDING_APPROVAL');
    const self = await call('POST', `/periods/${periodId}/overrides/${override.json.overrideId}/approval`, as(officer, 'placement-officer'));
    expect([self.status, self.json.code]).toEqual([403, 'SECOND_OFFICER_REQUIRED']);
    const approved = await call('POST', `/periods/${periodId}/overrides/${override.json.overrideId}/approval`, as(officer2, 'placement-officer'));
    expect(approved.json).toMatchObject({ status: 'APPLIED', approvedBy: officer2 });

    const confirmed = await call('POST', `/periods/${periodId}/confirmation`, as(officer2, 'placement-officer'));
    expect(confirmed.status).toBe(200);
    expect(confirmed.json.map((p: { kind: string }) => p.kind).sort()).toEqual(['OVERRIDE', 'REGULAR', 'REGULAR', 'REGULAR']);

    // before the announcement the applicant sees only PENDING
    expect((await call('GET', `/applications/${a1.applicationId}/outcome`, as(a1.applicantId, 'applicant'))).json).toMatchObject({
      status: 'PENDING',
      code: 'OUTCOME_PENDING',
      params: {},
    });
    expect((await call('POST', `/periods/${periodId}/announcement`, as(officer, 'placement-officer'))).status).toBe(403);
    const announced = await call('POST', `/periods/${periodId}/announcement`, as(admin, 'admin'));
    expect(announced.json).toMatchObject({ placed: 4, vacancies: 1 });
    expect((await call('POST', `/periods/${periodId}/rankings`, as(officer, 'placement-officer'))).json.code).toBe('RANKING_FROZEN');
    expect(
      (
        await call('POST', `/periods/${periodId}/placements/${opt.placementId}/override`, as(officer, 'placement-officer'), {
          applicationId: a5.applicationId,
          reason: 'x',
        })
      ).status,
    ).toBe(409);

    // a correction after the announcement is recorded but changes nothing
    await publishEvent(
      testKafka(),
      service().topicPrefix,
      'InterviewCompleted',
      newPayload('InterviewCompleted', newIds({ periodId, formationId: fids[0], applicationId: a1.applicationId }), { total: 10 }),
    );
    await waitFor(
      'late correction recorded',
      async () => (await q(`SELECT 1 FROM placement.late_corrections WHERE application_id = $1`, [a1.applicationId])).length === 1,
      { timeoutMs: 30_000 },
    );
    expect(
      Number((await q(`SELECT result->>'total' AS t FROM placement.stage_results WHERE application_id = $1 AND stage = 'interview'`, [a1.applicationId]))[0].t),
    ).toBe(90);

    // outcomes: own only
    const own = await call('GET', `/applications/${a1.applicationId}/outcome`, as(a1.applicantId, 'applicant'));
    expect(own.json).toMatchObject({ status: 'PLACED', rank: 1, finalScore: 90, kind: 'REGULAR', reportingDate: '2099-01-04' });
    expect(own.json).toMatchObject({
      code: 'OUTCOME_PLACED',
      params: { kind: 'REGULAR', reportingDate: '2099-01-04', zone: 'WIB', rank: 1, finalScore: 90 },
      message: expect.stringContaining('report for duty on 4 January 2099'),
    });
    expect(own.json.explanation.components).toHaveLength(2);
    // the applicant placed by the override reads a fixed sentence: not the officers' reason, not whom it displaced
    const overridden = await call('GET', `/applications/${a5.applicationId}/outcome`, as(a5.applicantId, 'applicant'));
    expect(overridden.json).toMatchObject({ status: 'PLACED', kind: 'OVERRIDE', why: OVERRIDE_WHY_FOR_APPLICANT });
    expect(JSON.stringify(overridden.json)).not.toContain('domisili');
    expect(JSON.stringify(overridden.json)).not.toContain(opt.applicationId);
    const others = await call('GET', `/applications/${a1.applicationId}/outcome`, as(b1.applicantId, 'applicant'));
    expect([others.status, others.json.code]).toEqual([404, 'OUTCOME_NOT_FOUND']);
    expect((await call('GET', `/applications/${a4.applicationId}/outcome`, as(a4.applicantId, 'applicant'))).json).toMatchObject({
      status: 'NOT_RANKED',
      code: 'OUTCOME_NOT_RANKED',
      params: { because: expect.stringMatching(/^[A-Z_]+$/) },
    });

    // decline: only one's own; the seat goes to the next of the same formation (the unplaced tie partner)
    expect((await call('POST', `/applications/${second.applicationId}/decline`, as(b1.applicantId, 'applicant'), { reason: 'x' })).status).toBe(404);
    const decliner = [a2, a3].find((c) => c.applicationId === second.applicationId)!;
    const declined = await call('POST', `/applications/${second.applicationId}/decline`, as(decliner.applicantId, 'applicant'), {
      reason: 'diterima di instansi lain',
    });
    expect(declined.json).toMatchObject({ replacements: 1 });
    expect((await call('GET', `/applications/${second.applicationId}/outcome`, as(decliner.applicantId, 'applicant'))).json).toMatchObject({
      status: 'DECLINED',
      code: 'OUTCOME_DECLINED',
      params: { reason: 'diterima di instansi lain' },
    });
    const replacement = (
      await q(`SELECT application_id, formation_id, kind FROM placement.placements WHERE period_id = $1 AND kind = 'REPLACEMENT'`, [periodId])
    )[0];
    expect(replacement).toEqual({ application_id: third.applicationId, formation_id: fids[0], kind: 'REPLACEMENT' });
    expect(
      (
        await call(
          'GET',
          `/applications/${third.applicationId}/outcome`,
          as([a2, a3].find((c) => c.applicationId === third.applicationId)!.applicantId, 'applicant'),
        )
      ).json.status,
    ).toBe('PLACED');

    // report
    const report = await call('GET', `/periods/${periodId}/report`, as(admin, 'admin'));
    expect(report.json.find((r: { code: string }) => r.code === 'F1')).toMatchObject({
      quota: 2,
      reachedPlacement: 5,
      skbProceeded: 5,
      interviewed: 4,
      placed: 2,
      vacancies: 0,
    });
    expect(report.json.find((r: { code: string }) => r.code === 'F3')).toMatchObject({ placed: 0, vacancies: 1 });
    const csv = await call('GET', `/periods/${periodId}/report?format=csv`, as(officer, 'placement-officer'));
    expect(csv.type).toContain('text/csv');
    expect(csv.text.split('\n')[0]).toBe('formationId,code,position,unit,quota,reachedPlacement,skbProceeded,interviewed,placed,vacancies');
    expect((await call('GET', `/periods/${periodId}/report`, as(a1.applicantId, 'applicant'))).status).toBe(403);

    // the events on the topic, with valid payloads
    await waitFor(
      'events published',
      async () => (await eventsOf('CandidatePlaced')).filter((e) => (e.data as { periodId: string }).periodId === periodId).length === 5,
      { timeoutMs: 30_000 },
    );
    const mine = (await readEvents(testKafka(), service().topicPrefix, 'placement')).filter((e) => (e.data as { periodId: string }).periodId === periodId);
    for (const e of mine) validatePayloadOfType(e.type, e.data);
    const count = (name: string) => mine.filter((e) => e.type === eventType(name as never)).length;
    expect(count('RankingComputed')).toBe(3);
    expect(count('PlacementProposed')).toBe(5);
    // the override is published as one, with the applicant-facing why only
    const proposedOverrides = mine.filter((e) => e.type === eventType('PlacementProposed') && (e.data as { kind: string }).kind === 'OVERRIDE');
    expect(proposedOverrides.map((e) => e.data)).toEqual([expect.objectContaining({ applicationId: a5.applicationId, why: OVERRIDE_WHY_FOR_APPLICANT })]);
    expect(count('PlacementAnnounced')).toBe(1);
    expect(count('PlacementDeclined')).toBe(1);
    const kinds = mine
      .filter((e) => e.type === eventType('CandidatePlaced'))
      .map((e) => (e.data as { kind: string; reportingDate: string }).kind)
      .sort();
    expect(kinds).toEqual(['OVERRIDE', 'REGULAR', 'REGULAR', 'REGULAR', 'REPLACEMENT']);
  }, 90_000);

  it('refuses a decline on or after the reporting date, and recomputation gives the same digest', async () => {
    const { periodId, fids, candidate } = await openPeriod({ optimalisasiScope: 'NONE', overrideNeedsSecondApproval: false, reportingDate: '2020-01-06' }, [
      { position: 'Analis Sistem', edu: ['S1'], quota: 1, code: 'G1' },
    ]);
    const c1 = await candidate(0, 88, 88);
    const c2 = await candidate(0, 70, 70);
    await storedResults([c1, c2]);
    await call('POST', `/periods/${periodId}/rankings`, as(officer, 'placement-officer'));
    const d1 = (await call('GET', `/periods/${periodId}/formations/${fids[0]}/ranking`, as(officer, 'placement-officer'))).json.inputsDigest;
    await call('POST', `/periods/${periodId}/rankings`, as(officer, 'placement-officer'));
    const again = (await call('GET', `/periods/${periodId}/formations/${fids[0]}/ranking`, as(officer, 'placement-officer'))).json;
    expect(again.inputsDigest).toBe(d1);
    expect(again.entries.map((e: { applicationId: string }) => e.applicationId)).toEqual([c1.applicationId, c2.applicationId]);
    const proposal = (await call('POST', `/periods/${periodId}/proposal`, as(officer, 'placement-officer'))).json;
    // without second approval an override applies at once
    const override = await call('POST', `/periods/${periodId}/placements/${proposal.placements[0].placementId}/override`, as(officer, 'placement-officer'), {
      applicationId: c2.applicationId,
      reason: 'keputusan pimpinan',
    });
    expect(override.json.status).toBe('APPLIED');
    expect((await call('POST', `/periods/${periodId}/confirmation`, as(officer, 'placement-officer'))).status).toBe(200);
    const late = await call('POST', `/applications/${c2.applicationId}/decline`, as(c2.applicantId, 'applicant'), { reason: 'terlambat' });
    expect([late.status, late.json.code]).toEqual([409, 'DECLINE_WINDOW_CLOSED']);
    expect(late.json).toMatchObject({
      reportingDate: '2020-01-06',
      zone: expect.stringMatching(/^WI(B|TA|T)$/),
      message: expect.stringContaining('6 January 2020'),
    });
    expect((await call('GET', `/periods/${periodId}/formations/not-a-uuid/ranking`, as(officer, 'placement-officer'))).json).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'formationId',
    });
  }, 60_000);

  it('applies a quota change to the proposal', async () => {
    const { periodId, fids, candidate } = await openPeriod({ optimalisasiScope: 'POSITION', overrideNeedsSecondApproval: true, reportingDate: '2099-01-04' }, [
      { position: 'Administrator Jaringan', edu: ['D3'], quota: 1, code: 'H1' },
    ]);
    const c1 = await candidate(0, 75, 75);
    const c2 = await candidate(0, 74, 74);
    await storedResults([c1, c2]);
    await publishEvent(
      testKafka(),
      service().topicPrefix,
      'FormationQuotaChanged',
      newPayload('FormationQuotaChanged', newIds({ periodId, formationId: fids[0] }), { previousQuota: 1, quota: 2 }),
    );
    await waitFor('quota changed', async () => Number((await q(`SELECT quota FROM placement.formations WHERE formation_id = $1`, [fids[0]]))[0].quota) === 2, {
      timeoutMs: 30_000,
    });
    expect((await call('POST', `/periods/${periodId}/rankings`, as(officer, 'placement-officer'))).status).toBe(200);
    const proposal = await call('POST', `/periods/${periodId}/proposal`, as(officer, 'placement-officer'));
    expect(proposal.json.placements.map((p: { applicationId: string }) => p.applicationId)).toEqual([c1.applicationId, c2.applicationId]);
  }, 60_000);

  it("refuses to rank until it holds every result skb's and interview's closing counts name, and shows who it waits on", async () => {
    const { periodId, fids, candidate } = await openPeriod({ optimalisasiScope: 'NONE', overrideNeedsSecondApproval: false, reportingDate: '2099-01-04' }, [
      { position: 'Statistisi', edu: ['S1'], quota: 1, code: 'K1' },
    ]);
    const c1 = await candidate(0, 81, 81);
    const c2 = await candidate(0, 79, 79);
    await waitFor('both results of both', async () => (await q(`SELECT 1 FROM placement.stage_results WHERE period_id = $1`, [periodId])).length === 4, {
      timeoutMs: 30_000,
    });
    const rank = () => call('POST', `/periods/${periodId}/rankings`, as(officer, 'placement-officer'));
    expect((await rank()).json).toMatchObject({ code: 'HANDOVER_NOT_RECEIVED', stage: 'skb', field: 'periodId' });

    // Skb finalized three results in the formation; the third proceeds to an interview still being held back.
    const held = { applicationId: randomUUID(), formationId: fids[0] };
    await skbHandOver(periodId, [c1, c2, held]);
    const skbMissing = await rank();
    expect([skbMissing.status, skbMissing.json.code, skbMissing.json.stage, skbMissing.json.missing]).toEqual([409, 'HANDOVER_INCOMPLETE', 'skb', 1]);
    await publishEvent(
      testKafka(),
      service().topicPrefix,
      'SkbResultFinalized',
      newPayload('SkbResultFinalized', newIds({ periodId, ...held }), { total: 90, components: [{ component: 'cat', value: 450 }] }),
    );
    await waitFor(
      'the third SKB result',
      async () => (await q(`SELECT 1 FROM placement.stage_results WHERE application_id = $1`, [held.applicationId])).length === 1,
      {
        timeoutMs: 30_000,
      },
    );
    expect((await rank()).json).toMatchObject({ code: 'HANDOVER_NOT_RECEIVED', stage: 'interview' });

    await interviewHandOver(periodId, [c1, c2, held]);
    const refused = await rank();
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({
      code: 'HANDOVER_INCOMPLETE',
      stage: 'interview',
      expected: 3,
      received: 2,
      missing: 1,
      byFormation: [{ formationId: fids[0], expected: 3, received: 2, missing: 1, digestMatches: false }],
    });
    expect((await call('GET', `/periods/${periodId}/reconciliation`, as(officer, 'placement-officer'))).status).toBe(403);
    const waiting = (await call('GET', `/periods/${periodId}/reconciliation`, as(admin, 'admin'))).json;
    expect(waiting.handovers).toMatchObject([
      { stage: 'skb', received: true, expected: 3, missing: 0, complete: true },
      { stage: 'interview', received: true, expected: 3, missing: 1, complete: false },
    ]);
    expect(waiting.formations).toEqual([
      expect.objectContaining({
        formationId: fids[0],
        formationCode: 'K1',
        expectedSkb: 3,
        skbResults: 3,
        expectedInterview: 3,
        interviewResults: 2,
        ranked: 0,
      }),
    ]);
    expect(waiting.stuck).toEqual([
      expect.objectContaining({ applicationId: null, formationId: fids[0], reason: 'AWAITING_INTERVIEW_RESULTS', waitingOn: 'interview', count: 1 }),
      expect.objectContaining({ applicationId: held.applicationId, reason: 'AWAITING_INTERVIEW', waitingOn: 'interview' }),
    ]);

    await publishEvent(
      testKafka(),
      service().topicPrefix,
      'InterviewCompleted',
      newPayload('InterviewCompleted', newIds({ periodId, ...held }), { total: 90 }),
    );
    await waitFor('the held interview result', async () => (await q(`SELECT 1 FROM placement.stage_results WHERE period_id = $1`, [periodId])).length === 6, {
      timeoutMs: 30_000,
    });
    const ranked = await rank();
    expect([ranked.status, ranked.json.ranked]).toEqual([200, 3]);
    const after = (await call('GET', `/periods/${periodId}/reconciliation`, as(admin, 'admin'))).json;
    expect(after.stuck).toEqual([]);
    expect(after.formations[0]).toMatchObject({ interviewResults: 3, ranked: 3 });
  }, 90_000);

  it('describes every route in the OpenAPI document', async () => {
    const doc = await call('GET', '/docs/openapi.json', {});
    expect(doc.json.components.schemas.OutcomeDto.required).toEqual(expect.arrayContaining(['code', 'params', 'message']));
    expect(Object.keys(doc.json.paths)).toEqual(
      expect.arrayContaining([
        '/periods/{periodId}/rankings',
        '/periods/{periodId}/formations/{formationId}/ranking',
        '/periods/{periodId}/proposal',
        '/periods/{periodId}/placements',
        '/periods/{periodId}/placements/{placementId}/override',
        '/periods/{periodId}/overrides/{overrideId}/approval',
        '/periods/{periodId}/confirmation',
        '/periods/{periodId}/announcement',
        '/applications/{applicationId}/outcome',
        '/applications/{applicationId}/decline',
        '/periods/{periodId}/report',
        '/periods/{periodId}/reconciliation',
      ]),
    );
  });

  it('keeps the allocation invariants over random periods stored in the database, and recomputing changes nothing', async () => {
    const POSITIONS = ['Pranata Komputer', 'Analis Sistem'];
    const EDUCATION = [['S1'], ['D3']];
    const periodArb = fc.record({
      scope: fc.constantFrom<OptimalisasiScope>('POSITION_AND_EDUCATION', 'POSITION', 'NONE'),
      formations: fc.array(fc.record({ p: fc.nat(1), e: fc.nat(1), quota: fc.nat(3) }), { minLength: 1, maxLength: 4 }),
      candidates: fc.array(
        fc.record({
          f: fc.nat(3),
          skb: fc.integer({ min: 60, max: 62 }),
          interview: fc.option(fc.integer({ min: 70, max: 72 }), { freq: 6 }),
          proceeds: fc.boolean(),
          gpa: fc.constantFrom(3, 3.5),
        }),
        { maxLength: 15 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(periodArb, async (g) => {
        const periodId = randomUUID();
        const ids = g.formations.map(() => randomUUID());
        await q(
          `INSERT INTO placement.periods (period_id, rule_version, time_zone, stage_weights, tie_break_chain, optimalisasi_scope, override_needs_second_approval, reporting_date)
           VALUES ($1, 'prop-1', 'WITA', '{"skb": 60, "interview": 40}', '["HIGHER_SKB", "HIGHER_CAT", "HIGHER_GPA", "OLDER"]', $2, true, '2099-01-04')`,
          [periodId, g.scope],
        );
        for (const [i, f] of g.formations.entries()) {
          await q(
            `INSERT INTO placement.formations (formation_id, period_id, code, position, unit, formation_type, quota, education_levels) VALUES ($1, $2, $3, $4, 'Command Center', 'general', $5, $6)`,
            [ids[i], periodId, `P${i}`, POSITIONS[f.p], f.quota, EDUCATION[f.e]],
          );
        }
        for (const c of g.candidates) {
          const applicationId = randomUUID();
          const formationId = ids[c.f % ids.length];
          const skb = {
            applicantId: randomUUID(),
            total: c.skb,
            outcome: 'P/L',
            proceeds: c.proceeds || c.skb > 60,
            components: [{ component: 'cat', value: 300 }],
            gpa: c.gpa,
            dateOfBirth: '1995-05-05',
          };
          await q(`INSERT INTO placement.stage_results VALUES ($1, 'skb', $2, $3, $4, now(), $5)`, [
            applicationId,
            periodId,
            formationId,
            randomUUID(),
            JSON.stringify(skb),
          ]);
          const interview = c.interview === null ? { outcome: 'ABSENT', total: null } : { outcome: 'SCORED', total: c.interview };
          await q(`INSERT INTO placement.stage_results VALUES ($1, 'interview', $2, $3, $4, now(), $5)`, [
            applicationId,
            periodId,
            formationId,
            randomUUID(),
            JSON.stringify(interview),
          ]);
        }
        // The closing counts of both stages, as they would say exactly what was stored.
        await q(
          `INSERT INTO placement.handovers (period_id, stage, closed_at, total, by_formation, received_at)
           SELECT $1, st.stage, now(), coalesce(sum(h.count), 0),
                  coalesce(jsonb_agg(jsonb_build_object('formationId', h.formation_id, 'count', h.count, 'digest', h.digest)) FILTER (WHERE h.formation_id IS NOT NULL), '[]'),
                  now()
             FROM (VALUES ('skb'), ('interview')) st(stage)
             LEFT JOIN (SELECT stage, formation_id, count(*)::int AS count, ${idDigestSql('application_id')} AS digest
                          FROM placement.stage_results WHERE period_id = $1 GROUP BY stage, formation_id) h ON h.stage = st.stage
            GROUP BY st.stage`,
          [periodId],
        );
        expect((await call('POST', `/periods/${periodId}/rankings`, as(officer, 'placement-officer'))).status).toBe(200);
        const first = (await call('POST', `/periods/${periodId}/proposal`, as(officer, 'placement-officer'))).json.placements;
        const ranked = (
          await q(
            `SELECT application_id, formation_id, rank, final_score::float8 AS score FROM placement.ranking_entries WHERE period_id = $1 AND rank IS NOT NULL`,
            [periodId],
          )
        ).map((r) => ({
          applicationId: r.application_id as string,
          formationId: r.formation_id as string,
          rank: r.rank as number,
          finalScore: r.score as number,
        }));
        const formations = g.formations.map((f, i) => ({
          formationId: ids[i],
          code: `P${i}`,
          position: POSITIONS[f.p],
          educationLevels: EDUCATION[f.e],
          quota: f.quota,
        }));
        const standing = (
          await q(`SELECT application_id, formation_id FROM placement.placements WHERE period_id = $1 AND status = 'PROPOSED'`, [periodId])
        ).map((r) => ({
          applicationId: r.application_id as string,
          seatFormationId: r.formation_id as string,
        }));
        checkInvariants({ formations, ranked, scope: g.scope, declined: new Set() }, standing, new Set());
        // recomputation from the stored inputs gives the same ranking and proposal
        expect((await call('POST', `/periods/${periodId}/rankings`, as(officer, 'placement-officer'))).status).toBe(200);
        const again = (await call('POST', `/periods/${periodId}/proposal`, as(officer, 'placement-officer'))).json.placements;
        const strip = (ps: { applicationId: string; formationId: string; kind: string; rank: number; why: string }[]) =>
          ps.map(({ applicationId, formationId, kind, rank, why }) => ({ applicationId, formationId, kind, rank, why }));
        expect(strip(again)).toEqual(strip(first));
      }),
      { numRuns: 25 },
    );
  }, 90_000);

  it('stores a result for a period it has not heard of, without dead-lettering it', async () => {
    const ids = newIds();
    await publishEvent(testKafka(), service().topicPrefix, 'SkbResultFinalized', newPayload('SkbResultFinalized', ids));
    await waitFor('result stored', async () => (await q(`SELECT 1 FROM placement.stage_results WHERE application_id = $1`, [ids.applicationId])).length === 1, {
      timeoutMs: 30_000,
    });
    const computed = await call('POST', `/periods/${ids.periodId}/rankings`, as(officer, 'placement-officer'));
    expect([computed.status, computed.json.code]).toEqual([404, 'PERIOD_NOT_FOUND']);
  }, 60_000);

  it('refuses callers without a token or with the wrong role', async () => {
    const periodId = randomUUID();
    expect((await call('POST', `/periods/${periodId}/rankings`, {})).status).toBe(401);
    expect((await call('GET', `/periods/${periodId}/placements`, as(randomUUID(), 'applicant'))).status).toBe(403);
    expect((await call('POST', `/periods/${periodId}/confirmation`, as(admin, 'admin'))).status).toBe(403);
    expect((await call('POST', `/applications/${randomUUID()}/decline`, as(officer, 'placement-officer'), { reason: 'x' })).status).toBe(403);
  });
});
