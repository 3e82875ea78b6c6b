import { randomUUID } from 'node:crypto';
import {
  applicantIdentity,
  connectAsService,
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

async function call(
  base: string,
  method: string,
  path: string,
  options: { token?: string; json?: unknown; raw?: Buffer; type?: string } = {},
): Promise<{ status: number; body: Json }> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | Uint8Array | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.raw) {
    headers['content-type'] = options.type ?? 'application/octet-stream';
    body = new Uint8Array(options.raw);
  }
  const res = await fetch(`${base}${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, body: text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text };
}

/**
 * The first stages as an agency runs them, through the public HTTP APIs of two real service
 * processes: the admin opens a period in registration, applicants sign up and submit there, the
 * case reaches screening by Kafka, a verifier decides, the admin announces, and the applicant reads
 * the result in registration's timeline and appeals in screening with the token registration issued.
 */
describe('from registration to the appeal, across services', () => {
  const prefix = uniqueTopicPrefix();
  let registration: ServiceProcess;
  let screening: ServiceProcess;
  let registrationDb: DataSource;

  beforeAll(async () => {
    registration = spawnService('registration', serviceEnv('registration', 3121, { KAFKA_TOPIC_PREFIX: prefix }));
    screening = spawnService('screening', serviceEnv('screening', 3122, { KAFKA_TOPIC_PREFIX: prefix }));
    await Promise.all([waitUntilReady(registration, 90_000), waitUntilReady(screening, 90_000)]);
    registrationDb = await connectAsService('registration', [], 1);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([registration.stop(), screening.stop()]);
    await registrationDb.destroy();
  });

  it('takes two applicants to an announced result, a TMS with its reason on the timeline, and an appeal', async () => {
    const reg = registration.url;
    const scr = screening.url;
    const admin = testKeys().mint(randomUUID(), ['admin']);
    const closesAt = new Date(Date.now() + 15_000);
    const period = await call(reg, 'POST', '/admin/periods', {
      token: admin,
      json: {
        code: `E2E-${randomUUID().slice(0, 6).toUpperCase()}`,
        name: 'Seleksi E2E',
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
    const formation = await call(reg, 'POST', `/admin/periods/${period.body.id}/formations`, {
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
    expect((await call(reg, 'POST', `/admin/periods/${period.body.id}/open`, { token: admin })).status).toBe(201);

    const verifierId = randomUUID();
    const verifier = testKeys().mint(verifierId, ['verifier']);
    await waitFor(
      'screening to hear of the period',
      async () =>
        (
          await call(scr, 'POST', `/periods/${period.body.id}/verifiers`, {
            token: admin,
            json: { accountId: verifierId, name: 'Rina Verifikator', kkNumber: '3273011009180003' },
          })
        ).status === 201,
      { timeoutMs: 30_000, intervalMs: 500 },
    );

    // The registration schema outlives a run here; a random slice of identities keeps NIKs unused.
    const base = 10 * Math.floor(Math.random() * 9_000);
    const applicants: { token: string; applicationId: string }[] = [];
    for (const [i, gpa] of [
      [0, 3.6],
      [1, 2.8],
    ] as const) {
      const who = applicantIdentity(base + i, prefix.replace(/\W/g, ''));
      const signUp = await call(reg, 'POST', '/accounts', { json: { ...who, password: 'rahasia-123' } });
      expect(signUp.status).toBe(201);
      const [mail] = await registrationDb.query(`SELECT body FROM registration.mail_outbox WHERE account_id = $1`, [signUp.body.id]);
      await call(reg, 'POST', '/accounts/confirm-email', { json: { token: /token=([\w-]+)/.exec(mail.body)![1] } });
      const token = (await call(reg, 'POST', '/auth/login', { json: { email: who.email, password: 'rahasia-123' } })).body.accessToken;
      const draft = await call(reg, 'POST', '/applications', { token, json: { periodId: period.body.id, formationId: formation.body.id } });
      await call(reg, 'PATCH', `/applications/${draft.body.id}`, {
        token,
        json: {
          education: {
            level: 'S1',
            institution: 'Universitas Contoh',
            major: 'Teknik Informatika',
            accreditation: 'Unggul',
            gpa,
            graduationDate: '2022-08-30',
          },
          declarations: ['DATA_TRUE', 'NOT_CIVIL_SERVANT', 'NO_CRIMINAL_RECORD', 'NOT_DISMISSED', 'NOT_PARTY_MEMBER'],
        },
      });
      await call(reg, 'PUT', `/applications/${draft.body.id}/documents/pas-foto`, { token, raw: sampleJpeg(), type: 'image/jpeg' });
      await call(reg, 'PUT', `/applications/${draft.body.id}/documents/ijazah`, { token, raw: samplePdf(), type: 'application/pdf' });
      expect((await call(reg, 'POST', `/applications/${draft.body.id}/submit`, { token })).status).toBe(201);
      applicants.push({ token, applicationId: draft.body.id });
    }
    const [eligible, lowGpa] = applicants;

    // Each submission becomes a case in screening, assigned to the verifier, with its checks.
    await waitFor('both cases in the verifier queue', async () => (await call(scr, 'GET', '/cases/queue', { token: verifier })).body.items?.length === 2, {
      timeoutMs: 30_000,
      intervalMs: 500,
    });
    const detail = await call(scr, 'GET', `/cases/${lowGpa.applicationId}`, { token: verifier });
    expect(detail.status).toBe(200);
    expect(JSON.stringify(detail.body)).toContain('GPA');
    expect((await call(scr, 'POST', `/cases/${eligible.applicationId}/decision`, { token: verifier, json: { result: 'MS' } })).status).toBeLessThan(300);
    expect(
      (await call(scr, 'POST', `/cases/${lowGpa.applicationId}/decision`, { token: verifier, json: { result: 'TMS', reasonCodes: ['GPA_BELOW_MINIMUM'] } }))
        .status,
    ).toBeLessThan(300);

    // Before the announcement the applicant's timeline does not show the decision.
    await new Promise((r) => setTimeout(r, 1_000));
    const before = await call(reg, 'GET', `/applications/${lowGpa.applicationId}/timeline`, { token: lowGpa.token });
    expect(before.body.stages.find((s: Json) => s.stage === 'administrative').outcome).toBeNull();

    // After the deadline the admin closes the period in registration and announces in screening once
    // registration's count has arrived; the result and reason reach the timeline.
    await waitFor('the deadline to pass', async () => Date.now() > closesAt.getTime(), { timeoutMs: 60_000, intervalMs: 500 });
    expect((await call(reg, 'POST', `/admin/periods/${period.body.id}/close`, { token: admin })).body.status).toBe('closed');
    await waitFor(
      'the announcement to be accepted once screening holds what registration handed over',
      async () => (await call(scr, 'POST', `/periods/${period.body.id}/announcement`, { token: admin })).status < 300,
      { timeoutMs: 60_000, intervalMs: 1_000 },
    );
    await waitFor(
      'the TMS and its reason on the timeline',
      async () => {
        const t = await call(reg, 'GET', `/applications/${lowGpa.applicationId}/timeline`, { token: lowGpa.token });
        const stage = t.body.stages.find((s: Json) => s.stage === 'administrative');
        return stage.outcome === 'TMS' && stage.reasons[0]?.code === 'GPA_BELOW_MINIMUM' && / WIB$/.test(t.body.next.when ?? '');
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );

    // The applicant appeals in screening with the token registration issued; the timeline follows.
    const appeal = await call(scr, 'POST', `/applications/${lowGpa.applicationId}/appeal`, {
      token: lowGpa.token,
      json: { text: 'IPK saya 3,08 pada transkrip; yang terbaca 2,8 adalah salah ketik.' },
    });
    expect(appeal.status).toBe(201);
    expect(
      (await call(scr, 'POST', `/applications/${eligible.applicationId}/appeal`, { token: lowGpa.token, json: { text: 'bukan milik saya' } })).status,
    ).toBe(404);
    await waitFor(
      'the appeal on the timeline',
      async () => {
        const t = await call(reg, 'GET', `/applications/${lowGpa.applicationId}/timeline`, { token: lowGpa.token });
        return t.body.stages.find((s: Json) => s.stage === 'administrative').entries.some((e: Json) => e.what === 'Appeal filed');
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
  }, 180_000);
});
