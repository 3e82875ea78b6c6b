import { randomUUID } from 'node:crypto';
import { PeriodController } from '../src/periods/period.controller';
import { as, call, Json, openPeriod, startPlacement, stopPlacement, storedResults } from './placement-harness';

const officer = randomUUID();
const officer2 = randomUUID();
const admin = randomUUID();

beforeAll(async () => {
  await startPlacement();
}, 90_000);

afterAll(async () => {
  await stopPlacement();
});

/** The routes the officers' workspace reads its state from: the period's progress, the approval queue, the placements with their replacements. */
describe(PeriodController.name, () => {
  it('reads back each long operation, the approval queue and the replacement a decline brought in', async () => {
    const { periodId, fids, candidate } = await openPeriod(
      { optimalisasiScope: 'POSITION_AND_EDUCATION', overrideNeedsSecondApproval: true, reportingDate: '2099-01-04' },
      [
        { position: 'Pranata Komputer', edu: ['S1'], quota: 1, code: 'W1' },
        { position: 'Pranata Komputer', edu: ['S1'], quota: 1, code: 'W2' },
      ],
    );
    const first = await candidate(0, 90, 90, { participantNumber: 'W-0001' });
    const second = await candidate(0, 80, 80, { participantNumber: 'W-0002' });
    const third = await candidate(0, 70, 70, { participantNumber: 'W-0003' });
    const absent = await candidate(0, 95, null, { participantNumber: 'W-0004' });
    await storedResults([first, second, third, absent]);
    const detail = async (): Promise<Json> => (await call('GET', `/periods/${periodId}`, as(officer, 'placement-officer'))).json;

    const listed = await call('GET', '/periods', as(admin, 'admin'));
    expect(listed.status).toBe(200);
    expect(listed.json.find((p: { periodId: string }) => p.periodId === periodId)).toMatchObject({
      ruleVersion: expect.any(String),
      timeZone: expect.stringMatching(/^WI(B|TA|T)$/),
      tieBreakChain: expect.any(Array),
      overrideNeedsSecondApproval: true,
      reportingDate: '2099-01-04',
      rankedAt: null,
      proposedAt: null,
      confirmedAt: null,
      announcedAt: null,
    });
    const before = await detail();
    expect(before.formations.map((f: { code: string; rankedAt: string | null; ranked: number }) => [f.code, f.rankedAt, f.ranked])).toEqual([
      ['W1', null, 0],
      ['W2', null, 0],
    ]);
    expect(before.counts).toMatchObject({ rankedFormations: 0, ranked: 0, proposed: 0, pendingOverrides: 0 });

    await call('POST', `/periods/${periodId}/rankings`, as(officer, 'placement-officer'));
    const ranked = await detail();
    expect(ranked.rankedAt).toEqual(expect.any(String));
    expect(ranked.counts).toMatchObject({ rankedFormations: 2, ranked: 3, notRanked: 1, exactTies: 0 });
    expect(ranked.formations[0]).toMatchObject({ code: 'W1', ranked: 3, notRanked: 1, rankedAt: ranked.rankedAt });
    const ranking = (await call('GET', `/periods/${periodId}/formations/${fids[0]}/ranking`, as(officer, 'placement-officer'))).json;
    expect(ranking.entries.map((e: { participantNumber: string; rank: number | null }) => [e.participantNumber, e.rank])).toEqual([
      ['W-0001', 1],
      ['W-0002', 2],
      ['W-0003', 3],
      ['W-0004', null],
    ]);

    // first takes W1; second the empty W2 seat by optimalisasi; the override puts third in W2 instead.
    await call('POST', `/periods/${periodId}/proposal`, as(officer, 'placement-officer'));
    const proposed = await detail();
    expect(proposed.proposedAt).toEqual(expect.any(String));
    expect(proposed.counts).toMatchObject({ proposed: 2, regular: 1, optimalisasi: 1, confirmed: 0 });
    const placements = (await call('GET', `/periods/${periodId}/placements`, as(officer, 'placement-officer'))).json;
    const optimalisasi = placements.find((p: { kind: string }) => p.kind === 'OPTIMALISASI');
    expect(optimalisasi).toMatchObject({ participantNumber: 'W-0002', formationId: fids[1], status: 'PROPOSED', confirmedAt: null, replacesPlacementId: null });
    const asked = await call('POST', `/periods/${periodId}/placements/${optimalisasi.placementId}/override`, as(officer, 'placement-officer'), {
      applicationId: third.applicationId,
      reason: 'domisili dekat unit',
    });
    expect(asked.json.status).toBe('PENDING');

    const queue = await call('GET', `/periods/${periodId}/overrides?status=PENDING`, as(officer2, 'placement-officer'));
    expect(queue.json).toEqual([
      expect.objectContaining({
        overrideId: asked.json.overrideId,
        reason: 'domisili dekat unit',
        requestedBy: officer,
        requestedByMe: false,
        formationId: fids[1],
        displacedApplicationId: second.applicationId,
        participantNumber: 'W-0003',
        displacedParticipantNumber: 'W-0002',
        approvedAt: null,
      }),
    ]);
    const mine = await call('GET', `/periods/${periodId}/overrides?status=PENDING`, as(officer, 'placement-officer'));
    expect(mine.json[0].requestedByMe).toBe(true);
    expect((await detail()).counts.pendingOverrides).toBe(1);
    expect((await call('GET', `/periods/${periodId}/overrides?status=MAYBE`, as(officer, 'placement-officer'))).json).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'status',
    });

    await call('POST', `/periods/${periodId}/overrides/${asked.json.overrideId}/approval`, as(officer2, 'placement-officer'));
    expect((await call('GET', `/periods/${periodId}/overrides?status=PENDING`, as(officer, 'placement-officer'))).json).toEqual([]);
    const applied = (await call('GET', `/periods/${periodId}/overrides`, as(officer, 'placement-officer'))).json;
    expect(applied).toEqual([expect.objectContaining({ status: 'APPLIED', approvedBy: officer2, approvedAt: expect.any(String) })]);
    expect((await detail()).counts).toMatchObject({ proposed: 2, regular: 1, optimalisasi: 0, override: 1, pendingOverrides: 0 });

    await call('POST', `/periods/${periodId}/confirmation`, as(officer2, 'placement-officer'));
    await call('POST', `/periods/${periodId}/announcement`, as(admin, 'admin'));
    const announced = await detail();
    expect(announced.confirmedAt).toEqual(expect.any(String));
    expect(announced.announcedAt).toEqual(expect.any(String));
    expect(announced.counts).toMatchObject({ proposed: 0, confirmed: 2 });

    // first declines: the seat goes to second, the next of W1, and the list says whose seat it took.
    await call('POST', `/applications/${first.applicationId}/decline`, as(first.applicantId, 'applicant'), { reason: 'diterima di instansi lain' });
    const after = (await call('GET', `/periods/${periodId}/placements`, as(officer, 'placement-officer'))).json;
    const declined = after.find((p: { status: string }) => p.status === 'DECLINED');
    expect(declined).toMatchObject({ participantNumber: 'W-0001', declineReason: 'diterima di instansi lain', declinedAt: expect.any(String) });
    expect(after.find((p: { kind: string }) => p.kind === 'REPLACEMENT')).toMatchObject({
      participantNumber: 'W-0002',
      formationId: fids[0],
      status: 'CONFIRMED',
      replacesPlacementId: declined.placementId,
    });
    expect((await detail()).counts).toMatchObject({ declined: 1, replacement: 1, confirmed: 2 });
  }, 90_000);

  it('answers PERIOD_NOT_FOUND for a period placement has not heard of', async () => {
    const answer = await call('GET', `/periods/${randomUUID()}`, as(officer, 'placement-officer'));
    expect([answer.status, answer.json.code]).toEqual([404, 'PERIOD_NOT_FOUND']);
  });
});
