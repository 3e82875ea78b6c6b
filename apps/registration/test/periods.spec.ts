import { randomUUID } from 'node:crypto';
import { Role } from '@seleksi/auth';
import { PasswordHasher } from '../src/accounts/password-hasher';
import { createStaffAccount } from '../src/staff/staff-accounts';
import { readEvents, testKafka, testKeys, validatePayloadOf } from './test-support';
import { formationBody, openPeriod, periodBody, Registration, startRegistration } from './registration-harness';

describe('periods and formations', () => {
  let reg: Registration;
  beforeAll(async () => (reg = await startRegistration()), 90_000);
  afterAll(() => reg.close());

  it('creates a draft with the defaults of domain.md where rules are not given', async () => {
    const res = await reg.call('POST', '/admin/periods', { token: reg.admin, body: periodBody() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'draft',
      appealFilingDays: 3,
      appealAnsweringDays: 7,
      stageWeights: { skb: 60, interview: 40 },
      tieBreakChain: ['HIGHER_SKB', 'HIGHER_CAT', 'HIGHER_GPA', 'OLDER'],
      skb: { proceedFactor: 3, totalPassingGrade: 60 },
      interview: { calibrationThreshold: 2 },
      placement: { optimalisasiScope: 'POSITION_AND_EDUCATION', overrideNeedsSecondApproval: true, reportingDate: '2027-01-04' },
    });
    expect(res.body.registrationClosesLocal).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} WIB$/);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['an unknown time zone', { timeZone: 'UTC' }, 'VALIDATION_FAILED', 'timeZone'],
    ['a window closing before it opens', { registrationClosesAt: '2020-01-01T00:00:00+07:00' }, 'WINDOW_INVALID', 'registrationClosesAt'],
    ['stage weights adding up to 90', { stageWeights: { skb: 50, interview: 40 } }, 'WEIGHTS_NOT_100', 'stageWeights'],
    ['an unknown tie-breaker', { tieBreakChain: ['YOUNGER'] }, 'VALIDATION_FAILED', 'tieBreakChain'],
    ['a malformed code', { code: 'lower case' }, 'VALIDATION_FAILED', 'code'],
    ['no reporting date', { placement: {} }, 'VALIDATION_FAILED', 'placement.reportingDate'],
  ])('refuses %s with a 400 naming the field, and writes nothing', async (_, override, code, field) => {
    const body = periodBody(override);
    const res = await reg.call('POST', '/admin/periods', { token: reg.admin, body });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
    expect(res.body.field).toBe(field);
    expect(await reg.dataSource.query(`SELECT 1 FROM registration.periods WHERE code = $1`, [body.code])).toHaveLength(0);
  });

  it('refuses a second period with the same code (409)', async () => {
    const body = periodBody();
    expect((await reg.call('POST', '/admin/periods', { token: reg.admin, body })).status).toBe(201);
    const again = await reg.call('POST', '/admin/periods', { token: reg.admin, body });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('PERIOD_CODE_TAKEN');
  });

  it('keeps admin endpoints to admins', async () => {
    const applicant = testKeys().mint(randomUUID(), ['applicant']);
    expect((await reg.call('POST', '/admin/periods', { token: applicant, body: periodBody() })).status).toBe(403);
    expect((await reg.call('POST', '/admin/periods', { body: periodBody() })).status).toBe(401);
    expect((await reg.call('GET', '/admin/periods', { token: applicant })).status).toBe(403);
  });

  it('opens a period: PeriodOpened with its rules and a FormationPublished per formation, then freezes requirements', async () => {
    const { period, formations } = await openPeriod(reg, {
      formations: [formationBody('PK-AP'), formationBody('PROG-WEB', { position: 'Programmer Website', quota: 2 })],
    });
    expect(period.status).toBe('open');
    const events = await waitForEvents(reg, (e) => (e.data as { periodId: string }).periodId === period.id, 3);
    const opened = events.find((e) => e.type.endsWith('PeriodOpened.v1'))!;
    expect(validatePayloadOf(opened)).toMatchObject({ periodId: period.id, ruleVersion: 'pemkot-2026.1', skb: { proceedFactor: 3 }, timeZone: 'WIB' });
    const published = events
      .filter((e) => e.type.endsWith('FormationPublished.v1'))
      .map((e) => e.data as { code: string; quota: number; requirements: { minimumAge: number; documents: unknown[] } });
    expect(published.map((f) => f.code).sort()).toEqual(['PK-AP', 'PROG-WEB']);
    expect(published.find((f) => f.code === 'PK-AP')!.requirements).toMatchObject({ minimumAge: 18, maximumAge: 35 });

    const replace = await reg.call('PUT', `/admin/formations/${formations[0].id}`, { token: reg.admin, body: formationBody('PK-AP', { quota: 9 }) });
    expect(replace.status).toBe(409);
    expect(replace.body.code).toBe('REQUIREMENTS_FROZEN');
    const add = await reg.call('POST', `/admin/periods/${period.id}/formations`, { token: reg.admin, body: formationBody('NEW') });
    expect(add.body.code).toBe('REQUIREMENTS_FROZEN');
    const reopen = await reg.call('POST', `/admin/periods/${period.id}/open`, { token: reg.admin });
    expect(reopen.body.code).toBe('PERIOD_NOT_DRAFT');
  });

  it('changes a quota of an open period with a reason: audited, and FormationQuotaChanged', async () => {
    const { period, formations } = await openPeriod(reg);
    const res = await reg.call('POST', `/admin/formations/${formations[0].id}/quota`, { token: reg.admin, body: { quota: 6, reason: 'tambahan formasi' } });
    expect(res.status).toBe(201);
    expect(res.body.quota).toBe(6);
    const [audit] = await reg.dataSource.query(`SELECT previous_quota, quota, reason FROM registration.quota_changes WHERE formation_id = $1`, [
      formations[0].id,
    ]);
    expect(audit).toEqual({ previous_quota: 4, quota: 6, reason: 'tambahan formasi' });
    const [changed] = await waitForEvents(
      reg,
      (e) => e.type.endsWith('FormationQuotaChanged.v1') && (e.data as { periodId: string }).periodId === period.id,
      1,
    );
    expect(changed.data).toMatchObject({ formationId: formations[0].id, previousQuota: 4, quota: 6, reason: 'tambahan formasi' });
    const noReason = await reg.call('POST', `/admin/formations/${formations[0].id}/quota`, { token: reg.admin, body: { quota: 7 } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.field).toBe('reason');
  });

  it('refuses to open a period without formations', async () => {
    const created = await reg.call('POST', '/admin/periods', { token: reg.admin, body: periodBody() });
    const res = await reg.call('POST', `/admin/periods/${created.body.id}/open`, { token: reg.admin });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('PERIOD_HAS_NO_FORMATIONS');
  });

  it('shows drafts to admins only, closes an open period with PeriodClosed counting per formation, and then refuses quota changes', async () => {
    const draft = await reg.call('POST', '/admin/periods', { token: reg.admin, body: periodBody() });
    expect((await reg.call('GET', `/periods/${draft.body.id}`)).status).toBe(404);
    const { period, formations } = await openPeriod(reg);
    expect((await reg.call('GET', `/periods/${period.id}`)).status).toBe(200);
    expect((await reg.call('GET', `/periods/${period.id}/formations`)).body).toHaveLength(1);
    const closed = await reg.call('POST', `/admin/periods/${period.id}/close`, { token: reg.admin });
    expect(closed.body.status).toBe('closed');
    const [event] = await waitForEvents(reg, (e) => e.type.endsWith('PeriodClosed.v1') && (e.data as { periodId: string }).periodId === period.id, 1);
    expect(event.data).toMatchObject({ submittedApplications: 0, byFormation: [{ formationId: formations[0].id, count: 0, digest: '0000000000000000' }] });
    // The stages that cut by quota may have acted on the old number: a closed period's quota stays.
    const quota = await reg.call('POST', `/admin/formations/${formations[0].id}/quota`, { token: reg.admin, body: { quota: 9, reason: 'terlambat' } });
    expect(quota.status).toBe(409);
    expect(quota.body.code).toBe('PERIOD_CLOSED');
  });

  it('tells an admin the defaults a new period and formation take', async () => {
    const res = await reg.call('GET', '/admin/periods/defaults', { token: reg.admin });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      appealFilingDays: 3,
      appealAnsweringDays: 7,
      stageWeights: { skb: 60, interview: 40 },
      tieBreakChain: ['HIGHER_SKB', 'HIGHER_CAT', 'HIGHER_GPA', 'OLDER'],
      interview: { scaleMin: 1, scaleMax: 5, calibrationThreshold: 2, minimumPanelSize: 3 },
      placement: { optimalisasiScope: 'POSITION_AND_EDUCATION', overrideNeedsSecondApproval: true },
      minimumAge: 18,
      maximumAge: 35,
    });
    // A period created without rules carries exactly these.
    const created = await reg.call('POST', '/admin/periods', { token: reg.admin, body: periodBody() });
    expect(created.body).toMatchObject({ skb: res.body.skb, interview: res.body.interview, stageWeights: res.body.stageWeights });
    expect((res.body.documents as { type: string }[]).map((d) => d.type)).toContain('ijazah');
  });

  it("edits a draft's settings and rules, refuses a taken code and a broken rule, and refuses once the period is open", async () => {
    const created = await reg.call('POST', '/admin/periods', { token: reg.admin, body: periodBody() });
    const id = created.body.id as string;
    const edited = await reg.call('PUT', `/admin/periods/${id}`, {
      token: reg.admin,
      body: periodBody({ code: created.body.code, name: 'Nama baru', appealFilingDays: 5, stageWeights: { skb: 70, interview: 30 } }),
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id, status: 'draft', name: 'Nama baru', appealFilingDays: 5, stageWeights: { skb: 70, interview: 30 } });
    const listed = (await reg.call('GET', '/admin/periods', { token: reg.admin })).body as unknown as { id: string; name: string }[];
    expect(listed.find((p) => p.id === id)?.name).toBe('Nama baru');

    const other = await reg.call('POST', '/admin/periods', { token: reg.admin, body: periodBody() });
    const taken = await reg.call('PUT', `/admin/periods/${id}`, { token: reg.admin, body: periodBody({ code: other.body.code }) });
    expect([taken.status, taken.body.code]).toEqual([409, 'PERIOD_CODE_TAKEN']);
    const broken = await reg.call('PUT', `/admin/periods/${id}`, { token: reg.admin, body: periodBody({ stageWeights: { skb: 50, interview: 40 } }) });
    expect([broken.status, broken.body.code, broken.body.field]).toEqual([400, 'WEIGHTS_NOT_100', 'stageWeights']);
    expect((await reg.call('PUT', `/admin/periods/${randomUUID()}`, { token: reg.admin, body: periodBody() })).status).toBe(404);

    const { period } = await openPeriod(reg);
    const frozen = await reg.call('PUT', `/admin/periods/${period.id}`, { token: reg.admin, body: periodBody({ code: period.code }) });
    expect([frozen.status, frozen.body.code]).toEqual([409, 'PERIOD_NOT_DRAFT']);
  });

  it('lists the staff accounts, optionally of one role, and never applicants', async () => {
    const hasher = new PasswordHasher(1024);
    const made = await Promise.all(
      [['verifier'], ['panelist', 'verifier'], ['panelist']].map((roles, i) =>
        createStaffAccount(reg.dataSource.manager, hasher, {
          email: `staff-${i}-${randomUUID().slice(0, 8)}@instansi.test`,
          fullName: `Petugas ${i}`,
          roles: roles as Role[],
        }),
      ),
    );
    const verifiers = (await reg.call('GET', '/admin/staff?role=verifier', { token: reg.admin })).body as unknown as { id: string; roles: string[] }[];
    const ids = verifiers.map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining([made[0].id, made[1].id]));
    expect(ids).not.toContain(made[2].id);
    expect(verifiers.every((v) => v.roles.includes('verifier'))).toBe(true);
    const all = (await reg.call('GET', '/admin/staff', { token: reg.admin })).body as unknown as { id: string; roles: string[] }[];
    expect(all.map((s) => s.id)).toEqual(expect.arrayContaining(made.map((m) => m.id)));
    expect(all.some((s) => s.roles.includes('applicant'))).toBe(false);
    const bad = await reg.call('GET', '/admin/staff?role=applicant', { token: reg.admin });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('describes every route in its OpenAPI document', async () => {
    const doc = (await reg.call('GET', '/docs/openapi.json')).body;
    for (const path of [
      '/admin/periods',
      '/admin/periods/{periodId}/open',
      '/admin/periods/{periodId}',
      '/admin/periods/defaults',
      '/admin/staff',
      '/admin/formations/{formationId}/quota',
      '/accounts',
      '/auth/login',
      '/auth/refresh',
      '/applications',
      '/applications/{applicationId}/submit',
      '/applications/{applicationId}/documents/{type}',
      '/applications/{applicationId}/card.pdf',
      '/applications/{applicationId}/timeline',
      '/staff/documents/{documentId}',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});

async function waitForEvents(reg: Registration, match: (e: { type: string; data: unknown }) => boolean, count: number) {
  const kafka = testKafka();
  const deadline = Date.now() + 20_000;
  for (;;) {
    const events = (await readEvents(kafka, reg.topicPrefix, 'registration')).filter(match);
    if (events.length >= count || Date.now() > deadline) return events;
    await new Promise((r) => setTimeout(r, 300));
  }
}
