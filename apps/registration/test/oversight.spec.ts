import { randomUUID } from 'node:crypto';
import { OversightController } from '../src/oversight/oversight.controller';
import {
  applicantIdentity,
  applicantSession,
  completeDraft,
  formationBody,
  openPeriod,
  Registration,
  signUpBody,
  startRegistration,
} from './registration-harness';
import { testKeys } from './test-support';

interface Entry {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  subject: string;
  details: Record<string, unknown>;
}

describe(OversightController.name, () => {
  let reg: Registration;
  let n = 7600;
  const next = () => applicantIdentity(n++, 'ovs');
  const adminA = randomUUID();
  const adminB = randomUUID();
  let tokenA: string;
  let tokenB: string;
  beforeAll(async () => {
    reg = await startRegistration();
    tokenA = testKeys().mint(adminA, ['admin']);
    tokenB = testKeys().mint(adminB, ['admin']);
  }, 90_000);
  afterAll(() => reg.close());

  const search = async (query: string, token = tokenA) => reg.call('GET', `/admin/audit?${query}`, { token });

  it('finds an admin action by actor, action prefix and subject, and pages oldest first with a keyset cursor', async () => {
    const held = await reg.call('POST', '/accounts', { body: signUpBody(next()) });
    const other = await reg.call('POST', '/accounts', { body: signUpBody(next()) });
    for (const [token, id] of [
      [tokenA, held.body.id],
      [tokenB, other.body.id],
      [tokenA, other.body.id],
    ] as const) {
      const res = await reg.call('PATCH', `/admin/accounts/${id}/identity`, { token, body: { reason: 'KTP checked at the desk', birthPlace: 'Cimahi' } });
      expect(res.status).toBe(200);
    }

    const byActor = await search(`actorId=${adminA}`);
    expect(byActor.status).toBe(200);
    expect((byActor.body.items as Entry[]).map((e) => e.subject)).toEqual([held.body.id, other.body.id]);
    expect(byActor.body.items[0]).toMatchObject({ actorId: adminA, action: 'account.identity-corrected', details: { reason: 'KTP checked at the desk' } });

    const bySubject = await search(`subject=${other.body.id}&action=account.`);
    expect((bySubject.body.items as Entry[]).map((e) => e.actorId)).toEqual([adminB, adminA]);

    const first = await search(`actorId=${adminA}&limit=1`);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toBe(first.body.items[0].id);
    const second = await search(`actorId=${adminA}&limit=1&cursor=${first.body.nextCursor as string}`);
    expect(second.body.items.map((e: Entry) => e.subject)).toEqual([other.body.id]);
    const last = await search(`actorId=${adminA}&limit=1&cursor=${second.body.nextCursor as string}`);
    expect(last.body).toEqual({ items: [], nextCursor: null });

    expect((await search(`action=document.&actorId=${adminA}`)).body.items).toEqual([]);
  });

  it('narrows by time range and refuses a range that ends before it starts or a cursor it never gave', async () => {
    const who = await reg.call('POST', '/accounts', { body: signUpBody(next()) });
    const actor = randomUUID();
    const token = testKeys().mint(actor, ['admin']);
    await reg.call('PATCH', `/admin/accounts/${who.body.id}/identity`, { token, body: { reason: 'typo', birthPlace: 'Garut' } });
    const [entry] = (await search(`actorId=${actor}`)).body.items as Entry[];
    const at = Date.parse(entry.at);
    const iso = (ms: number) => encodeURIComponent(new Date(ms).toISOString());
    expect((await search(`actorId=${actor}&from=${iso(at)}&to=${iso(at + 1)}`)).body.items).toHaveLength(1);
    expect((await search(`actorId=${actor}&from=${iso(at + 1)}`)).body.items).toEqual([]);
    expect((await search(`actorId=${actor}&to=${iso(at)}`)).body.items).toEqual([]);

    const backwards = await search(`from=${iso(at + 1000)}&to=${iso(at)}`);
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatchObject({ code: 'INVALID_TIME_RANGE', field: 'from' });
    const badCursor = await search('cursor=abc');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.field).toBe('cursor');
  });

  it('counts each formation’s applications started and submitted, zero for a formation nobody chose', async () => {
    const { period, formations } = await openPeriod(reg, { formations: [formationBody('OV-A'), formationBody('OV-B')] });
    const [a, b] = formations as { id: string }[];
    const one = await applicantSession(reg, next());
    const two = await applicantSession(reg, next());
    const submittedId = await completeDraft(reg, one.token, period.id, a.id);
    const submit = await reg.call('POST', `/applications/${submittedId}/submit`, { token: one.token, headers: { 'idempotency-key': `s-${submittedId}` } });
    expect(submit.status).toBe(201);
    await completeDraft(reg, two.token, period.id, a.id);

    const res = await reg.call('GET', `/admin/periods/${period.id}/application-counts`, { token: tokenA });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { formationId: a.id, code: 'OV-A', applied: 2, submitted: 1 },
      { formationId: b.id, code: 'OV-B', applied: 0, submitted: 0 },
    ]);
    const unknown = await reg.call('GET', `/admin/periods/${randomUUID()}/application-counts`, { token: tokenA });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('PERIOD_NOT_FOUND');
  });

  it('is for admins only', async () => {
    const me = await applicantSession(reg, next());
    for (const token of [me.token, testKeys().mint(randomUUID(), ['verifier'])]) {
      expect((await search('', token)).status).toBe(403);
      expect((await reg.call('GET', `/admin/periods/${randomUUID()}/application-counts`, { token })).status).toBe(403);
    }
    expect((await reg.call('GET', '/admin/audit')).status).toBe(401);
  });
});
