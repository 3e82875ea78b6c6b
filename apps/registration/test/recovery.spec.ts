import { applicantIdentity, applicantSession, Registration, signUpBody, startRegistration } from './registration-harness';

describe('account recovery: resend the confirmation, reset a password', () => {
  let reg: Registration;
  let n = 6000;
  const next = () => applicantIdentity(n++, 'rec');
  beforeAll(
    async () =>
      (reg = await startRegistration({
        RESEND_CONFIRMATION_PER_HOUR: '2',
        PASSWORD_RESET_PER_HOUR: '2',
        RECOVERY_REQUESTS_PER_ADDRESS_PER_HOUR: '4',
        // The test stands where the edge would: it says which client each request is from.
        TRUSTED_PROXIES: '127.0.0.1',
      })),
    90_000,
  );
  afterAll(() => reg.close());
  afterEach(() => reg.setNow(undefined));

  const mailsTo = async (accountId: string): Promise<{ kind: string; subject: string; body: string }[]> =>
    reg.dataSource.query(`SELECT kind, subject, body FROM registration.mail_outbox WHERE account_id = $1 ORDER BY id`, [accountId]);
  const tokenIn = (body: string) => /token=([\w-]+)/.exec(body)![1];
  /** A client address of its own for each request, unless a test means one client. */
  let client = 1;
  const from = (address = `10.0.${Math.floor(client / 250)}.${client++ % 250}`) => ({ 'x-forwarded-for': address });

  it('mails a confirmation link into the portal, in the language chosen at sign-up', async () => {
    const who = next();
    const signUp = await reg.call('POST', '/accounts', { body: { ...signUpBody(who), locale: 'en' } });
    expect(signUp.body.locale).toBe('en');
    const [mail] = await mailsTo(signUp.body.id);
    expect(mail.subject).toBe('Confirm your Seleksi e-mail address');
    expect(mail.body).toMatch(/^Hello .+\n/);
    expect(mail.body).toContain('http://127.0.0.1:8080/confirm-email?token=');
    expect(mail.body).toContain('valid for 24 hours');
  });

  it('resends an expired confirmation, whose new link then works; the expiry message no longer says to sign in', async () => {
    const who = next();
    const signUp = await reg.call('POST', '/accounts', { body: signUpBody(who) });
    const [first] = await mailsTo(signUp.body.id);
    expect(first.subject).toBe('Konfirmasi alamat e-mail Seleksi');
    reg.setNow(new Date(Date.now() + 25 * 3_600_000));
    const expired = await reg.call('POST', '/accounts/confirm-email', { body: { token: tokenIn(first.body) } });
    expect(expired.status).toBe(410);
    expect(expired.body.code).toBe('TOKEN_EXPIRED');
    expect(expired.body.message).not.toMatch(/sign in/);
    const resent = await reg.call('POST', '/accounts/confirm-email/resend', { body: { email: who.email }, headers: from() });
    expect(resent.status).toBe(202);
    expect(resent.body).toEqual({ status: 'accepted' });
    const mails = await mailsTo(signUp.body.id);
    expect(mails).toHaveLength(2);
    expect((await reg.call('POST', '/accounts/confirm-email', { body: { token: tokenIn(mails[1].body) } })).status).toBe(204);
  });

  it('rate-limits resends per e-mail (429 RATE_LIMITED with Retry-After), even for an unknown e-mail', async () => {
    for (const email of [next().email, 'nobody-here@example.id']) {
      for (let i = 0; i < 2; i += 1) expect((await reg.call('POST', '/accounts/confirm-email/resend', { body: { email }, headers: from() })).status).toBe(202);
      const limited = await reg.call('POST', '/accounts/confirm-email/resend', { body: { email }, headers: from() });
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ code: 'RATE_LIMITED', field: 'email' });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(3500);
    }
  });

  it('rate-limits recovery requests per client address, resends and resets together, and only that client', async () => {
    const crowd = from('192.0.2.7');
    for (let i = 0; i < 4; i += 1) {
      const path = i % 2 ? '/accounts/password-reset' : '/accounts/confirm-email/resend';
      expect((await reg.call('POST', path, { body: { email: `x${i}@example.id` }, headers: crowd })).status).toBe(202);
    }
    const limited = await reg.call('POST', '/accounts/password-reset', { body: { email: 'y@example.id' }, headers: crowd });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(limited.headers.get('retry-after')).toBeTruthy();
    expect((await reg.call('POST', '/accounts/password-reset', { body: { email: 'y@example.id' }, headers: from() })).status).toBe(202);
  });

  it('answers a reset for an unknown e-mail exactly as for a registered one', async () => {
    const me = await applicantSession(reg, next());
    const [account] = await reg.dataSource.query(`SELECT email FROM registration.accounts WHERE id = $1`, [me.id]);
    const known = await reg.call('POST', '/accounts/password-reset', { body: { email: account.email }, headers: from() });
    const unknown = await reg.call('POST', '/accounts/password-reset', { body: { email: 'stranger-x@example.id' }, headers: from() });
    expect([unknown.status, unknown.bytes.toString()]).toEqual([known.status, known.bytes.toString()]);
    expect(unknown.headers.get('content-type')).toBe(known.headers.get('content-type'));
    expect(known.status).toBe(202);
    expect((await mailsTo(me.id)).filter((m) => m.kind === 'password-reset')).toHaveLength(1);
  });

  it('resets a password once with the mailed link, ending every session of the account', async () => {
    const who = next();
    const me = await applicantSession(reg, who);
    await reg.call('POST', '/accounts/password-reset', { body: { email: who.email }, headers: from() });
    const reset = (await mailsTo(me.id)).find((m) => m.kind === 'password-reset')!;
    expect(reset.body).toContain('http://127.0.0.1:8080/reset-password?token=');
    const token = tokenIn(reset.body);
    const weak = await reg.call('POST', '/accounts/password-reset/confirm', { body: { token, password: 'short1' } });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'password' });
    expect((await reg.call('POST', '/accounts/password-reset/confirm', { body: { token, password: 'baru-rahasia-456' } })).status).toBe(204);
    expect((await reg.call('POST', '/auth/refresh', { body: { refreshToken: me.refreshToken } })).status).toBe(401);
    expect((await reg.call('POST', '/auth/login', { body: { email: who.email, password: 'rahasia-123' } })).status).toBe(401);
    expect((await reg.call('POST', '/auth/login', { body: { email: who.email, password: 'baru-rahasia-456' } })).status).toBe(200);
    const again = await reg.call('POST', '/accounts/password-reset/confirm', { body: { token, password: 'lagi-rahasia-789' } });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ code: 'RESET_TOKEN_INVALID', field: 'token' });
  });

  it('refuses an expired reset link with 410 and leaves the password as it was', async () => {
    const who = next();
    const me = await applicantSession(reg, who);
    await reg.call('POST', '/accounts/password-reset', { body: { email: who.email }, headers: from() });
    const token = tokenIn((await mailsTo(me.id)).find((m) => m.kind === 'password-reset')!.body);
    reg.setNow(new Date(Date.now() + 3601_000));
    const expired = await reg.call('POST', '/accounts/password-reset/confirm', { body: { token, password: 'baru-rahasia-456' } });
    expect(expired.status).toBe(410);
    expect(expired.body.code).toBe('RESET_TOKEN_EXPIRED');
    reg.setNow(undefined);
    expect((await reg.call('POST', '/auth/login', { body: { email: who.email, password: 'rahasia-123' } })).status).toBe(200);
  });

  it('forgets requests older than the hour they count in', async () => {
    const email = next().email;
    await reg.call('POST', '/accounts/password-reset', { body: { email }, headers: from() });
    reg.setNow(new Date(Date.now() + 3_601_000));
    await reg.call('POST', '/accounts/password-reset', { body: { email: next().email }, headers: from() });
    expect(await reg.dataSource.query(`SELECT 1 FROM registration.recovery_requests WHERE subject = $1`, [`reset:${email.toLowerCase()}`])).toEqual([]);
  });
});
