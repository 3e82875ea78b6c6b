import { InterviewCompleted, validatePayload } from '@seleksi/contracts';
import { freshSchema, readEvents, startInProcess, testKafka, waitFor } from '@seleksi/testing';
import { InterviewConfig } from '../src/interview.config';
import { InterviewModule } from '../src/interview.module';
import { ScoringService } from '../src/scoring/scoring.service';
import { InterviewFixture, KK_KEY } from './interview-fixture';

/** Keys that would identify a candidate to a panelist; none may appear in any panelist response. */
const IDENTIFYING = ['applicationId', 'applicantId', 'fullName', 'name', 'nik', 'photo', 'photoDocumentId', 'dateOfBirth', 'birthDate', 'kkDigest', 'gpa'];

function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  return [];
}

describe(ScoringService.name, () => {
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

  /** A period with one formation, one 3-member panel (first is chair) assigned to it, a rubric and one candidate. */
  async function scene(interview: Parameters<InterviewFixture['period']>[0] = {}) {
    const ids = await f.period(interview);
    const members = [f.panelist('Ketua'), f.panelist('Anggota 1'), f.panelist('Anggota 2')];
    const panelId = await f.panel(ids.periodId, members);
    expect((await f.assign(panelId, ids.formationId)).status).toBe(201);
    expect((await f.rubric(ids.formationId)).status).toBe(201);
    const pn = `P-${ids.periodId.slice(0, 8)}`;
    const candidate = await f.candidate(ids, pn);
    return { ids, members, panelId, pn, candidate };
  }

  it('shows panelists only the participant number and formation, and logs every view', async () => {
    const { members, panelId, pn, candidate } = await scene();
    const [chair, second, third] = members;
    const list = await f.call<unknown[]>('GET', '/panelist/candidates', chair.token);
    const view = await f.call('GET', f.path(panelId, pn), chair.token);
    await f.score(chair, panelId, pn, 4, 3);
    await f.score(second, panelId, pn, 3, 3);
    const sheets = await f.call('GET', f.path(panelId, pn, '/sheets'), chair.token);
    const saved = await f.call('PUT', f.path(panelId, pn, '/sheet'), third.token, f.sheet(4, 4));
    for (const reply of [list, view, sheets, saved]) {
      expect(reply.status).toBe(200);
      expect(keysOf(reply.body).filter((k) => IDENTIFYING.includes(k))).toEqual([]);
      const text = JSON.stringify(reply.body);
      for (const secret of [candidate.applicationId, candidate.applicantId, candidate.kkDigest]) expect(text).not.toContain(secret);
    }
    expect(list.body).toEqual([expect.objectContaining({ participantNumber: pn, formation: expect.objectContaining({ code: expect.any(String) }) })]);
    expect(view.body).toMatchObject({ participantNumber: pn, rubric: { scaleMin: 1, scaleMax: 5 } });
    const logged = await f.sql<{ action: string }>(`SELECT action FROM interview.view_log WHERE viewer_id = $1 ORDER BY id`, [chair.id]);
    expect(logged.map((r) => r.action)).toEqual(['LIST_CANDIDATES', 'VIEW_CANDIDATE', 'VIEW_PANEL_SCORES']);
  });

  it("hides the panel's scores until one's own sheet is submitted, then locks it", async () => {
    const { members, panelId, pn } = await scene();
    const [chair, second] = members;
    await f.score(chair, panelId, pn, 5, 4);
    expect(await f.call('GET', f.path(panelId, pn, '/sheets'), second.token)).toMatchObject({ status: 403, body: { code: 'SCORES_HIDDEN_UNTIL_SUBMITTED' } });
    expect((await f.call('PUT', f.path(panelId, pn, '/sheet'), second.token, f.sheet(2, 2))).status).toBe(200);
    expect(await f.call('GET', f.path(panelId, pn, '/sheets'), second.token)).toMatchObject({ status: 403 });
    expect((await f.call('POST', f.path(panelId, pn, '/sheet/submit'), second.token)).status).toBe(200);
    const visible = await f.call<{ panelistId: string; scores: { value: number }[] }[]>('GET', f.path(panelId, pn, '/sheets'), second.token);
    expect(visible.status).toBe(200);
    expect(visible.body.map((s) => s.panelistId).sort()).toEqual([chair.id, second.id].sort());

    expect(await f.call('PUT', f.path(panelId, pn, '/sheet'), second.token, f.sheet(5, 5))).toMatchObject({ status: 409, body: { code: 'SHEET_LOCKED' } });
    expect(await f.call('POST', f.path(panelId, pn, '/sheet/submit'), second.token)).toMatchObject({ status: 409, body: { code: 'SHEET_LOCKED' } });
    const stored = await f.sql<{ value: number }>(`SELECT value FROM interview.scores WHERE panelist_id = $1 ORDER BY criterion`, [second.id]);
    expect(stored.map((r) => r.value)).toEqual([2, 2]);
  });

  it('refuses bad sheets and outsiders with a stable code, writing nothing', async () => {
    const { members, panelId, pn } = await scene();
    const [chair] = members;
    const outsider = f.panelist('Luar');
    const cases: [string, { status: number; code: string; field?: string }, string, unknown][] = [
      ['out of scale', { status: 422, code: 'SCORE_OUT_OF_SCALE', field: 'scores.0.value' }, chair.token, f.sheet(6, 3)],
      ['below scale', { status: 422, code: 'SCORE_OUT_OF_SCALE', field: 'scores.1.value' }, chair.token, f.sheet(3, 0)],
      [
        'missing criterion',
        { status: 422, code: 'MISSING_CRITERION', field: 'scores' },
        chair.token,
        { scores: [{ criterion: 'k1', value: 3, justification: 'x' }] },
      ],
      [
        'unknown criterion',
        { status: 422, code: 'UNKNOWN_CRITERION', field: 'scores.2.criterion' },
        chair.token,
        { scores: [...f.sheet(3, 3).scores, { criterion: 'zz', value: 3, justification: 'x' }] },
      ],
      [
        'no justification',
        { status: 400, code: 'VALIDATION_FAILED', field: 'scores.0.justification' },
        chair.token,
        { scores: [{ criterion: 'k1', value: 3, justification: '' }] },
      ],
      [
        'not an integer',
        { status: 400, code: 'VALIDATION_FAILED', field: 'scores.0.value' },
        chair.token,
        { scores: [{ criterion: 'k1', value: 3.5, justification: 'x' }] },
      ],
      ['non-member', { status: 403, code: 'NOT_PANEL_MEMBER' }, outsider.token, f.sheet(3, 3)],
    ];
    for (const [name, expected, token, body] of cases) {
      const reply = await f.call('PUT', f.path(panelId, pn, '/sheet'), token, body);
      expect({ name, status: reply.status, ...(reply.body as object) }).toMatchObject({ name, ...expected });
    }
    expect(await f.call('GET', f.path(panelId, pn), outsider.token)).toMatchObject({ status: 403, body: { code: 'NOT_PANEL_MEMBER' } });
    expect(await f.call('GET', f.path(panelId, 'NO-SUCH'), chair.token)).toMatchObject({ status: 404, body: { code: 'CANDIDATE_NOT_FOUND' } });
    expect(await f.call('POST', f.path(panelId, pn, '/finalize'), chair.token)).toMatchObject({ status: 409, body: { code: 'SCORES_MISSING' } });
    expect(await f.sql(`SELECT 1 FROM interview.score_sheets s JOIN interview.panel_members m USING (panelist_id) WHERE m.panel_id = $1`, [panelId])).toEqual(
      [],
    );
  });

  it('refuses a recused panelist', async () => {
    const ids = await f.period({ minimumPanelSize: 2 });
    const members = [f.panelist('Ketua'), f.panelist('A'), f.panelist('B')];
    const panelId = await f.panel(ids.periodId, members);
    await f.assign(panelId, ids.formationId);
    await f.rubric(ids.formationId);
    const pn = `R-${ids.periodId.slice(0, 8)}`;
    await f.candidate(ids, pn, members[2].kk); // shares a KK with B: recused automatically
    const reply = await f.call('PUT', f.path(panelId, pn, '/sheet'), members[2].token, f.sheet(3, 3));
    expect(reply).toMatchObject({ status: 403, body: { code: 'PANELIST_RECUSED' } });
    expect(await f.call('GET', f.path(panelId, pn), members[2].token)).toMatchObject({ status: 403, body: { code: 'PANELIST_RECUSED' } });
    expect((await f.call<unknown[]>('GET', '/panelist/candidates', members[2].token)).body).toEqual([]);
    expect(await f.call('POST', f.path(panelId, pn, '/conflict'), members[1].token, { reason: 'bekas mahasiswa saya' })).toMatchObject({
      status: 201,
      body: { recused: true, candidateMoved: false, candidateUnplaced: true },
    });
  });

  it('aggregates with weights behind the calibration gate and publishes InterviewCompleted', async () => {
    const { ids, members, panelId, pn, candidate } = await scene();
    const [chair, second, third] = members;
    await f.score(chair, panelId, pn, 5, 4);
    await f.score(second, panelId, pn, 4, 4);
    await f.score(third, panelId, pn, 2, 3); // k1 spread 3 > threshold 2
    expect(await f.call('POST', f.path(panelId, pn, '/finalize'), chair.token)).toMatchObject({ status: 409, body: { code: 'CALIBRATION_REQUIRED' } });
    expect(await f.call('POST', f.path(panelId, pn, '/finalize'), second.token)).toMatchObject({ status: 403, body: { code: 'NOT_PANEL_CHAIR' } });
    expect(await f.call('POST', f.path(panelId, pn, '/calibration'), second.token, { note: 'x' })).toMatchObject({
      status: 403,
      body: { code: 'NOT_PANEL_CHAIR' },
    });

    const note = { note: 'Anggota 2 menilai komunikasi dengan anchor yang salah; dibuka kembali.', reopenPanelistId: third.id };
    expect(await f.call('POST', f.path(panelId, pn, '/calibration'), chair.token, note)).toMatchObject({ status: 201 });
    expect(await f.call('POST', f.path(panelId, pn, '/calibration'), chair.token, note)).toMatchObject({ status: 409, body: { code: 'REOPEN_ALREADY_USED' } });
    expect(await f.call('POST', f.path(panelId, pn, '/finalize'), chair.token)).toMatchObject({ status: 409, body: { code: 'SCORES_MISSING' } });
    await f.score(third, panelId, pn, 3, 3);

    const done = await f.call('POST', f.path(panelId, pn, '/finalize'), chair.token);
    // k1 mean 4 → 60 × 3/4 = 45; k2 mean 11/3 → 40 × (8/3)/4 = 26.667; total 71.667
    expect(done).toMatchObject({ status: 200, body: { outcome: 'SCORED', total: 71.667, rubricVersion: expect.stringMatching(/\.v1$/) } });
    expect(await f.call('POST', f.path(panelId, pn, '/finalize'), chair.token)).toMatchObject({ status: 409, body: { code: 'INTERVIEW_FINALIZED' } });
    expect(await f.call('PUT', f.path(panelId, pn, '/sheet'), third.token, f.sheet(1, 1))).toMatchObject({ status: 409 });

    const event = await waitFor('InterviewCompleted on the topic', async () =>
      (await readEvents(testKafka(), f.svc.topicPrefix, 'interview')).find(
        (e) => e.type.endsWith('InterviewCompleted.v1') && e.subject === candidate.applicationId,
      ),
    );
    const data = event.data as InterviewCompleted;
    expect(() => validatePayload('InterviewCompleted', data)).not.toThrow();
    expect(data).toMatchObject({
      periodId: ids.periodId,
      formationId: ids.formationId,
      participantNumber: pn,
      outcome: 'SCORED',
      total: 71.667,
      criteria: [
        { criterion: 'k1', weight: 60, mean: 4 },
        { criterion: 'k2', weight: 40, mean: 3.6667 },
      ],
    });
    expect(await f.call('POST', `/formations/${ids.formationId}/rubrics`, f.admin, { criteria: [] })).toMatchObject({ status: 400 });
    expect(await f.rubric(ids.formationId)).toMatchObject({ status: 409, body: { code: 'RUBRIC_FROZEN' } });
  });

  it('tells a panelist where the panel stands only once their own sheet is in, names the disputed criteria, and reads the result back', async () => {
    const { members, panelId, pn, candidate } = await scene();
    const [chair, second, third] = members;
    const view = (who: (typeof members)[number]) => f.call<Record<string, unknown>>('GET', f.path(panelId, pn), who.token);
    expect((await view(chair)).body).toMatchObject({ chair: true, panel: null, result: null });
    expect((await view(second)).body).toMatchObject({ chair: false, panel: null });
    await f.score(chair, panelId, pn, 5, 4);
    // Blind: the second member, still scoring, learns nothing of the chair's sheet, not even that it is in.
    expect((await view(second)).body).toMatchObject({ panel: null });
    expect((await view(chair)).body).toMatchObject({ panel: { members: 3, submitted: 1, calibrationRequired: false, disputedCriteria: [] } });
    await f.score(second, panelId, pn, 4, 4);
    await f.score(third, panelId, pn, 2, 3); // k1 spread 3 > threshold 2
    expect((await view(chair)).body).toMatchObject({
      panel: {
        members: 3,
        submitted: 3,
        calibrationThreshold: 2,
        calibrationRequired: true,
        disputedCriteria: ['k1'],
        calibrationNote: null,
        reopenUsed: false,
      },
    });
    await f.call('POST', f.path(panelId, pn, '/calibration'), chair.token, { note: 'Dibahas; nilai tetap.' });
    expect((await view(third)).body).toMatchObject({ panel: { calibrationRequired: true, calibrationNote: 'Dibahas; nilai tetap.' } });
    expect((await f.call('POST', f.path(panelId, pn, '/finalize'), chair.token)).status).toBe(200);
    const closed = await view(second);
    expect(closed.body).toMatchObject({
      status: 'COMPLETED',
      result: { outcome: 'SCORED', total: 66.667, absentReason: null, completedAt: expect.any(String), localCompletedAt: expect.stringMatching(/WITA$/) },
    });
    expect(keysOf(closed.body).filter((k) => IDENTIFYING.includes(k))).toEqual([]);
    const text = JSON.stringify(closed.body);
    for (const secret of [candidate.applicationId, candidate.applicantId, candidate.kkDigest]) expect(text).not.toContain(secret);
  });

  it('finalizes exactly once when the chair sends concurrent requests', async () => {
    const { members, panelId, pn, candidate } = await scene();
    for (const m of members) await f.score(m, panelId, pn, 4, 4);
    const replies = await Promise.all([1, 2, 3].map(() => f.call('POST', f.path(panelId, pn, '/finalize'), members[0].token)));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(replies.find((r) => r.status === 200)?.body).toMatchObject({ total: 75 });
    const outbox = await f.sql(`SELECT 1 FROM interview.outbox WHERE message_key = $1 AND event_type LIKE '%InterviewCompleted%'`, [candidate.applicationId]);
    expect(outbox).toHaveLength(1);
  });

  it('records a no-show as ABSENT', async () => {
    const { members, panelId, pn, candidate } = await scene();
    expect(await f.call('POST', f.path(panelId, pn, '/absent'), members[0].token)).toMatchObject({ status: 200, body: { outcome: 'ABSENT', total: null } });
    const event = await waitFor('absent event', async () =>
      (await readEvents(testKafka(), f.svc.topicPrefix, 'interview')).find(
        (e) => e.subject === candidate.applicationId && e.type.endsWith('InterviewCompleted.v1'),
      ),
    );
    expect(event.data).toMatchObject({ outcome: 'ABSENT', total: null, criteria: [] });
  });

  it('marks a candidate with submitted sheets absent only with a reason, and records the chair and the reason', async () => {
    const { members, panelId, pn, candidate } = await scene();
    await f.score(members[1], panelId, pn, 4, 4);
    const refused = await f.call('POST', f.path(panelId, pn, '/absent'), members[0].token, { reason: '   ' });
    expect(refused).toMatchObject({ status: 422, body: { code: 'ABSENT_REASON_REQUIRED', field: 'reason' } });
    expect(await f.sql(`SELECT status FROM interview.candidates WHERE application_id = $1`, [candidate.applicationId])).toEqual([{ status: 'ASSIGNED' }]);
    const reason = 'Peserta meninggalkan ruangan sebelum wawancara selesai';
    expect(await f.call('POST', f.path(panelId, pn, '/absent'), members[0].token, { reason })).toMatchObject({ status: 200, body: { outcome: 'ABSENT' } });
    expect(await f.sql(`SELECT status, completed_by, absent_reason FROM interview.candidates WHERE application_id = $1`, [candidate.applicationId])).toEqual([
      { status: 'ABSENT', completed_by: members[0].id, absent_reason: reason },
    ]);
  });

  it('reports rater leniency, severity and disagreement on a known data set', async () => {
    // The data set of rater-statistics.spec.ts: A scored by P1/P2/P3, B by P1/P2 (P3 declares a conflict).
    const ids = await f.period({ minimumPanelSize: 2, calibrationThreshold: 2 });
    const [p1, p2, p3] = [f.panelist('P1'), f.panelist('P2'), f.panelist('P3')];
    const panelId = await f.panel(ids.periodId, [p1, p2, p3]);
    await f.assign(panelId, ids.formationId);
    await f.rubric(ids.formationId);
    const [a, b] = [`A-${ids.periodId.slice(0, 8)}`, `B-${ids.periodId.slice(0, 8)}`];
    await f.candidate(ids, a);
    await f.candidate(ids, b);
    expect(await f.call('POST', f.path(panelId, b, '/conflict'), p3.token, { reason: 'tetangga' })).toMatchObject({
      status: 201,
      body: { candidateMoved: false },
    });
    await f.score(p1, panelId, a, 5, 4);
    await f.score(p2, panelId, a, 3, 4);
    await f.score(p3, panelId, a, 1, 4);
    await f.score(p1, panelId, b, 5, 3);
    await f.score(p2, panelId, b, 3, 2);
    await f.call('POST', f.path(panelId, a, '/calibration'), p1.token, { note: 'dibahas, nilai tetap' });
    expect((await f.call('POST', f.path(panelId, a, '/finalize'), p1.token)).status).toBe(200);
    expect((await f.call('POST', f.path(panelId, b, '/finalize'), p1.token)).status).toBe(200);

    const stats = await f.call<{ panelistId: string }[]>('GET', `/admin/rater-statistics?periodId=${ids.periodId}`, f.admin);
    expect(stats.status).toBe(200);
    const byId = Object.fromEntries(stats.body.map((s) => [s.panelistId, s]));
    expect(byId[p1.id]).toEqual({ panelistId: p1.id, displayName: 'P1', scored: 2, meanDeviation: 0.875, disagreementRate: 0.25, spread: 0.8292 });
    expect(byId[p2.id]).toEqual({ panelistId: p2.id, displayName: 'P2', scored: 2, meanDeviation: -0.375, disagreementRate: 0.25, spread: 0.7071 });
    expect(byId[p3.id]).toEqual({ panelistId: p3.id, displayName: 'P3', scored: 1, meanDeviation: -1, disagreementRate: 0.5, spread: 1.5 });
    expect(await f.call('GET', `/admin/rater-statistics?periodId=${ids.periodId}`, p1.token)).toMatchObject({ status: 403 });
  });
});
