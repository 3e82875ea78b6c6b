import { nikFor } from '@seleksi/testing';
import { PasswordHasher } from '../src/accounts/password-hasher';
import { createStaffAccount, parseStaffRoles } from '../src/staff/staff-accounts';
import { applicantIdentity, applicantSession, Registration, signUpBody, startRegistration } from './registration-harness';

describe('accounts and sign-in', () => {
  let reg: Registration;
  let n = 1000;
  const next = () => applicantIdentity(n++, 'acc');
  beforeAll(async () => (reg = await startRegistration({ LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS: '3', TRUSTED_PROXIES: '127.0.0.1' })), 90_000);
  afterAll(() => reg.close());

  it('signs up an applicant, normalises the phone, and keeps NIK and KK only encrypted', async () => {
    const who = { ...next(), phone: '0812-3456-7890' };
    const res = await reg.call('POST', '/accounts', { body: signUpBody(who) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      emailConfirmed: false,
      phone: '+6281234567890',
      nikWarnings: [],
      nikMasked: `${who.nik.slice(0, 4)}********${who.nik.slice(12)}`,
    });
    const [row] = await reg.dataSource.query(`SELECT nik_sealed, kk_sealed, row_to_json(a)::text AS everything FROM registration.accounts a WHERE id = $1`, [
      res.body.id,
    ]);
    expect(row.everything).not.toContain(who.nik);
    expect(row.everything).not.toContain(who.kkNumber);
    expect(Buffer.from(row.nik_sealed).includes(Buffer.from(who.nik))).toBe(false);
    expect(reg.logs()).not.toContain(who.nik);
  });

  it('records a NIK that disagrees with the stated birth date and gender as warnings, not a refusal', async () => {
    const who = next();
    const res = await reg.call('POST', '/accounts', {
      body: signUpBody({ ...who, nik: nikFor('327301', '1990-01-01', 'F', 77), dateOfBirth: '1991-02-02', gender: 'M' }),
    });
    expect(res.status).toBe(201);
    expect(res.body.nikWarnings.map((w: { code: string }) => w.code)).toEqual(['NIK_BIRTH_DATE_MISMATCH', 'NIK_GENDER_MISMATCH']);
  });

  it.each<[string, Record<string, string>, string, string]>([
    ['a NIK of 15 digits', { nik: '327301441298000' }, 'NIK_INVALID', 'nik'],
    ['a NIK with month 13', { nik: '3273014413980001' }, 'NIK_INVALID', 'nik'],
    ['a NIK from province 20', { nik: '2073014412980001' }, 'NIK_INVALID', 'nik'],
    ['a KK with district 00', { kkNumber: '3273001009180003' }, 'KK_INVALID', 'kkNumber'],
    ['a foreign phone number', { phone: '+6512345678' }, 'PHONE_INVALID', 'phone'],
    ['a birth date of 31 February', { dateOfBirth: '1998-02-31' }, 'DATE_OF_BIRTH_INVALID', 'dateOfBirth'],
    ['a malformed e-mail', { email: 'not-an-email' }, 'VALIDATION_FAILED', 'email'],
    ['a short password', { password: 'abc1' }, 'VALIDATION_FAILED', 'password'],
    ['an unknown gender', { gender: 'X' }, 'VALIDATION_FAILED', 'gender'],
  ])('refuses %s with a 400 naming the field and writes nothing', async (_, override, code, field) => {
    const who = next();
    const res = await reg.call('POST', '/accounts', { body: { ...signUpBody(who), ...override } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code, field });
    expect(await reg.dataSource.query(`SELECT 1 FROM registration.accounts WHERE lower(email) = lower($1)`, [who.email])).toHaveLength(0);
  });

  it('allows one account per NIK and per e-mail (409), however the e-mail is capitalised', async () => {
    const who = next();
    expect((await reg.call('POST', '/accounts', { body: signUpBody(who) })).status).toBe(201);
    const sameNik = await reg.call('POST', '/accounts', { body: signUpBody({ ...next(), nik: who.nik }) });
    expect(sameNik.status).toBe(409);
    expect(sameNik.body).toMatchObject({ code: 'NIK_TAKEN', field: 'nik' });
    const sameEmail = await reg.call('POST', '/accounts', { body: signUpBody({ ...next(), email: who.email.toUpperCase() }) });
    expect(sameEmail.status).toBe(409);
    expect(sameEmail.body).toMatchObject({ code: 'EMAIL_TAKEN', field: 'email' });
  });

  it('signs in only after the e-mail is confirmed, with a one-time token', async () => {
    const who = next();
    const signUp = await reg.call('POST', '/accounts', { body: signUpBody(who) });
    const early = await reg.call('POST', '/auth/login', { body: { email: who.email, password: 'rahasia-123' } });
    expect(early.status).toBe(403);
    expect(early.body.code).toBe('EMAIL_NOT_CONFIRMED');
    const [mail] = await reg.dataSource.query(`SELECT body FROM registration.mail_outbox WHERE account_id = $1`, [signUp.body.id]);
    const token = /token=([\w-]+)/.exec(mail.body)![1];
    expect((await reg.call('POST', '/accounts/confirm-email', { body: { token } })).status).toBe(204);
    const again = await reg.call('POST', '/accounts/confirm-email', { body: { token } });
    expect(again.body.code).toBe('TOKEN_INVALID');
    const login = await reg.call('POST', '/auth/login', { body: { email: who.email, password: 'rahasia-123' } });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, roles: ['applicant'] });
    const me = await reg.call('GET', '/accounts/me', { token: login.body.accessToken });
    expect(me.body).toMatchObject({ id: signUp.body.id, emailConfirmed: true });
  });

  it('rate-limits failed logins per account, even with the right password afterwards', async () => {
    const who = next();
    await applicantSession(reg, who);
    for (let i = 0; i < 3; i++) {
      expect((await reg.call('POST', '/auth/login', { body: { email: who.email, password: 'wrong-password-1' } })).status).toBe(401);
    }
    const limited = await reg.call('POST', '/auth/login', { body: { email: who.email, password: 'rahasia-123' } });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('LOGIN_RATE_LIMITED');
  });

  it('throttles failed logins per account from one address atomically, without locking the account out elsewhere', async () => {
    const who = next();
    await applicantSession(reg, who);
    const from = (address: string, password: string) =>
      reg.call('POST', '/auth/login', { body: { email: who.email, password }, headers: { 'x-forwarded-for': address } });
    // A parallel burst of wrong guesses gets exactly the limit of tries, the rest are refused before the password check.
    const burst = await Promise.all(Array.from({ length: 8 }, () => from('203.0.113.7', 'wrong-password-1')));
    expect(burst.map((r) => r.status).sort()).toEqual([401, 401, 401, 429, 429, 429, 429, 429]);
    expect((await from('203.0.113.7', 'rahasia-123')).status).toBe(429);
    // The applicant, signing in from their own address, is not locked out by the attacker.
    expect((await from('198.51.100.20', 'rahasia-123')).status).toBe(200);
  });

  it('rotates refresh tokens, refuses a used one and then revokes the whole session family', async () => {
    const session = await applicantSession(reg, next());
    const first = await reg.call('POST', '/auth/refresh', { body: { refreshToken: session.refreshToken } });
    expect(first.status).toBe(200);
    const reused = await reg.call('POST', '/auth/refresh', { body: { refreshToken: session.refreshToken } });
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('REFRESH_TOKEN_INVALID');
    // Reuse of a rotated token revokes the token it was rotated into as well.
    expect((await reg.call('POST', '/auth/refresh', { body: { refreshToken: first.body.refreshToken } })).status).toBe(401);
  });

  it('revokes a refresh token at logout', async () => {
    const session = await applicantSession(reg, next());
    expect((await reg.call('POST', '/auth/logout', { body: { refreshToken: session.refreshToken } })).status).toBe(204);
    expect((await reg.call('POST', '/auth/refresh', { body: { refreshToken: session.refreshToken } })).status).toBe(401);
  });

  it('creates staff accounts only through the command, with a generated password and the given roles', async () => {
    const hasher = new PasswordHasher(1024);
    const email = `verifikator.${Date.now()}@bkpsdm.contoh.id`;
    const { password } = await reg.dataSource.transaction((m) =>
      createStaffAccount(m, hasher, { email, fullName: 'Rudi Verifikator', roles: parseStaffRoles('verifier,admin') }),
    );
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    const login = await reg.call('POST', '/auth/login', { body: { email, password } });
    expect(login.status).toBe(200);
    expect(login.body.roles).toEqual(['verifier', 'admin']);
    expect(() => parseStaffRoles('verifier,applicant')).toThrow(/unknown staff role/);
    const [audit] = await reg.dataSource.query(`SELECT action FROM registration.audit_log WHERE details->>'email' = $1`, [email]);
    expect(audit.action).toBe('staff.created');
  });
});
