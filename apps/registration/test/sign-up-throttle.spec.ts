import { applicantIdentity, Registration, signUpBody, startRegistration } from './registration-harness';

describe('sign-up throttle', () => {
  let reg: Registration;
  let n = 0;
  beforeAll(async () => (reg = await startRegistration({ SIGNUP_MAX_PER_ADDRESS: '3', TRUSTED_PROXIES: '127.0.0.1' })), 90_000);
  afterAll(async () => reg?.close());

  it('refuses sign-ups past the limit from one client address, and only from that address', async () => {
    const from = (address: string) =>
      reg.call('POST', '/accounts', { body: signUpBody(applicantIdentity(n++, 'throttle')), headers: { 'x-forwarded-for': address } });
    const burst = await Promise.all(Array.from({ length: 5 }, () => from('203.0.113.9')));
    expect(burst.map((r) => r.status).sort()).toEqual([201, 201, 201, 429, 429]);
    expect(burst.find((r) => r.status === 429)?.body).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await from('198.51.100.30')).status).toBe(201);
  });
});
