import { randomUUID } from 'node:crypto';
import { applicantIdentity, applicantSession, Registration, signUpBody, startRegistration } from './registration-harness';
import { testKeys } from './test-support';

describe('admin account actions: release a NIK, correct identity data, both audited', () => {
  let reg: Registration;
  let n = 7000;
  const next = () => applicantIdentity(n++, 'adm');
  const adminId = randomUUID();
  let admin: string;
  beforeAll(async () => {
    reg = await startRegistration();
    admin = testKeys().mint(adminId, ['admin']);
  }, 90_000);
  afterAll(() => reg.close());

  const release = (body: Record<string, unknown>, token = admin) => reg.call('POST', '/admin/accounts/release-nik', { token, body });

  it('frees a NIK that someone else registered first, so its owner can sign up; the squatter is signed out for good', async () => {
    const owner = next();
    const squatter = { ...next(), nik: owner.nik };
    const held = await applicantSession(reg, squatter);
    expect((await reg.call('POST', '/accounts', { body: signUpBody(owner) })).body.code).toBe('NIK_TAKEN');

    const res = await release({ nik: owner.nik, reason: 'owner proved identity at the desk', evidence: 'BA-2026/117' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accountId: held.id, emailConfirmed: true, submittedApplications: 0 });

    expect((await reg.call('POST', '/accounts', { body: signUpBody(owner) })).status).toBe(201);
    expect((await reg.call('POST', '/auth/refresh', { body: { refreshToken: held.refreshToken } })).status).toBe(401);
    const login = await reg.call('POST', '/auth/login', { body: { email: squatter.email, password: 'rahasia-123' } });
    expect(login.status).toBe(403);
    expect(login.body.code).toBe('ACCOUNT_CLOSED');

    const audit = await reg.call('GET', `/admin/accounts/audit?accountId=${held.id}`, { token: admin });
    expect(audit.body).toEqual([
      expect.objectContaining({
        action: 'account.nik-released',
        actorId: adminId,
        accountId: held.id,
        reason: 'owner proved identity at the desk',
        evidence: 'BA-2026/117',
      }),
    ]);
    expect(JSON.stringify(audit.body)).not.toContain(owner.nik);
  });

  it('frees a NIK held by an unconfirmed account too, and says so when no account holds it', async () => {
    const owner = next();
    const signUp = await reg.call('POST', '/accounts', { body: signUpBody({ ...next(), nik: owner.nik }) });
    const res = await release({ nik: owner.nik, reason: 'registered by a stranger', evidence: 'BA-2026/118' });
    expect(res.body).toMatchObject({ accountId: signUp.body.id, emailConfirmed: false });
    const again = await release({ nik: owner.nik, reason: 'twice', evidence: 'BA-2026/118' });
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ code: 'NIK_NOT_HELD', field: 'nik' });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['no reason', { evidence: 'BA-1' }, 'reason'],
    ['a blank reason', { reason: '   ', evidence: 'BA-1' }, 'reason'],
    ['no evidence', { reason: 'proved' }, 'evidence'],
    ['a malformed NIK', { nik: '1234', reason: 'proved', evidence: 'BA-1' }, 'nik'],
  ])('refuses a release with %s (400 naming the field) and changes nothing', async (_, body, field) => {
    const who = next();
    await reg.call('POST', '/accounts', { body: signUpBody(who) });
    const res = await release({ nik: who.nik, ...body });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', field });
    expect((await reg.call('POST', '/accounts', { body: signUpBody({ ...next(), nik: who.nik }) })).body.code).toBe('NIK_TAKEN');
  });

  it('refuses every admin account route to an applicant and to other staff', async () => {
    const me = await applicantSession(reg, next());
    for (const token of [me.token, testKeys().mint(randomUUID(), ['verifier'])]) {
      expect((await release({ nik: '3273014412980001', reason: 'x', evidence: 'y' }, token)).status).toBe(403);
      expect((await reg.call('PATCH', `/admin/accounts/${me.id}/identity`, { token, body: { reason: 'x', fullName: 'Someone Else' } })).status).toBe(403);
      expect((await reg.call('GET', '/admin/accounts/audit', { token })).status).toBe(403);
    }
    expect((await reg.call('GET', '/admin/accounts/audit')).status).toBe(401);
  });

  it('corrects identity data with a reason, recording each field before and after, and recomputes the NIK warnings', async () => {
    const who = next();
    const me = await applicantSession(reg, who);
    const res = await reg.call('PATCH', `/admin/accounts/${me.id}/identity`, {
      token: admin,
      body: { reason: 'KTP checked: the birth date was mistyped', birthDate: '1991-02-02', fullName: 'Siti R. Rahmawati' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: me.id, fullName: 'Siti R. Rahmawati', dateOfBirth: '1991-02-02' });
    expect(res.body.nikWarnings.map((w: { code: string }) => w.code)).toEqual(['NIK_BIRTH_DATE_MISMATCH']);
    const [entry] = (await reg.call('GET', `/admin/accounts/audit?accountId=${me.id}`, { token: admin })).body;
    expect(entry).toMatchObject({
      action: 'account.identity-corrected',
      actorId: adminId,
      reason: 'KTP checked: the birth date was mistyped',
      changes: { birthDate: { from: who.dateOfBirth, to: '1991-02-02' }, fullName: { from: who.fullName, to: 'Siti R. Rahmawati' } },
    });
    expect(entry.changes.gender).toBeUndefined();
  });

  it.each<[string, Record<string, unknown>, number, string]>([
    ['no reason', { fullName: 'A B' }, 400, 'reason'],
    ['nothing to correct', { reason: 'x' }, 400, 'fullName'],
    ['a birth date in the future', { reason: 'x', birthDate: '2999-01-01' }, 400, 'birthDate'],
    ['a blank name', { reason: 'x', fullName: '  ' }, 400, 'fullName'],
  ])('refuses a correction with %s', async (_, body, status, field) => {
    const me = await applicantSession(reg, next());
    const res = await reg.call('PATCH', `/admin/accounts/${me.id}/identity`, { token: admin, body });
    expect(res.status).toBe(status);
    expect(res.body.field).toBe(field);
    expect((await reg.call('GET', `/admin/accounts/audit?accountId=${me.id}`, { token: admin })).body).toEqual([]);
  });

  it('answers 404 for an unknown account and keeps the audit log append-only', async () => {
    const res = await reg.call('PATCH', `/admin/accounts/${randomUUID()}/identity`, { token: admin, body: { reason: 'x', fullName: 'A B' } });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('ACCOUNT_NOT_FOUND');
    await expect(reg.dataSource.query(`UPDATE registration.audit_log SET details = '{}' WHERE action LIKE 'account.%'`)).rejects.toThrow(/append-only/);
    await expect(reg.dataSource.query(`DELETE FROM registration.audit_log WHERE action LIKE 'account.%'`)).rejects.toThrow(/append-only/);
    await expect(
      reg.dataSource.query(`INSERT INTO registration.audit_log (actor_id, action, subject, details) VALUES ($1, 'account.nik-released', 'x', '{}')`, [adminId]),
    ).rejects.toThrow(/who_and_why/);
  });

  it('describes the session, recovery and admin account routes with their DTOs in the OpenAPI document', async () => {
    const doc = (await reg.call('GET', '/docs/openapi.json')).body;
    const bodyOf = (path: string, method: string) => doc.paths[path][method].requestBody.content['application/json'].schema.$ref;
    expect(bodyOf('/accounts/confirm-email/resend', 'post')).toBe('#/components/schemas/RecoveryRequestDto');
    expect(bodyOf('/accounts/password-reset', 'post')).toBe('#/components/schemas/RecoveryRequestDto');
    expect(bodyOf('/accounts/password-reset/confirm', 'post')).toBe('#/components/schemas/PasswordResetConfirmDto');
    expect(bodyOf('/admin/accounts/release-nik', 'post')).toBe('#/components/schemas/ReleaseNikDto');
    expect(bodyOf('/admin/accounts/{accountId}/identity', 'patch')).toBe('#/components/schemas/CorrectIdentityDto');
    expect(doc.paths['/accounts/password-reset'].post.responses['202'].content['application/json'].schema.$ref).toBe('#/components/schemas/AcceptedResponse');
    expect(doc.paths['/admin/accounts/audit'].get.responses['200'].content['application/json'].schema.items.$ref).toBe(
      '#/components/schemas/AccountAuditEntryResponse',
    );
    const schemas = doc.components.schemas;
    expect(schemas.LoginDto.properties.session.enum).toEqual(['cookie', 'body']);
    expect(schemas.SignUpDto.properties.locale.enum).toEqual(['id', 'en']);
    expect(schemas.TokenPairResponse.required).not.toContain('refreshToken');
    expect(schemas.RefreshDto.required ?? []).not.toContain('refreshToken');
    expect(schemas.CorrectIdentityDto.required).toEqual(['reason']);
    expect(schemas.ReleaseNikDto.required).toEqual(['nik', 'reason', 'evidence']);
  });
});
