import { verifyDocumentGrant } from '@seleksi/auth';
import { newIds, newPayload, publishEvent, TEST_DOCUMENT_GRANT_KEY, testKafka, waitFor } from '@seleksi/testing';
import { randomUUID } from 'node:crypto';
import { CasesController } from '../src/cases/cases.controller';
import { IntakeHandler } from '../src/intake/intake.handler';
import { VerifiersController } from '../src/verifiers/verifiers.controller';
import { Harness, randomKk, startScreening } from './screening-harness';

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
const outboxCount = async (type: string, subject: string) =>
  (await h.sql<{ n: number }>(`SELECT count(*)::int AS n FROM screening.outbox WHERE event_type LIKE $1 AND message_key = $2`, [`%.${type}.%`, subject]))[0].n;
const auditCount = async (applicationId: string, action: string) =>
  (await h.sql<{ n: number }>(`SELECT count(*)::int AS n FROM screening.audit_log WHERE application_id = $1 AND action = $2`, [applicationId, action]))[0].n;

describe(IntakeHandler.name, () => {
  it('opens exactly one case per application, with its checks and a recommendation', async () => {
    const periodId = await h.openPeriod();
    const ok = await h.submit(periodId);
    const old = await h.submit(periodId, { dateOfBirth: '1991-11-29' }); // one day over 35 on 2026-11-30
    await publishEvent(testKafka(), h.svc.topicPrefix, 'ApplicationSubmitted', ok); // redelivered under a new event id
    await h.waitForCases([ok.applicationId, old.applicationId]);
    await new Promise((r) => setTimeout(r, 500));
    expect((await h.sql(`SELECT 1 FROM screening.cases WHERE application_id = $1`, [ok.applicationId])).length).toBe(1);
    const good = await caseRow(ok.applicationId);
    expect(good.recommendation).toBe('MS');
    expect(good.status).toBe('PENDING');
    const over = await caseRow(old.applicationId);
    expect(over.recommendation).toBe('TMS');
    expect(over.checks.find((c) => c.ruleId === 'AGE_MAXIMUM')?.passed).toBe(false);
  });

  it('runs the age checks once the period arrives after its applications', async () => {
    const ids = { periodId: randomUUID(), formationId: randomUUID(), applicationId: randomUUID(), ruleVersion: 'v-late' };
    const early = await h.submit(ids.periodId);
    await h.waitForCases([early.applicationId]);
    expect((await caseRow(early.applicationId)).recommendation).toBeNull();
    await publishEvent(testKafka(), h.svc.topicPrefix, 'PeriodOpened', newPayload('PeriodOpened', ids));
    await waitFor('rechecked case', async () => (await caseRow(early.applicationId)).recommendation === 'MS');
  });
});

