import { EVENTS, EventName, validatePayload } from '@seleksi/contracts';
import { clientAs, readEvents, serviceRoleName, testKafka, testKeys, waitFor } from '@seleksi/testing';
import { randomUUID } from 'node:crypto';
import { AppealsController } from '../src/appeals/appeals.controller';
import { AuditController } from '../src/audit/audit.controller';
import { PeriodsController } from '../src/periods/periods.controller';
import { applicantToken, Harness, startScreening } from './screening-harness';

let h: Harness;

beforeAll(async () => {
  h = await startScreening();
}, 90_000);

afterAll(async () => {
  await h?.svc.close();
});

const caseRow = async (id: string) =>
  (
    await h.sql<{
      status: string;
      result: string | null;
      assigned_to: string | null;
      recommendation: string | null;
      checks: { ruleId: string; passed: boolean }[];
    }>(`SELECT status, result, assigned_to, recommendation, checks FROM screening.cases WHERE application_id = $1`, [id])
  )[0];
const auditCount = async (applicationId: string, action: string) =>
  (await h.sql<{ n: number }>(`SELECT count(*)::int AS n FROM screening.audit_log WHERE application_id = $1 AND action = $2`, [applicationId, action]))[0].n;

describe(PeriodsController.name, () => {
  it('refuses to announce while registration is open', async () => {
    const periodId = await h.openPeriod({ registrationClosesAt: new Date(Date.now() + 86_400_000).toISOString() });
    const res = await h.call('POST', `/periods/${periodId}/announcement`, h.admin);
    expect([res.status, res.body.code]).toEqual([409, 'REGISTRATION_STILL_OPEN']);
    expect(res.body.message).toMatch(/\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} WIB$/);
  });

  it('refuses to announce while cases are undecided, then announces with the period windows', async () => {
    const periodId = await h.openPeriod({ appealFilingDays: 2, appealAnsweringDays: 5 });
    const v = await h.registerVerifier(periodId);
    const s = await h.submit(periodId);
    await h.waitForCases([s.applicationId]);
    await h.closePeriod(periodId, [s]);
    const early = await h.call('POST', `/periods/${periodId}/announcement`, h.admin);
    expect([early.status, early.body.code, early.body.undecided]).toEqual([409, 'UNDECIDED_CASES_REMAIN', 1]);
    await h.call('POST', `/cases/${s.applicationId}/decision`, v.token, { result: 'MS' });
    const before = await h.call('GET', `/periods/${periodId}/announcement`, h.admin);
    expect([before.status, before.body.announcement, before.body.finalizedAt]).toEqual([200, null, null]);
    const res = await h.call('POST', `/periods/${periodId}/announcement`, h.admin);
    expect(res.status).toBe(200);
    // A page that comes back reads the same announcement.
    const after = await h.call('GET', `/periods/${periodId}/announcement`, h.admin);
    expect(after.body).toEqual({ periodId, announcement: res.body, finalizedAt: null, finalizedAtLocal: null });
    expect((await h.call('GET', `/periods/${randomUUID()}/announcement`, h.admin)).status).toBe(404);
    const at = Date.parse(res.body.announcedAt as string);
    expect(Date.parse(res.body.appealFilingClosesAt as string) - at).toBe(2 * 86_400_000);
    expect(Date.parse(res.body.appealAnsweringClosesAt as string) - at).toBe(7 * 86_400_000);
    expect(res.body.appealFilingClosesAtLocal).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} WIB$/);
    expect([res.body.eligible, res.body.ineligible]).toEqual([1, 0]);
    expect((await h.call('POST', `/periods/${periodId}/announcement`, h.admin)).body.code).toBe('RESULTS_ALREADY_ANNOUNCED');
    const late = await h.call('POST', `/cases/${s.applicationId}/decision`, v.token, { result: 'MS' });
    expect([late.status, late.body.code]).toEqual([409, 'RESULTS_ANNOUNCED']);
    expect((await h.call('POST', `/periods/${randomUUID()}/announcement`, h.admin)).status).toBe(404);
  });

  it("refuses to announce before registration's hand-over and while a counted submission is missing, names where, then announces", async () => {
    const periodId = await h.openPeriod();
    const v = await h.registerVerifier(periodId);
    const held = await h.submit(periodId);
    await h.waitForCases([held.applicationId]);
    await h.call('POST', `/cases/${held.applicationId}/decision`, v.token, { result: 'MS' });
    const before = await h.call('POST', `/periods/${periodId}/announcement`, h.admin);
    expect([before.status, before.body.code]).toEqual([409, 'HANDOVER_NOT_RECEIVED']);

    // Registration counted two in the formation; the second is still on its way.
    const lateId = randomUUID();
    await h.closePeriod(periodId, [held], { extra: [lateId] });
    const refused = await h.call('POST', `/periods/${periodId}/announcement`, h.admin);
    expect([refused.status, refused.body.code]).toEqual([409, 'HANDOVER_INCOMPLETE']);
    expect(refused.body).toMatchObject({
      expected: 2,
      received: 1,
      missing: 1,
      byFormation: [{ formationId: held.formationId, expected: 2, received: 1, missing: 1, digestMatches: false }],
    });
    const stuck = await h.call('GET', `/periods/${periodId}/reconciliation`, h.admin);
    expect(stuck.status).toBe(200);
    expect(stuck.body).toMatchObject({
      stage: 'screening',
      handover: { received: true, expected: 2, missing: 1, complete: false },
      formations: [{ formationId: held.formationId, expected: 2, received: 1, decided: 1, pending: 0, handedOn: 0 }],
      stuck: [{ applicationId: null, formationId: held.formationId, reason: 'AWAITING_SUBMISSIONS', waitingOn: 'registration', count: 1 }],
    });

    // It arrives, undecided: the barrier passes and the usual rule speaks; decided, the results are announced.
    const late = await h.submit(periodId, { applicationId: lateId, formationId: held.formationId });
    await h.waitForCases([late.applicationId]);
    const reconciled = await h.call('GET', `/periods/${periodId}/reconciliation`, h.admin);
    expect(reconciled.body).toMatchObject({ handover: { missing: 0, complete: true, differences: [] } });
    expect((reconciled.body as unknown as { stuck: { applicationId: string; reason: string }[] }).stuck).toEqual([
      expect.objectContaining({ applicationId: lateId, reason: expect.stringMatching(/^AWAITING_(VERIFIER|ASSIGNMENT)$/) }),
    ]);
    const undecided = await h.call('POST', `/periods/${periodId}/announcement`, h.admin);
    expect([undecided.status, undecided.body.code]).toEqual([409, 'UNDECIDED_CASES_REMAIN']);
    await h.call('POST', `/cases/${lateId}/decision`, v.token, { result: 'MS' });
    const announced = await h.call('POST', `/periods/${periodId}/announcement`, h.admin);
    expect([announced.status, announced.body.eligible]).toEqual([200, 2]);
  });
});

