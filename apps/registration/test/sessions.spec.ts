import { applicantIdentity, applicantSession, Registration, startRegistration } from './registration-harness';

const PORTAL = 'http://127.0.0.1:8080';

describe('sessions: the refresh token in a cookie for the portal, in the body for API clients', () => {
  let reg: Registration;
  let n = 5000;
  const next = () => applicantIdentity(n++, 'ses');
  // The production password cost, so that the time of a wrong login can be compared below.
  beforeAll(async () => (reg = await startRegistration({ PASSWORD_SCRYPT_COST: '16384' })), 90_000);
  afterAll(() => reg.close());

  async function cookieLogin() {
    const who = next();
    await applicantSession(reg, who);
    const login = await reg.call('POST', '/auth/login', {
      body: { email: who.email, password: 'rahasia-123', session: 'cookie' },
      headers: { origin: PORTAL },
    });
    expect(login.status).toBe(200);
    const setCookie = login.headers.get('set-cookie')!;
    return { login, setCookie, cookie: setCookie.split(';')[0] };
  }

  it('sets an HttpOnly, SameSite=Strict, path-scoped cookie at a cookie login and leaves the token out of the JSON', async () => {
    const { login, setCookie } = await cookieLogin();
    expect(login.body.refreshToken).toBeUndefined();
    expect(login.body).toMatchObject({ tokenType: 'Bearer', roles: ['applicant'] });
    expect(setCookie).toMatch(/^seleksi_refresh=[\w-]{40,}; HttpOnly; SameSite=Strict; Path=\/api\/registration\/auth; Max-Age=1209600$/);
  });

  it('marks the cookie Secure when the edge says the request came over https', async () => {
    const who = next();
    await applicantSession(reg, who);
    const login = await reg.call('POST', '/auth/login', {
      body: { email: who.email, password: 'rahasia-123', session: 'cookie' },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(login.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('refreshes from the cookie, rotating it, and the old cookie then no longer works', async () => {
    const { cookie } = await cookieLogin();
    const first = await reg.call('POST', '/auth/refresh', { body: {}, headers: { origin: PORTAL, cookie } });
    expect(first.status).toBe(200);
    expect(first.body.accessToken).toEqual(expect.any(String));
    expect(first.body.refreshToken).toBeUndefined();
    const rotated = first.headers.get('set-cookie')!.split(';')[0];
    expect(rotated).not.toBe(cookie);
    expect((await reg.call('POST', '/auth/refresh', { body: {}, headers: { origin: PORTAL, cookie: rotated } })).status).toBe(200);
    const stale = await reg.call('POST', '/auth/refresh', { body: {}, headers: { origin: PORTAL, cookie } });
    expect(stale.status).toBe(401);
    expect(stale.body.code).toBe('REFRESH_TOKEN_INVALID');
    expect(stale.headers.get('set-cookie')).toContain('Max-Age=0');
  });

  it.each<[string, Record<string, string>]>([
    ['no Origin', {}],
    ['another origin', { origin: 'https://evil.example' }],
    ['the portal origin on another port', { origin: 'http://127.0.0.1:8081' }],
  ])('refuses a cookie refresh or logout with %s (403 ORIGIN_REFUSED) and leaves the session alive', async (_, headers) => {
    const { cookie } = await cookieLogin();
    for (const path of ['/auth/refresh', '/auth/logout']) {
      const res = await reg.call('POST', path, { body: {}, headers: { ...headers, cookie } });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'ORIGIN_REFUSED', field: 'origin' });
    }
    expect((await reg.call('POST', '/auth/refresh', { body: {}, headers: { origin: PORTAL, cookie } })).status).toBe(200);
  });

  it('refreshes and logs out from the cookie with no request body at all', async () => {
    const { cookie } = await cookieLogin();
    const refreshed = await reg.call('POST', '/auth/refresh', { headers: { origin: PORTAL, cookie } });
    expect(refreshed.status).toBe(200);
    const rotated = refreshed.headers.get('set-cookie')!.split(';')[0];
    expect((await reg.call('POST', '/auth/logout', { headers: { origin: PORTAL, cookie: rotated } })).status).toBe(204);
  });

  it('logs out from the cookie: revoked and cleared', async () => {
    const { cookie } = await cookieLogin();
    const out = await reg.call('POST', '/auth/logout', { body: {}, headers: { origin: PORTAL, cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toBe('seleksi_refresh=; HttpOnly; SameSite=Strict; Path=/api/registration/auth; Max-Age=0');
    expect((await reg.call('POST', '/auth/refresh', { body: {}, headers: { origin: PORTAL, cookie } })).status).toBe(401);
  });

  it('keeps the body mode of API clients as it was: token in the JSON, no cookie, no origin needed', async () => {
    const me = await applicantSession(reg, next());
    expect(me.refreshToken).toEqual(expect.any(String));
    const refreshed = await reg.call('POST', '/auth/refresh', { body: { refreshToken: me.refreshToken } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).toEqual(expect.any(String));
    expect(refreshed.headers.get('set-cookie')).toBeNull();
    expect((await reg.call('POST', '/auth/refresh', { body: { refreshToken: me.refreshToken } })).status).toBe(401);
    expect((await reg.call('POST', '/auth/logout', { body: { refreshToken: refreshed.body.refreshToken } })).status).toBe(204);
    expect((await reg.call('POST', '/auth/refresh', { body: { refreshToken: refreshed.body.refreshToken } })).status).toBe(401);
  });

  it('answers a refresh with neither body token nor cookie with 401, naming the field', async () => {
    const res = await reg.call('POST', '/auth/refresh', { body: {}, headers: { origin: PORTAL } });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'REFRESH_TOKEN_INVALID', field: 'refreshToken' });
  });

  it('refuses an unknown session mode', async () => {
    const res = await reg.call('POST', '/auth/login', { body: { email: 'a@b.id', password: 'x', session: 'local-storage' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'session' });
  });

  it('takes as long to refuse an unknown e-mail as a wrong password, so the time does not tell who is registered', async () => {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const timed = async (email: string) => {
      const start = process.hrtime.bigint();
      const res = await reg.call('POST', '/auth/login', { body: { email, password: 'salah-sekali-1' } });
      expect(res.status).toBe(401);
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const who = next();
      await applicantSession(reg, who);
      known.push(await timed(who.email));
      unknown.push(await timed(`nobody-${i}-${who.email}`));
    }
    // A decoy hash of a lower cost made unknown e-mails about 16 times faster.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
  });
});