describe(VerifiersController.name, () => {
  it('stores only the digest of a verifier KK number and refuses a second registration', async () => {
    const periodId = await h.openPeriod();
    const v = await h.registerVerifier(periodId, '3273010101010001');
    const rows = await h.sql<{ kk_digest: string }>(`SELECT kk_digest FROM screening.verifiers WHERE account_id = $1`, [v.id]);
    expect(rows[0].kk_digest).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain('3273010101010001');
    const again = await h.call('POST', `/periods/${periodId}/verifiers`, h.admin, { accountId: v.id, name: 'x', kkNumber: '3273010101010001' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('VERIFIER_ALREADY_REGISTERED');
    const bad = await h.call('POST', `/periods/${periodId}/verifiers`, h.admin, { accountId: randomUUID(), name: 'x', kkNumber: '12' });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('kkNumber');
  });

  it('assigns cases on opening, balanced, never to a verifier of the same family', async () => {
    const periodId = await h.openPeriod();
    const a = await h.registerVerifier(periodId);
    const b = await h.registerVerifier(periodId);
    const family = await Promise.all([1, 2, 3].map(() => h.submit(periodId, { kkNumber: a.kkNumber })));
    await h.waitForCases(family.map((s) => s.applicationId));
    for (const s of family) expect((await caseRow(s.applicationId)).assigned_to).toBe(b.id);
    const others = await Promise.all([1, 2, 3].map(() => h.submit(periodId)));
    await h.waitForCases(others.map((s) => s.applicationId));
    const loads = await h.sql<{ account_id: string; open_cases: number }>(`SELECT account_id, open_cases FROM screening.verifiers WHERE period_id = $1`, [
      periodId,
    ]);
    expect(loads.reduce((n, l) => n + l.open_cases, 0)).toBe(6);
    const assignedToA = (await Promise.all(others.map((s) => caseRow(s.applicationId)))).filter((c) => c.assigned_to === a.id).length;
    // Concurrent intakes skip a verifier row another one holds, so balance is near, not exact.
    expect(assignedToA).toBeGreaterThanOrEqual(2);
  });

  it('distributes unassigned cases evenly and audits a reassignment', async () => {
    const periodId = await h.openPeriod();
    const kk = randomKk();
    const subs = await Promise.all(Array.from({ length: 7 }, (_, i) => h.submit(periodId, i < 2 ? { kkNumber: kk } : {})));
    await h.waitForCases(subs.map((s) => s.applicationId));
    const v1 = await h.registerVerifier(periodId, kk);
    const v2 = await h.registerVerifier(periodId);
    const v3 = await h.registerVerifier(periodId);
    const res = await h.call('POST', `/periods/${periodId}/distribution`, h.admin);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ assigned: 7, unassignable: [] });
    const counts = await h.sql<{ assigned_to: string; n: number }>(
      `SELECT assigned_to, count(*)::int AS n FROM screening.cases WHERE period_id = $1 GROUP BY assigned_to`,
      [periodId],
    );
    const ns = counts.map((c) => c.n);
    expect(Math.max(...ns) - Math.min(...ns)).toBeLessThanOrEqual(1);
    for (const s of subs.slice(0, 2)) expect((await caseRow(s.applicationId)).assigned_to).not.toBe(v1.id);

    const target = subs[0].applicationId;
    const toSameFamily = await h.call('PUT', `/cases/${target}/assignment`, h.admin, { verifierId: v1.id });
    expect(toSameFamily.status).toBe(409);
    expect(toSameFamily.body.code).toBe('VERIFIER_SAME_FAMILY');
    const newOwner = (await caseRow(target)).assigned_to === v2.id ? v3.id : v2.id;
    const moved = await h.call('PUT', `/cases/${target}/assignment`, h.admin, { verifierId: newOwner, reason: 'cuti' });
    expect(moved.status).toBe(200);
    expect((await caseRow(target)).assigned_to).toBe(newOwner);
    expect(await auditCount(target, 'CASE_REASSIGNED')).toBe(1);
  });
});

