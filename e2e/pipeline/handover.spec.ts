import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  applicantIdentity,
  connectAsService,
  httpCall,
  sampleJpeg,
  samplePdf,
  ServiceProcess,
  serviceEnv,
  spawnService,
  testKeys,
  uniqueTopicPrefix,
  waitFor,
  waitUntilReady,
} from '@seleksi/testing';
import { DataSource } from 'typeorm';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const call = async (base: string, method: string, path: string, options: { token?: string; json?: unknown; raw?: Buffer; type?: string } = {}) => {
  const { status, body } = await httpCall(base, method, path, options);
  return { status, body: body as Json };
};

/**
 * Registration's close is a counted hand-over: one submission is held back in registration's outbox
 * (a trigger marks its row as published, so the relay passes it by) while the period closes. Screening
 * refuses to announce with the missing count and lists it in its reconciliation; once the row is
 * released the relay publishes it, the case opens, and the period is announced and finalized with
 * every application.
 */
describe('the hand-over from registration to screening', () => {
  const prefix = uniqueTopicPrefix();
  const clockDir = mkdtempSync(join(tmpdir(), 'seleksi-handover-'));
  const clockFile = join(clockDir, 'clock');
  let registration: ServiceProcess;
  let screening: ServiceProcess;
  let registrationDb: DataSource;

  beforeAll(async () => {
    writeFileSync(clockFile, '0\n');
    registration = spawnService('registration', serviceEnv('registration', 47000, { KAFKA_TOPIC_PREFIX: prefix }));
    screening = spawnService('screening', serviceEnv('screening', 47001, { KAFKA_TOPIC_PREFIX: prefix, CLOCK_FILE: clockFile }));
    await Promise.all([waitUntilReady(registration, 90_000), waitUntilReady(screening, 90_000)]);
    registrationDb = await connectAsService('registration', [], 1);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([registration?.stop(), screening?.stop()]);
    await registrationDb?.query(`DROP TRIGGER IF EXISTS hold_back ON registration.outbox`).catch(() => undefined);
    await registrationDb?.destroy();
    rmSync(clockDir, { recursive: true, force: true });
  });

  it('refuses the announcement while a counted submission is held back, then announces and finalizes with all of them', async () => {
    const reg = registration.url;
    const scr = screening.url;
    const admin = testKeys().mint(randomUUID(), ['admin']);
    const closesAt = new Date(Date.now() + 20_000);
    const period = await call(reg, 'POST', '/admin/periods', {
      token: admin,
      json: {
        code: `HO-${randomUUID().slice(0, 6).toUpperCase()}`,
        name: 'Seleksi hand-over',
        agencyName: 'BKPSDM Kota Contoh',
        timeZone: 'WIB',
        registrationOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
        registrationClosesAt: closesAt.toISOString(),
        ageReferenceDate: '2026-12-31',
        ruleVersion: 'e2e.1',
        placement: { reportingDate: '2027-03-01' },
      },
    });
    expect(period.status).toBe(201);
    const periodId = period.body.id as string;
    const formation = await call(reg, 'POST', `/admin/periods/${periodId}/formations`, {
      token: admin,
      json: {
        code: 'PK-AP',
        position: 'Pranata Komputer Ahli Pertama',
        unit: 'Command Center',
        formationType: 'general',
        quota: 2,
        requirements: {
          educationLevels: ['S1'],
          acceptedMajors: ['Teknik Informatika'],
          minimumGpa: 3,
          documents: [
            { type: 'pas-foto', mediaType: 'image/jpeg', maxBytes: 204800 },
            { type: 'ijazah', mediaType: 'application/pdf', maxBytes: 819200 },
          ],
        },
      },
    });
    const formationId = formation.body.id as string;
    expect((await call(reg, 'POST', `/admin/periods/${periodId}/open`, { token: admin })).status).toBe(201);
    const verifierId = randomUUID();
    const verifier = testKeys().mint(verifierId, ['verifier']);
    await waitFor(
      'screening to hear of the period',
      async () =>
        (
          await call(scr, 'POST', `/periods/${periodId}/verifiers`, {
            token: admin,
            json: { accountId: verifierId, name: 'Rina Verifikator', kkNumber: '3273011009180003' },
          })
        ).status === 201,
      { timeoutMs: 30_000, intervalMs: 500 },
    );

    const base = 10 * Math.floor(Math.random() * 9_000);
    const applicationIds: string[] = [];
    for (const i of [0, 1, 2]) {
      const who = applicantIdentity(base + i, prefix.replace(/\W/g, ''));
      const signUp = await call(reg, 'POST', '/accounts', { json: { ...who, password: 'rahasia-123' } });
      expect(signUp.status).toBe(201);
      const [mail] = await registrationDb.query(`SELECT body FROM registration.mail_outbox WHERE account_id = $1`, [signUp.body.id]);
      await call(reg, 'POST', '/accounts/confirm-email', { json: { token: /token=([\w-]+)/.exec(mail.body)![1] } });
      const token = (await call(reg, 'POST', '/auth/login', { json: { email: who.email, password: 'rahasia-123' } })).body.accessToken;
      const draft = await call(reg, 'POST', '/applications', { token, json: { periodId, formationId } });
      await call(reg, 'PATCH', `/applications/${draft.body.id}`, {
        token,
        json: {
          education: {
            level: 'S1',
            institution: 'Universitas Contoh',
            major: 'Teknik Informatika',
            accreditation: 'Unggul',
            gpa: 3.5,
            graduationDate: '2022-08-30',
          },
          declarations: ['DATA_TRUE', 'NOT_CIVIL_SERVANT', 'NO_CRIMINAL_RECORD', 'NOT_DISMISSED', 'NOT_PARTY_MEMBER'],
        },
      });
      await call(reg, 'PUT', `/applications/${draft.body.id}/documents/pas-foto`, { token, raw: sampleJpeg(), type: 'image/jpeg' });
      await call(reg, 'PUT', `/applications/${draft.body.id}/documents/ijazah`, { token, raw: samplePdf(), type: 'application/pdf' });
      if (i === 2) await holdBack(registrationDb, draft.body.id);
      expect((await call(reg, 'POST', `/applications/${draft.body.id}/submit`, { token })).status).toBe(201);
      applicationIds.push(draft.body.id);
    }
    const held = applicationIds[2];
    await waitFor(
      'the two published submissions as cases',
      async () => (await call(scr, 'GET', '/cases/queue', { token: verifier })).body.items?.length === 2,
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    for (const id of applicationIds.slice(0, 2))
      expect((await call(scr, 'POST', `/cases/${id}/decision`, { token: verifier, json: { result: 'MS' } })).status).toBeLessThan(300);

    await waitFor('the deadline to pass', async () => Date.now() > closesAt.getTime(), { timeoutMs: 60_000, intervalMs: 500 });
    expect((await call(reg, 'POST', `/admin/periods/${periodId}/close`, { token: admin })).body.status).toBe('closed');

    // PeriodClosed arrives (until then: HANDOVER_NOT_RECEIVED); the held submission is counted and missing.
    const refused = await waitFor(
      'the announcement refused for the missing submission',
      async () => {
        const r = await call(scr, 'POST', `/periods/${periodId}/announcement`, { token: admin });
        expect(r.status).toBe(409);
        return r.body.code === 'HANDOVER_INCOMPLETE' ? r.body : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    expect(refused).toMatchObject({
      expected: 3,
      received: 2,
      missing: 1,
      byFormation: [{ formationId, expected: 3, received: 2, missing: 1, digestMatches: false }],
    });
    expect(refused.message).toContain('1 of 3');
    const waiting = await call(scr, 'GET', `/periods/${periodId}/reconciliation`, { token: admin });
    expect(waiting.body).toMatchObject({
      handover: { received: true, expected: 3, missing: 1, complete: false },
      formations: [{ formationId, expected: 3, received: 2, decided: 2, pending: 0, handedOn: 0 }],
      stuck: [{ applicationId: null, formationId, reason: 'AWAITING_SUBMISSIONS', waitingOn: 'registration', count: 1 }],
    });

    // Released, the relay publishes it; the case opens and waits on the verifier, then everything moves on.
    await release(registrationDb, held);
    await waitFor('the held submission as a case', async () => (await call(scr, 'GET', '/cases/queue', { token: verifier })).body.items?.length === 1, {
      timeoutMs: 30_000,
      intervalMs: 500,
    });
    const pending = await call(scr, 'GET', `/periods/${periodId}/reconciliation`, { token: admin });
    expect(pending.body.handover).toMatchObject({ missing: 0, complete: true, differences: [] });
    expect(pending.body.stuck).toEqual([expect.objectContaining({ applicationId: held, reason: 'AWAITING_VERIFIER', waitingOn: verifierId })]);
    expect((await call(scr, 'POST', `/periods/${periodId}/announcement`, { token: admin })).body.code).toBe('UNDECIDED_CASES_REMAIN');
    expect((await call(scr, 'POST', `/cases/${held}/decision`, { token: verifier, json: { result: 'MS' } })).status).toBeLessThan(300);
    const announced = await call(scr, 'POST', `/periods/${periodId}/announcement`, { token: admin });
    expect([announced.status, announced.body.eligible]).toEqual([200, 3]);

    // Past the appeal window (screening's clock moved), the period is finalized with all three handed on.
    writeFileSync(clockFile, `${(announced.body.appealFilingClosesAt ? Date.parse(announced.body.appealFilingClosesAt) - Date.now() : 0) + 60_000}\n`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const finalized = await call(scr, 'POST', `/periods/${periodId}/finalization`, { token: admin });
    expect([finalized.status, finalized.body.finalized, finalized.body.eligible]).toEqual([200, 3, 3]);
    const done = await call(scr, 'GET', `/periods/${periodId}/reconciliation`, { token: admin });
    expect(done.body).toMatchObject({ formations: [{ formationId, expected: 3, received: 3, decided: 3, handedOn: 3 }], stuck: [] });
  }, 150_000);
});

/** The submission's outbox row is written as already published, so the relay passes it by. */
async function holdBack(db: DataSource, applicationId: string): Promise<void> {
  await db.query(`
    CREATE OR REPLACE FUNCTION registration.hold_back() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.message_key = '${applicationId}' AND NEW.event_type LIKE '%.ApplicationSubmitted.v1' THEN NEW.published_at := now(); END IF;
      RETURN NEW;
    END $$`);
  await db.query(`CREATE TRIGGER hold_back BEFORE INSERT ON registration.outbox FOR EACH ROW EXECUTE FUNCTION registration.hold_back()`);
}

async function release(db: DataSource, applicationId: string): Promise<void> {
  await db.query(`DROP TRIGGER hold_back ON registration.outbox`);
  await db.query(`DROP FUNCTION registration.hold_back()`);
  const [, updated] = (await db.query(
    `UPDATE registration.outbox SET published_at = NULL WHERE message_key = $1 AND event_type LIKE '%.ApplicationSubmitted.v1'`,
    [applicationId],
  )) as [unknown, number];
  if (updated !== 1) throw new Error(`expected one held outbox row for ${applicationId}, found ${updated}`);
}