describe(AppealsController.name, () => {
  it('runs the whole appeal workflow: filing rules, four-eyes review, both outcomes, deadlines, finalization', async () => {
    const periodId = await h.openPeriod({ timeZone: 'WITA' });
    const decider = await h.registerVerifier(periodId);
    const msApp = await h.submit(periodId);
    const upheld = await h.submit(periodId, { gpa: 2.5 });
    const rejected = await h.submit(periodId, { photo: false });
    const lateApp = await h.submit(periodId, { photo: false });
    const all = [msApp, upheld, rejected, lateApp];
    await h.waitForCases(all.map((s) => s.applicationId));
    const reviewer = await h.registerVerifier(periodId);

    // Not announced yet: nothing to appeal or finalize.
    expect((await h.call('POST', `/applications/${upheld.applicationId}/appeal`, applicantToken(upheld), { text: 'IPK saya 3,50' })).body.code).toBe(
      'RESULTS_NOT_ANNOUNCED',
    );
    expect((await h.call('POST', `/periods/${periodId}/finalization`, h.admin)).body.code).toBe('RESULTS_NOT_ANNOUNCED');

    await h.call('POST', `/cases/${msApp.applicationId}/decision`, decider.token, { result: 'MS' });
    const tms = await h.call('POST', '/cases/decisions', decider.token, {
      applicationIds: [upheld.applicationId, rejected.applicationId, lateApp.applicationId],
      result: 'TMS',
      reasonCodes: ['DOCUMENT_MISSING'],
    });
    expect(tms.status).toBe(200);
    await h.closePeriod(periodId, all);
    expect((await h.call('POST', `/periods/${periodId}/announcement`, h.admin)).status).toBe(200);

    // Bad appeals, each with nothing written.
    const byMs = await h.call('POST', `/applications/${msApp.applicationId}/appeal`, applicantToken(msApp), { text: 'x' });
    expect([byMs.status, byMs.body.code]).toEqual([409, 'APPEAL_NOT_ALLOWED']);
    const byStranger = await h.call('POST', `/applications/${upheld.applicationId}/appeal`, applicantToken(msApp), { text: 'x' });
    expect(byStranger.status).toBe(404);
    const asVerifier = await h.call('POST', `/applications/${upheld.applicationId}/appeal`, decider.token, { text: 'x' });
    expect(asVerifier.status).toBe(403);
    const empty = await h.call('POST', `/applications/${upheld.applicationId}/appeal`, applicantToken(upheld), { text: '' });
    expect([empty.status, empty.body.field]).toEqual([400, 'text']);

    const filed = await h.call('POST', `/applications/${upheld.applicationId}/appeal`, applicantToken(upheld), {
      text: 'IPK saya 3,50; transkrip terlampir sebelumnya',
    });
    expect(filed.status).toBe(201);
    expect(filed.body.answerDueAtLocal).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} WITA$/);
    const second = await h.call('POST', `/applications/${upheld.applicationId}/appeal`, applicantToken(upheld), { text: 'lagi' });
    expect([second.status, second.body.code]).toEqual([409, 'APPEAL_ALREADY_FILED']);
    const filed2 = await h.call('POST', `/applications/${rejected.applicationId}/appeal`, applicantToken(rejected), { text: 'pas foto sudah diunggah' });
    expect(filed2.status).toBe(201);
    expect((await h.call('GET', `/applications/${rejected.applicationId}/appeal`, applicantToken(rejected))).body.status).toBe('OPEN');
    expect((await h.call('GET', `/applications/${rejected.applicationId}/appeal`, applicantToken(upheld))).status).toBe(404);

    // The reviewer is never the decider.
    const reviewers = await h.sql<{ reviewer_id: string }>(`SELECT reviewer_id FROM screening.appeals WHERE period_id = $1`, [periodId]);
    expect(reviewers.map((r) => r.reviewer_id)).toEqual([reviewer.id, reviewer.id]);

    // Filing closes after appealFilingDays (3); a late appeal names the window in WITA.
    expect((await h.call('POST', `/periods/${periodId}/finalization`, h.admin)).body.code).toBe('APPEAL_FILING_OPEN');
    h.clock.advanceDays(3.1);
    const late = await h.call('POST', `/applications/${lateApp.applicationId}/appeal`, applicantToken(lateApp), { text: 'terlambat' });
    expect([late.status, late.body.code]).toEqual([409, 'APPEAL_WINDOW_CLOSED']);
    expect(late.body.message).toMatch(/WITA/);
    expect((late.body.window as { timeZone: string }).timeZone).toBe('WITA');
    expect((await h.sql(`SELECT 1 FROM screening.appeals WHERE application_id = $1`, [lateApp.applicationId])).length).toBe(0);

    // Open appeals block finalization.
    const blocked = await h.call('POST', `/periods/${periodId}/finalization`, h.admin);
    expect([blocked.status, blocked.body.code, blocked.body.openAppeals]).toEqual([409, 'APPEALS_OPEN', 2]);

    // Only the assigned reviewer answers.
    const appealId = filed.body.appealId as string;
    expect((await h.call('POST', `/appeals/${appealId}/resolution`, decider.token, { resolution: 'UPHELD', reason: 'x' })).status).toBe(404);
    expect((await h.call('GET', '/appeals/assigned', reviewer.token)).body).toHaveLength(2);
    const up = await h.call('POST', `/appeals/${appealId}/resolution`, reviewer.token, { resolution: 'UPHELD', reason: 'IPK pada transkrip 3,50; salah baca' });
    expect([up.status, up.body.status]).toEqual([200, 'UPHELD']);
    expect((await caseRow(upheld.applicationId)).result).toBe('MS');
    expect((await h.call('POST', `/appeals/${appealId}/resolution`, reviewer.token, { resolution: 'REJECTED', reason: 'x' })).body.code).toBe(
      'APPEAL_ALREADY_RESOLVED',
    );

    // Past the answering deadline the other appeal is listed as overdue.
    h.clock.advanceDays(7.1);
    const overdue = await h.call('GET', `/appeals/overdue?periodId=${periodId}`, h.admin);
    expect((overdue.body as unknown as { applicationId: string }[]).map((a) => a.applicationId)).toEqual([rejected.applicationId]);
    const rej = await h.call('POST', `/appeals/${filed2.body.appealId as string}/resolution`, reviewer.token, {
      resolution: 'REJECTED',
      reason: 'pas foto tidak ada',
    });
    expect(rej.status).toBe(200);
    expect((await caseRow(rejected.applicationId)).result).toBe('TMS');
    expect((await h.call('GET', `/appeals/overdue?periodId=${periodId}`, h.admin)).body).toEqual([]);

    // Finalization: one event per application, then nothing can change.
    const fin = await h.call('POST', `/periods/${periodId}/finalization`, h.admin);
    expect(fin.status).toBe(200);
    expect([fin.body.finalized, fin.body.eligible, fin.body.ineligible]).toEqual([4, 2, 2]);
    expect((await h.call('POST', `/periods/${periodId}/finalization`, h.admin)).body.code).toBe('ALREADY_FINALIZED');
    const state = await h.call('GET', `/periods/${periodId}/announcement`, h.admin);
    expect(state.body.finalizedAt).toBe(fin.body.finalizedAt);
    expect(state.body.finalizedAtLocal).toMatch(/\d{4}, \d{2}:\d{2} WITA$/);
    const again = await h.call('POST', `/cases/${msApp.applicationId}/decision`, decider.token, { result: 'TMS', reasonCodes: ['OTHER'], note: 'x' });
    expect([again.status, again.body.code]).toEqual([409, 'CASE_FINALIZED']);

    const events = await waitFor('finalized events on the topic', async () => {
      const got = await readEvents(testKafka(), h.svc.topicPrefix, 'screening');
      const mine = got.filter((e) => (e.data as { periodId?: string }).periodId === periodId);
      return mine.filter((e) => e.type.includes('ScreeningFinalized')).length === 4 ? mine : undefined;
    });
    for (const e of events) {
      const name = Object.keys(EVENTS).find((n) => e.type.includes(`.${n}.`)) as EventName;
      expect(() => validatePayload(name, e.data as never)).not.toThrow();
    }
    const types = events.map((e) => e.type.split('.')[3]);
    expect(types.filter((t) => t === 'ScreeningDecided')).toHaveLength(4);
    expect(types.filter((t) => t === 'AdministrativeResultsAnnounced')).toHaveLength(1);
    expect(types.filter((t) => t === 'AppealFiled')).toHaveLength(2);
    expect(types.filter((t) => t === 'AppealResolved')).toHaveLength(2);
    const finals = events.filter((e) => e.type.includes('ScreeningFinalized')).map((e) => e.data as Record<string, unknown>);
    const ofUpheld = finals.find((f) => f.applicationId === upheld.applicationId)!;
    expect(ofUpheld).toMatchObject({
      result: 'MS',
      reasons: [],
      applicantId: upheld.applicant.applicantId,
      registrationNumber: upheld.registrationNumber,
      photoDocumentId: upheld.documents.find((d) => d.type === 'pas-foto')!.documentId,
      gpa: 2.5,
      kkDigest: upheld.applicant.kkDigest,
    });
    const ofRejected = finals.find((f) => f.applicationId === rejected.applicationId)!;
    expect(ofRejected).toMatchObject({ result: 'TMS', photoDocumentId: null, reasons: [{ code: 'DOCUMENT_MISSING' }] });
  });
});