describe(CasesController.name, () => {
  let periodId: string;
  let v: { id: string; token: string };
  let other: { id: string; token: string };
  let ids: string[];

  beforeAll(async () => {
    periodId = await h.openPeriod();
    v = await h.registerVerifier(periodId);
    const subs = [];
    for (let i = 0; i < 5; i++) subs.push(await h.submit(periodId));
    ids = subs.map((s) => s.applicationId);
    await h.waitForCases(ids);
    other = await h.registerVerifier(periodId);
  });

  it('pages through the verifier queue by cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      pages += 1;
      if (pages > 5) throw new Error('the cursor does not advance');
      const page: { status: number; body: { items: { applicationId: string }[]; nextCursor: string | null } } = (await h.call(
        'GET',
        `/cases/queue?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        v.token,
      )) as never;
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((i) => i.applicationId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...ids].sort());
    expect((await h.call('GET', '/cases/queue?cursor=garbage', v.token)).body.code).toBe('INVALID_CURSOR');
    expect((await h.call('GET', '/cases/queue', other.token)).body.items).toEqual([]);
  });

  it('shows the assigned verifier the case with checks and audits the view; others get 404', async () => {
    const res = await h.call('GET', `/cases/${ids[0]}`, v.token);
    expect(res.status).toBe(200);
    expect((res.body.checks as unknown[]).length).toBeGreaterThan(5);
    const documents = (res.body.submission as { documents: { documentId: string }[] }).documents;
    expect(documents).toHaveLength(3);
    // One grant per document, issued to this verifier for this case: registration serves the bytes on it.
    const grants = res.body.documentGrants as unknown as { documentId: string; grant: string }[];
    expect(grants.map((g) => g.documentId)).toEqual(documents.map((d) => d.documentId));
    expect(verifyDocumentGrant(TEST_DOCUMENT_GRANT_KEY, grants[0].grant, new Date())).toEqual(
      expect.objectContaining({ documentId: documents[0].documentId, applicationId: ids[0], staffId: v.id }),
    );
    expect(await auditCount(ids[0], 'CASE_VIEWED')).toBe(1);
    // The submission is typed and mapped: the KK digest stays in screening.
    const submission = res.body.submission as unknown as {
      applicant: Record<string, unknown>;
      education: { gpa: number };
      requirements: { minimumGpa: number };
    };
    expect(Object.keys(submission.applicant).sort()).toEqual(['dateOfBirth', 'email', 'fullName', 'gender', 'phone', 'placeOfBirth']);
    expect(submission.education.gpa).toBe(3.41);
    expect(submission.requirements.minimumGpa).toBe(3);
    expect((await h.call('GET', `/cases/${ids[0]}`, other.token)).status).toBe(404);
    expect((await h.call('GET', `/cases/${randomUUID()}`, h.admin)).body.code).toBe('CASE_NOT_FOUND');
    expect((await h.call('GET', '/reasons', v.token)).body).toContainEqual({ code: 'GPA_BELOW_MINIMUM', label: 'IPK di bawah batas minimal' });
  });

  it('refuses a TMS without a reason, an unknown reason, a foreign or unknown case, and writes nothing', async () => {
    const target = ids[1];
    const noReason = await h.call('POST', `/cases/${target}/decision`, v.token, { result: 'TMS' });
    expect([noReason.status, noReason.body.code, noReason.body.field]).toEqual([422, 'TMS_REASON_REQUIRED', 'reasonCodes']);
    const unknown = await h.call('POST', `/cases/${target}/decision`, v.token, { result: 'TMS', reasonCodes: ['NOPE'] });
    expect(unknown.body.code).toBe('UNKNOWN_REASON_CODE');
    const foreign = await h.call('POST', `/cases/${target}/decision`, other.token, { result: 'MS' });
    expect([foreign.status, foreign.body.code]).toEqual([403, 'CASE_NOT_ASSIGNED_TO_YOU']);
    const missing = await h.call('POST', `/cases/${randomUUID()}/decision`, v.token, { result: 'MS' });
    expect([missing.status, missing.body.code]).toEqual([404, 'CASE_NOT_FOUND']);
    const badResult = await h.call('POST', `/cases/${target}/decision`, v.token, { result: 'MAYBE' });
    expect([badResult.status, badResult.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await caseRow(target)).status).toBe('PENDING');
    expect(await outboxCount('ScreeningDecided', target)).toBe(0);
    expect(await auditCount(target, 'CASE_DECIDED')).toBe(0);
  });

  it('records a decision with its reasons, the event and the audit entry', async () => {
    const res = await h.call('POST', `/cases/${ids[1]}/decision`, v.token, { result: 'TMS', reasonCodes: ['SCAN_UNREADABLE'], note: 'ijazah buram' });
    expect(res.status).toBe(200);
    expect(res.body.reasons).toEqual([{ code: 'SCAN_UNREADABLE', label: 'Hasil pindai dokumen tidak terbaca', note: 'ijazah buram' }]);
    expect(await caseRow(ids[1])).toMatchObject({ status: 'DECIDED', result: 'TMS' });
    expect(await outboxCount('ScreeningDecided', ids[1])).toBe(1);
    expect(await auditCount(ids[1], 'CASE_DECIDED')).toBe(1);
  });

  it('decides many cases at once, all or nothing', async () => {
    const rest = [ids[0], ids[2], ids[3], ids[4]];
    const withForeign = await h.call('POST', '/cases/decisions', v.token, { applicationIds: [...rest, randomUUID()], result: 'MS' });
    expect(withForeign.status).toBe(404);
    expect((await caseRow(rest[0])).status).toBe('PENDING');
    const res = await h.call('POST', '/cases/decisions', v.token, { applicationIds: rest, result: 'MS' });
    expect(res.status).toBe(200);
    for (const id of rest) expect((await caseRow(id)).result).toBe('MS');
    const [load] = await h.sql<{ open_cases: number }>(`SELECT open_cases FROM screening.verifiers WHERE account_id = $1`, [v.id]);
    expect(load.open_cases).toBe(0);
  });
});

describe(`${CasesController.name}: the queue's filters and count`, () => {
  type Page = { items: { applicationId: string; formationId: string; recommendation: string | null }[]; nextCursor: string | null; remaining: number };
  let v: { id: string; token: string };
  let a: string;
  let b: string;
  let cases: { a1: string; a2: string; a3: string; b1: string };

  beforeAll(async () => {
    const periodId = await h.openPeriod();
    v = await h.registerVerifier(periodId);
    a = randomUUID();
    b = randomUUID();
    await publishEvent(testKafka(), h.svc.topicPrefix, 'FormationPublished', newPayload('FormationPublished', newIds({ periodId, formationId: a })));
    await waitFor('formation row', async () => (await h.sql(`SELECT 1 FROM screening.formations WHERE formation_id = $1`, [a])).length === 1);
    const a1 = await h.submit(periodId, { formationId: a });
    const a2 = await h.submit(periodId, { formationId: a, gpa: 2.5 }); // below the minimum: TMS recommended
    const a3 = await h.submit(periodId, { formationId: a });
    const b1 = await h.submit(periodId, { formationId: b, dateOfBirth: '1980-01-01' }); // too old: TMS recommended
    cases = { a1: a1.applicationId, a2: a2.applicationId, a3: a3.applicationId, b1: b1.applicationId };
    await h.waitForCases(Object.values(cases));
  });

  const queue = async (query: string) => {
    const res = await h.call('GET', `/cases/queue?${query}`, v.token);
    expect(res.status).toBe(200);
    return res.body as unknown as Page & { formations: { formationId: string; code: string | null; position: string | null; remaining: number }[] };
  };

  it('counts what is left across pages, and lists my formations whatever the filters', async () => {
    const first = await queue('limit=1');
    expect(first.items).toHaveLength(1);
    expect(first.remaining).toBe(4);
    const formations = (await queue('limit=1&formationId=' + b)).formations;
    expect(formations).toEqual([
      { formationId: a, periodId: expect.any(String), code: 'PK-AP-01', position: 'Pranata Komputer Ahli Pertama', remaining: 3 },
      // Screening has not heard this one published: no code or position yet.
      { formationId: b, periodId: expect.any(String), code: null, position: null, remaining: 1 },
    ]);
  });

  it('filters by formation and by recommendation, and pages within the filter by cursor', async () => {
    const onlyB = await queue(`formationId=${b}`);
    expect([onlyB.items.map((i) => i.applicationId), onlyB.remaining]).toEqual([[cases.b1], 1]);
    const tms = await queue('recommendation=TMS');
    expect(tms.items.map((i) => i.applicationId).sort()).toEqual([cases.a2, cases.b1].sort());
    expect(tms.remaining).toBe(2);
    expect((await queue('recommendation=NONE')).remaining).toBe(0);

    // Both filters, a page of one at a time: the keyset walks the filtered cases only, and the count stays the filter's.
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 5; pages += 1) {
      const page: Page = await queue(`formationId=${a}&recommendation=MS&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.remaining).toBe(2);
      seen.push(...page.items.map((i) => i.applicationId));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen.sort()).toEqual([cases.a1, cases.a3].sort());
  });

  it('counts a decided case out, and refuses a filter it does not know', async () => {
    expect((await h.call('POST', `/cases/${cases.a1}/decision`, v.token, { result: 'MS' })).status).toBe(200);
    expect((await queue(`formationId=${a}`)).remaining).toBe(2);
    expect((await queue('')).formations.find((f) => f.formationId === a)?.remaining).toBe(2);
    for (const bad of ['recommendation=MAYBE', 'formationId=not-a-uuid']) {
      const res = await h.call('GET', `/cases/queue?${bad}`, v.token);
      expect([res.status, res.body.code, res.body.field]).toEqual([400, 'VALIDATION_FAILED', bad.split('=')[0]]);
    }
  });
});
