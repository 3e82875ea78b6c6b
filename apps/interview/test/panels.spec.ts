import { InterviewScheduled, validatePayload } from '@seleksi/contracts';
import { freshSchema, newPayload, publishEvent, readEvents, startInProcess, testKafka, waitFor } from '@seleksi/testing';
import { randomUUID } from 'node:crypto';
import { InterviewConfig } from '../src/interview.config';
import { InterviewModule } from '../src/interview.module';
import { CandidatePlacementService } from '../src/panels/candidate-placement.service';
import { CRITERIA, InterviewFixture, KK_KEY } from './interview-fixture';

describe(CandidatePlacementService.name, () => {
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

  const candidateRow = async (applicationId: string) =>
    (
      await f.sql<{ panel_id: string | null; status: string }>(`SELECT panel_id, status FROM interview.candidates WHERE application_id = $1`, [applicationId])
    )[0];

  it('keeps one candidate per proceeding SKB result and ignores the rest', async () => {
    const ids = await f.period();
    const { applicationId } = await f.candidate(ids, 'W-1');
    const again = newPayload('SkbResultFinalized', { ...ids, applicationId }, { participantNumber: 'W-1' });
    await publishEvent(testKafka(), f.svc.topicPrefix, 'SkbResultFinalized', again);
    const notRanked = newPayload('SkbResultFinalized', { ...ids, applicationId: randomUUID() }, { outcome: 'P', proceeds: false, participantNumber: 'W-2' });
    await publishEvent(testKafka(), f.svc.topicPrefix, 'SkbResultFinalized', notRanked);
    const marker = await f.candidate(ids, 'W-3');
    const rows = await f.sql<{ application_id: string; status: string }>(`SELECT application_id, status FROM interview.candidates WHERE period_id = $1`, [
      ids.periodId,
    ]);
    expect(rows.map((r) => r.application_id).sort()).toEqual([applicationId, marker.applicationId].sort());
    expect(rows.every((r) => r.status === 'WAITING')).toBe(true);
  });

  it('refuses a panel without exactly one chair, too small for the period, or for an unknown period', async () => {
    const ids = await f.period({ minimumPanelSize: 3 });
    const [a, b, c] = [f.panelist(), f.panelist(), f.panelist()];
    const member = (p: typeof a, chair: boolean) => ({ panelistId: p.id, displayName: p.name, kkNumber: p.kk, chair });
    const cases: [unknown, number, string, string?][] = [
      [{ periodId: ids.periodId, name: 'X', members: [member(a, false), member(b, false), member(c, false)] }, 422, 'PANEL_CHAIR_COUNT', 'members'],
      [{ periodId: ids.periodId, name: 'X', members: [member(a, true), member(b, true), member(c, false)] }, 422, 'PANEL_CHAIR_COUNT', 'members'],
      [{ periodId: ids.periodId, name: 'X', members: [member(a, true), member(b, false)] }, 422, 'PANEL_TOO_SMALL', 'members'],
      [
        { periodId: ids.periodId, name: 'X', members: [member(a, true), member(a, false), member(c, false)] },
        422,
        'PANELIST_DUPLICATE',
        'members.1.panelistId',
      ],
      [{ periodId: randomUUID(), name: 'X', members: [member(a, true), member(b, false), member(c, false)] }, 404, 'PERIOD_UNKNOWN', 'periodId'],
      [
        { periodId: ids.periodId, name: 'X', members: [{ ...member(a, true), kkNumber: '12' }, member(b, false), member(c, false)] },
        400,
        'VALIDATION_FAILED',
        'members.0.kkNumber',
      ],
    ];
    for (const [body, status, code, field] of cases) {
      expect(await f.call('POST', '/panels', f.admin, body)).toMatchObject({ status, body: { code, field } });
    }
    expect(await f.call('POST', '/panels', f.panelist().token, cases[0][0])).toMatchObject({ status: 403 });
    expect(await f.sql(`SELECT 1 FROM interview.panels WHERE period_id = $1`, [ids.periodId])).toEqual([]);
    // The KK number is digested, never stored.
    await f.panel(ids.periodId, [a, b, c]);
    const stored = await f.sql<{ kk_digest: string }>(`SELECT kk_digest FROM interview.panel_members WHERE panelist_id = $1`, [a.id]);
    expect(stored[0].kk_digest).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await f.sql(`SELECT * FROM interview.panel_members WHERE panelist_id = $1`, [a.id]))).not.toContain(a.kk);
  });

  it('recuses a panelist sharing the KK and moves the candidate to a panel with enough members', async () => {
    const ids = await f.period({ minimumPanelSize: 3 });
    const home = [f.panelist('H1'), f.panelist('H2'), f.panelist('H3')];
    const other = [f.panelist('O1'), f.panelist('O2'), f.panelist('O3')];
    const homeId = await f.panel(ids.periodId, home, 'Home');
    const otherId = await f.panel(ids.periodId, other, 'Other');
    expect((await f.assign(homeId, ids.formationId)).status).toBe(201);
    const plain = await f.candidate(ids, 'K-1');
    const family = await f.candidate(ids, 'K-2', home[1].kk);
    expect(await candidateRow(plain.applicationId)).toEqual({ panel_id: homeId, status: 'ASSIGNED' });
    expect(await candidateRow(family.applicationId)).toEqual({ panel_id: otherId, status: 'ASSIGNED' });
    const recusals = await f.sql(`SELECT panelist_id, source FROM interview.recusals WHERE application_id = $1`, [family.applicationId]);
    expect(recusals).toEqual([{ panelist_id: home[1].id, source: 'KK_MATCH' }]);
    const detail = await f.call('GET', `/admin/candidates/${family.applicationId}`, f.admin);
    expect(detail).toMatchObject({ status: 200, body: { panelId: otherId, recusals: [{ panelistId: home[1].id, source: 'KK_MATCH' }], sheets: [] } });
    expect(await f.call('GET', `/admin/candidates/${family.applicationId}`, home[0].token)).toMatchObject({ status: 403 });
    expect(await f.sql(`SELECT 1 FROM interview.view_log WHERE viewer_role = 'admin' AND $1 = ANY(application_ids)`, [family.applicationId])).toHaveLength(1);
    // The moved candidate is now the other panel's; the home panel no longer sees them.
    expect(await f.call('GET', f.path(homeId, 'K-2'), home[0].token)).toMatchObject({ status: 404 });
    expect(await f.call('GET', f.path(otherId, 'K-2'), other[0].token)).toMatchObject({ status: 200 });

    // A declared conflict on the home panel: 2 left < 3, the other panel takes the candidate.
    expect(await f.call('POST', f.path(homeId, 'K-1', '/conflict'), home[2].token, { reason: '' })).toMatchObject({ status: 400 });
    expect(await f.call('POST', f.path(homeId, 'K-1', '/conflict'), home[2].token, { reason: 'saudara sepupu' })).toMatchObject({
      status: 201,
      body: { recused: true, candidateMoved: true, candidateUnplaced: false },
    });
    expect(await candidateRow(plain.applicationId)).toEqual({ panel_id: otherId, status: 'ASSIGNED' });
    expect(await f.call('POST', f.path(otherId, 'K-1', '/conflict'), home[2].token, { reason: 'x' })).toMatchObject({
      status: 403,
      body: { code: 'NOT_PANEL_MEMBER' },
    });

    // With no panel left to take them, the candidate is listed for admins as UNPLACED.
    expect(await f.call('POST', f.path(otherId, 'K-1', '/conflict'), other[0].token, { reason: 'mantan atasan' })).toMatchObject({
      status: 201,
      body: { candidateMoved: false, candidateUnplaced: true },
    });
    const unplaced = await f.call<{ participantNumber: string; unplacedReason: string }[]>(
      'GET',
      `/admin/candidates?periodId=${ids.periodId}&status=UNPLACED`,
      f.admin,
    );
    expect(unplaced.body).toEqual([
      expect.objectContaining({ participantNumber: 'K-1', panelId: null, unplacedReason: expect.stringContaining('3 panelists') }),
    ]);

    // A new panel takes the unplaced candidate.
    const fresh = [f.panelist('N1'), f.panelist('N2'), f.panelist('N3')];
    const freshId = await f.panel(ids.periodId, fresh, 'Fresh');
    expect(await candidateRow(plain.applicationId)).toEqual({ panel_id: freshId, status: 'ASSIGNED' });
  });

  it('moves a candidate whose panel chair is recused, even with enough members left', async () => {
    const ids = await f.period({ minimumPanelSize: 2 });
    const first = [f.panelist('Ketua 1'), f.panelist('A'), f.panelist('B')];
    const second = [f.panelist('Ketua 2'), f.panelist('C')];
    const firstId = await f.panel(ids.periodId, first);
    const secondId = await f.panel(ids.periodId, second);
    await f.assign(firstId, ids.formationId);
    const chairFamily = await f.candidate(ids, 'C-1', first[0].kk);
    expect(await candidateRow(chairFamily.applicationId)).toEqual({ panel_id: secondId, status: 'ASSIGNED' });
    const other = await f.candidate(ids, 'C-2');
    expect(await f.call('POST', f.path(firstId, 'C-2', '/conflict'), first[0].token, { reason: 'keponakan' })).toMatchObject({
      status: 201,
      body: { candidateMoved: true },
    });
    expect(await candidateRow(other.applicationId)).toEqual({ panel_id: secondId, status: 'ASSIGNED' });
  });

  it('re-checks only the candidate concerned when a conflict is declared', async () => {
    const ids = await f.period({ minimumPanelSize: 2 });
    const first = [f.panelist('Ketua'), f.panelist('A'), f.panelist('B')];
    const firstId = await f.panel(ids.periodId, first);
    await f.panel(ids.periodId, [f.panelist('Ketua 2'), f.panelist('C')]);
    await f.assign(firstId, ids.formationId);
    const bystander = await f.candidate(ids, 'Q-1');
    await f.candidate(ids, 'Q-2');
    // A recusal placement has not looked at yet (as if written while this check ran elsewhere).
    await f.sql(`INSERT INTO interview.recusals (application_id, panelist_id, source, reason, recorded_at) VALUES ($1, $2, 'DECLARED', 'seeded', now())`, [
      bystander.applicationId,
      first[0].id,
    ]);
    expect(await f.call('POST', f.path(firstId, 'Q-2', '/conflict'), first[2].token, { reason: 'tetangga' })).toMatchObject({
      status: 201,
      body: { candidateMoved: false, candidateUnplaced: false },
    });
    expect(await candidateRow(bystander.applicationId)).toEqual({ panel_id: firstId, status: 'ASSIGNED' });
  });

  it('schedules candidates without double booking and publishes InterviewScheduled', async () => {
    const ids = await f.period({ minimumPanelSize: 3 }, 'WITA');
    const members = [f.panelist(), f.panelist(), f.panelist()];
    const panelId = await f.panel(ids.periodId, members);
    await f.assign(panelId, ids.formationId);
    const one = await f.candidate(ids, 'S-1');
    const two = await f.candidate(ids, 'S-2');
    await f.handOver(ids);
    const slot = (h: number, m = 0) => ({
      startsAt: `2026-12-01T0${h}:${m === 0 ? '00' : m}:00.000Z`,
      endsAt: `2026-12-01T0${h}:${m === 0 ? '30' : m + 30}:00.000Z`,
      place: 'Command Center, Ruang 1',
    });
    const created = await f.call<{ slotId: string; localStartsAt: string }[]>('POST', `/panels/${panelId}/slots`, f.admin, { slots: [slot(1), slot(2)] });
    expect(created.status).toBe(201);
    expect(created.body.map((s) => s.localStartsAt)).toEqual(['1 December 2026, 09:00 WITA', '1 December 2026, 10:00 WITA']);
    expect(
      await f.call('POST', `/panels/${panelId}/slots`, f.admin, {
        slots: [slot(3), { ...slot(1), startsAt: '2026-12-01T01:15:00.000Z', endsAt: '2026-12-01T01:45:00.000Z' }],
      }),
    ).toMatchObject({
      status: 409,
      body: { code: 'SLOT_OVERLAP', field: 'slots.1' },
    });
    expect(await f.call('POST', `/panels/${panelId}/slots`, f.admin, { slots: [{ ...slot(4), endsAt: slot(3).startsAt }] })).toMatchObject({
      status: 422,
      body: { code: 'SLOT_ENDS_BEFORE_START' },
    });
    expect((await f.call<unknown[]>('GET', `/panels/${panelId}/slots`, f.admin)).body).toHaveLength(2);
    expect(await f.call('GET', '/panels/not-a-uuid/slots', f.admin)).toMatchObject({ status: 400, body: { code: 'INVALID_UUID', field: 'panelId' } });

    const [first, second] = created.body;
    expect(await f.call('PUT', `/slots/${first.slotId}/candidate`, f.admin, { applicationId: one.applicationId })).toMatchObject({
      status: 200,
      body: { participantNumber: 'S-1', localStartsAt: '1 December 2026, 09:00 WITA' },
    });
    expect(await f.call('PUT', `/slots/${first.slotId}/candidate`, f.admin, { applicationId: two.applicationId })).toMatchObject({
      status: 409,
      body: { code: 'SLOT_TAKEN' },
    });
    expect(await f.call('PUT', `/slots/${second.slotId}/candidate`, f.admin, { applicationId: one.applicationId })).toMatchObject({
      status: 409,
      body: { code: 'CANDIDATE_ALREADY_SCHEDULED' },
    });
    const elsewhere = await f.period();
    const stranger = await f.candidate(elsewhere, 'S-9');
    expect(await f.call('PUT', `/slots/${second.slotId}/candidate`, f.admin, { applicationId: stranger.applicationId })).toMatchObject({
      status: 409,
      body: { code: 'CANDIDATE_NOT_ON_PANEL' },
    });
    expect(await f.sql(`SELECT 1 FROM interview.slots WHERE application_id IS NOT NULL AND panel_id = $1`, [panelId])).toHaveLength(1);

    const event = await waitFor('InterviewScheduled on the topic', async () =>
      (await readEvents(testKafka(), f.svc.topicPrefix, 'interview')).find((e) => e.type.endsWith('InterviewScheduled.v1') && e.subject === one.applicationId),
    );
    expect(() => validatePayload('InterviewScheduled', event.data as InterviewScheduled)).not.toThrow();
    expect(event.data).toMatchObject({
      panelId,
      participantNumber: 'S-1',
      startsAt: '2026-12-01T01:00:00.000Z',
      endsAt: '2026-12-01T01:30:00.000Z',
      place: 'Command Center, Ruang 1',
    });
    // The panelist sees the slot in local time.
    const list = await f.call<{ slot: { localStartsAt: string } | null }[]>('GET', '/panelist/candidates', members[1].token);
    expect(list.body[0].slot?.localStartsAt).toBe('1 December 2026, 09:00 WITA');
  });

  it('versions rubrics and refuses one whose anchors do not cover the period scale', async () => {
    const ids = await f.period({ scaleMin: 1, scaleMax: 4 });
    expect(await f.rubric(ids.formationId)).toMatchObject({ status: 422, body: { code: 'ANCHOR_OUT_OF_SCALE', field: 'criteria.0.anchors.4.level' } });
    const fitting = CRITERIA.map((c) => ({ ...c, anchors: c.anchors.filter((a) => a.level <= 4) }));
    const missing = CRITERIA.map((c) => ({ ...c, anchors: c.anchors.filter((a) => a.level <= 3) }));
    expect(await f.call('POST', `/formations/${ids.formationId}/rubrics`, f.admin, { criteria: missing })).toMatchObject({
      status: 422,
      body: { code: 'ANCHOR_MISSING' },
    });
    expect(await f.call('POST', `/formations/${ids.formationId}/rubrics`, f.admin, { criteria: fitting })).toMatchObject({
      status: 201,
      body: { version: 1, frozen: false },
    });
    expect(await f.call('POST', `/formations/${ids.formationId}/rubrics`, f.admin, { criteria: fitting })).toMatchObject({ status: 201, body: { version: 2 } });
    expect(await f.call('GET', `/formations/${ids.formationId}/rubrics/current`, f.admin)).toMatchObject({ status: 200, body: { version: 2 } });
    expect(await f.call('POST', `/formations/${randomUUID()}/rubrics`, f.admin, { criteria: fitting })).toMatchObject({
      status: 404,
      body: { code: 'FORMATION_UNKNOWN' },
    });
  });

  it("scores a formation without its own rubric on its position's rubric", async () => {
    const ids = await f.period();
    const position = 'Pranata Komputer Ahli Pertama'; // the formation's position in newPayload
    expect(await f.call('GET', `/formations/${ids.formationId}/rubrics/current`, f.admin)).toMatchObject({ status: 404, body: { code: 'RUBRIC_NOT_FOUND' } });
    expect(await f.call('POST', `/periods/${ids.periodId}/position-rubrics`, f.admin, { position, criteria: CRITERIA })).toMatchObject({
      status: 201,
      body: { position, formationId: null, version: 1, label: `${position}.v1` },
    });
    expect(await f.call('GET', `/formations/${ids.formationId}/rubrics/current`, f.admin)).toMatchObject({ status: 200, body: { position, version: 1 } });

    const members = [f.panelist(), f.panelist(), f.panelist()];
    const panelId = await f.panel(ids.periodId, members);
    await f.assign(panelId, ids.formationId);
    await f.candidate(ids, 'PR-1');
    await f.score(members[0], panelId, 'PR-1', 3, 3);
    expect(await f.call('POST', `/periods/${ids.periodId}/position-rubrics`, f.admin, { position, criteria: CRITERIA })).toMatchObject({
      status: 409,
      body: { code: 'RUBRIC_FROZEN' },
    });
    expect(await f.rubric(ids.formationId)).toMatchObject({ status: 409, body: { code: 'RUBRIC_FROZEN' } });
    // Another position of the same period is untouched.
    expect(await f.call('POST', `/periods/${ids.periodId}/position-rubrics`, f.admin, { position: 'Analis Sistem', criteria: CRITERIA })).toMatchObject({
      status: 201,
    });
  });

  it('describes every route in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${f.svc.url}/docs/openapi.json`)).json()) as { paths: Record<string, unknown> };
    for (const path of [
      '/panels',
      '/panels/{panelId}/formations',
      '/panels/{panelId}/slots',
      '/slots/{slotId}/candidate',
      '/formations/{formationId}/rubrics',
      '/panelist/candidates',
      '/panelist/panels/{panelId}/candidates/{participantNumber}/sheet',
      '/panelist/panels/{panelId}/candidates/{participantNumber}/finalize',
      '/panelist/panels/{panelId}/candidates/{participantNumber}/conflict',
      '/admin/rater-statistics',
      '/admin/candidates',
      '/admin/candidates/{applicationId}',
      '/periods/{periodId}/position-rubrics',
      '/periods/{periodId}/completion',
      '/periods/{periodId}/reconciliation',
    ]) {
      expect(doc.paths).toHaveProperty([path]);
    }
  });
});