describe('appeal reviewer assignment', () => {
  it('leaves an appeal without a reviewer when only the decider exists, until an admin assigns another', async () => {
    const periodId = await h.openPeriod();
    const decider = await h.registerVerifier(periodId);
    const s = await h.submit(periodId, { gpa: 2 });
    await h.waitForCases([s.applicationId]);
    await h.call('POST', `/cases/${s.applicationId}/decision`, decider.token, { result: 'TMS', reasonCodes: ['GPA_BELOW_MINIMUM'] });
    await h.closePeriod(periodId, [s]);
    expect((await h.call('POST', `/periods/${periodId}/announcement`, h.admin)).status).toBe(200);
    const filed = await h.call('POST', `/applications/${s.applicationId}/appeal`, applicantToken(s), { text: 'IPK dihitung ulang' });
    expect(filed.status).toBe(201);
    const appealId = filed.body.appealId as string;
    expect(
      (await h.sql<{ reviewer_id: string | null }>(`SELECT reviewer_id FROM screening.appeals WHERE appeal_id = $1`, [appealId]))[0].reviewer_id,
    ).toBeNull();
    const toDecider = await h.call('PUT', `/appeals/${appealId}/reviewer`, h.admin, { verifierId: decider.id });
    expect([toDecider.status, toDecider.body.code]).toEqual([409, 'REVIEWER_IS_DECIDER']);
    const family = await h.registerVerifier(periodId);
    await h.sql(`UPDATE screening.verifiers SET kk_digest = $1 WHERE account_id = $2`, [s.applicant.kkDigest, family.id]);
    expect((await h.call('PUT', `/appeals/${appealId}/reviewer`, h.admin, { verifierId: family.id })).body.code).toBe('VERIFIER_SAME_FAMILY');
    const reviewer = await h.registerVerifier(periodId);
    const ok = await h.call('PUT', `/appeals/${appealId}/reviewer`, h.admin, { verifierId: reviewer.id });
    expect([ok.status, ok.body.reviewerId]).toEqual([200, reviewer.id]);
    expect(await auditCount(s.applicationId, 'APPEAL_REVIEWER_ASSIGNED')).toBe(1);
    expect((await h.call('POST', `/appeals/${appealId}/resolution`, reviewer.token, { resolution: 'REJECTED', reason: 'IPK tetap 2,00' })).status).toBe(200);
  });
});

describe('OpenAPI document', () => {
  it('describes every screening route', async () => {
    const doc = (await (await fetch(`${h.svc.url}/docs/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/reasons',
        '/periods/{periodId}/verifiers',
        '/periods/{periodId}/distribution',
        '/cases/{applicationId}/assignment',
        '/cases/queue',
        '/cases/decisions',
        '/cases/{applicationId}',
        '/cases/{applicationId}/decision',
        '/periods/{periodId}/announcement',
        '/periods/{periodId}/finalization',
        '/applications/{applicationId}/appeal',
        '/appeals/assigned',
        '/appeals/overdue',
        '/appeals/{appealId}/resolution',
        '/appeals/{appealId}/reviewer',
        '/audit',
      ]),
    );
  });
});

describe(AuditController.name, () => {
  it('lists the audit log to admins and the database refuses edits', async () => {
    const page = await h.call('GET', '/audit?limit=5', h.admin);
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(5);
    const next = await h.call('GET', `/audit?limit=5&cursor=${page.body.nextCursor as string}`, h.admin);
    expect((next.body.items as { id: string }[])[0].id).not.toBe((page.body.items as { id: string }[])[0].id);
    expect((await h.call('GET', '/audit', testKeys().mint(randomUUID(), ['verifier']))).status).toBe(403);
    const asService = await clientAs(serviceRoleName('screening'));
    try {
      await expect(asService.query(`UPDATE screening.audit_log SET action = 'X'`)).rejects.toThrow(/append-only/);
      await expect(asService.query(`DELETE FROM screening.audit_log`)).rejects.toThrow(/append-only/);
      await expect(asService.query(`TRUNCATE screening.audit_log`)).rejects.toThrow(/append-only/);
    } finally {
      await asService.end();
    }
  });
  it('searches the audit log by action and time range, and refuses a range that ends before it starts', async () => {
    const all = (await h.call('GET', '/audit?limit=1000', h.admin)).body.items as { id: string; action: string; at: string }[];
    const decided = (await h.call('GET', '/audit?limit=1000&action=CASE_DECIDED', h.admin)).body.items as { action: string }[];
    expect(decided.length).toBe(all.filter((e) => e.action === 'CASE_DECIDED').length);
    expect(decided.length).toBeGreaterThan(0);
    const first = all[0].at;
    const after = (await h.call('GET', `/audit?limit=1000&from=${encodeURIComponent(first)}`, h.admin)).body.items as { at: string }[];
    expect(after.length).toBe(all.filter((e) => e.at >= first).length);
    const before = (await h.call('GET', `/audit?limit=1000&to=${encodeURIComponent(first)}`, h.admin)).body.items as unknown[];
    expect(before.length).toBe(all.filter((e) => e.at < first).length);
    const backwards = await h.call('GET', `/audit?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z`, h.admin);
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatchObject({ code: 'INVALID_TIME_RANGE', field: 'from' });
    expect((await h.call('GET', '/audit?action=NOT_AN_ACTION', h.admin)).status).toBe(400);
  });
});
