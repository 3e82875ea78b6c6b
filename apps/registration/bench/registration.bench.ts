/**
 * `npm run bench:registration [-- --per-level 400 --levels 8,32,96]`: the deadline surge. Many
 * applicants upload their documents and submit at once against the real registration service (its
 * own process, real PostgreSQL and Kafka), beside a bare Fastify + pg baseline doing the same writes
 * at the same concurrency in the same run. Prints requests/s, p50/p99 latency, the service's peak
 * memory, and checks that no submission was lost or duplicated.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  applicantIdentity,
  BenchLine,
  connectAsService,
  freshSchema,
  messageCount,
  peakMemoryMb,
  percentile,
  reportBench,
  sampleJpeg,
  samplePdf,
  serviceEnv,
  spawnService,
  testInfra,
  testKafka,
  testKeys,
  uniqueTopicPrefix,
  waitFor,
  waitUntilReady,
} from '@seleksi/testing';

const { values } = parseArgs({
  options: {
    'per-level': { type: 'string', default: '400' },
    levels: { type: 'string', default: '8,32,96' },
    'scrypt-cost': { type: 'string', default: '16384' },
  },
});
const perLevel = Number(values['per-level']);
const levels = values.levels!.split(',').map(Number);
const PHOTO = sampleJpeg(30_000);
const DIPLOMA = samplePdf(120_000);
const dist = process.env.SELEKSI_DIST ?? join(testInfra().repoRoot, 'dist');

interface Step {
  method: string;
  path: string;
  body?: Buffer | string;
  contentType?: string;
  token?: string;
  headers?: Record<string, string>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function send(base: string, step: Step): Promise<{ status: number; ms: number; json: () => Promise<any> }> {
  const started = performance.now();
  const headers: Record<string, string> = { ...(step.headers ?? {}) };
  if (step.token) headers.authorization = `Bearer ${step.token}`;
  if (step.contentType) headers['content-type'] = step.contentType;
  const res = await fetch(`${base}${step.path}`, {
    method: step.method,
    headers,
    body: typeof step.body === 'string' || step.body === undefined ? step.body : new Uint8Array(step.body),
  });
  const text = await res.text();
  return { status: res.status, ms: performance.now() - started, json: async () => JSON.parse(text) };
}

/** Runs `work` for every item with at most `concurrency` in flight; returns per-request latencies and wall time. */
async function drive<T>(items: T[], concurrency: number, work: (item: T, record: (ms: number) => void) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next++];
        await work(item, (ms) => latencies.push(ms));
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

function expectStatus(res: { status: number }, expected: number[], what: string): void {
  if (!expected.includes(res.status)) throw new Error(`${what}: HTTP ${res.status}`);
}

async function main(): Promise<void> {
  const prefix = uniqueTopicPrefix();
  process.stdout.write(`bench:registration: ${levels.length} concurrency levels × ${perLevel} applicants; setting up\n`);
  await freshSchema('registration');
  await freshSchema('bench_baseline');
  const registration = spawnService(
    'registration',
    serviceEnv('registration', 3191, {
      KAFKA_TOPIC_PREFIX: prefix,
      PASSWORD_SCRYPT_COST: values['scrypt-cost']!,
      LOG_LEVEL: 'warn',
      DB_POOL_SIZE: '20',
    }),
  );
  const baseline = spawn(process.execPath, [join(dist, 'apps/registration/bench/baseline-server.js')], {
    env: { ...process.env, PORT: '3192', DB_NAME: testInfra().pg.database, DB_USER: 'seleksi_bench_baseline', DB_POOL_SIZE: '20' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await waitUntilReady(registration, 90_000);
    await waitFor('baseline', async () => (await fetch('http://127.0.0.1:3192/applications/x').catch(() => undefined)) !== undefined, { timeoutMs: 30_000 });
    const svc = registration.url;
    const admin = testKeys().mint(randomUUID(), ['admin']);

    // Set-up, not measured: a period with one formation, and signed-in applicants with drafts.
    const code = `BENCH-${randomUUID().slice(0, 6).toUpperCase()}`;
    const period = await (
      await send(svc, {
        method: 'POST',
        path: '/admin/periods',
        token: admin,
        contentType: 'application/json',
        body: JSON.stringify({
          code,
          name: 'Bench period',
          agencyName: 'BKN',
          timeZone: 'WIB',
          registrationOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
          registrationClosesAt: new Date(Date.now() + 86_400_000).toISOString(),
          ageReferenceDate: '2026-12-31',
          ruleVersion: 'bench',
          placement: { reportingDate: '2027-03-01' },
        }),
      })
    ).json();
    const formation = await (
      await send(svc, {
        method: 'POST',
        path: `/admin/periods/${period.id}/formations`,
        token: admin,
        contentType: 'application/json',
        body: JSON.stringify({
          code: 'PK-AP',
          position: 'Pranata Komputer Ahli Pertama',
          unit: 'Command Center',
          formationType: 'general',
          quota: 100,
          requirements: {
            educationLevels: ['S1'],
            acceptedMajors: ['Teknik Informatika'],
            minimumGpa: 2.75,
            documents: [
              { type: 'pas-foto', mediaType: 'image/jpeg', maxBytes: 200 * 1024 },
              { type: 'ijazah', mediaType: 'application/pdf', maxBytes: 800 * 1024 },
            ],
          },
        }),
      })
    ).json();
    expectStatus(await send(svc, { method: 'POST', path: `/admin/periods/${period.id}/open`, token: admin }), [201], 'open');

    const total = perLevel * levels.length;
    const db = await connectAsService('registration', [], 2);
    const applicants: { token: string; applicationId: string }[] = [];
    const signUps = await drive(
      Array.from({ length: total }, (_, i) => i),
      32,
      async (i, record) => {
        const who = applicantIdentity(i, code);
        const signUp = await send(svc, {
          method: 'POST',
          path: '/accounts',
          contentType: 'application/json',
          body: JSON.stringify({ ...who, password: 'rahasia-123' }),
        });
        record(signUp.ms);
        expectStatus(signUp, [201], 'sign-up');
        const account = await signUp.json();
        await db.query(`UPDATE registration.accounts SET email_confirmed_at = now() WHERE id = $1`, [account.id]);
        const login = await send(svc, {
          method: 'POST',
          path: '/auth/login',
          contentType: 'application/json',
          body: JSON.stringify({ email: who.email, password: 'rahasia-123' }),
        });
        expectStatus(login, [200], 'login');
        const token = (await login.json()).accessToken;
        const draft = await send(svc, {
          method: 'POST',
          path: '/applications',
          token,
          contentType: 'application/json',
          body: JSON.stringify({ periodId: period.id, formationId: formation.id }),
        });
        expectStatus(draft, [201], 'draft');
        const applicationId = (await draft.json()).id;
        const patch = await send(svc, {
          method: 'PATCH',
          path: `/applications/${applicationId}`,
          token,
          contentType: 'application/json',
          body: JSON.stringify({
            education: {
              level: 'S1',
              institution: 'Universitas Indonesia',
              major: 'Teknik Informatika',
              accreditation: 'Unggul',
              gpa: 3.5,
              graduationDate: '2022-08-30',
            },
            declarations: ['DATA_TRUE', 'NOT_CIVIL_SERVANT', 'NO_CRIMINAL_RECORD', 'NOT_DISMISSED', 'NOT_PARTY_MEMBER'],
          }),
        });
        expectStatus(patch, [200], 'draft update');
        applicants.push({ token, applicationId });
        if (applicants.length % 200 === 0) process.stdout.write(`  set-up: ${applicants.length}/${total} applicants signed up with drafts\n`);
      },
    );

    const lines: BenchLine[] = [];
    const table: Record<string, unknown> = {};
    let saturation: number | undefined;
    let previousBaseline = 0;
    for (const [index, concurrency] of levels.entries()) {
      const slice = applicants.slice(index * perLevel, (index + 1) * perLevel);
      // The surge path: two uploads and a submit per applicant, through the real service...
      const pipeline = await drive(slice, concurrency, async (a, record) => {
        for (const [type, body, contentType] of [
          ['pas-foto', PHOTO, 'image/jpeg'],
          ['ijazah', DIPLOMA, 'application/pdf'],
        ] as const) {
          const up = await send(svc, { method: 'PUT', path: `/applications/${a.applicationId}/documents/${type}`, token: a.token, body, contentType });
          record(up.ms);
          expectStatus(up, [200], 'upload');
        }
        const submit = await send(svc, {
          method: 'POST',
          path: `/applications/${a.applicationId}/submit`,
          token: a.token,
          headers: { 'idempotency-key': `bench-${a.applicationId}` },
        });
        record(submit.ms);
        expectStatus(submit, [201], 'submit');
      });
      // ...and the same writes through the bare baseline.
      const ids = slice.map(() => randomUUID());
      await Promise.all(ids.map((id) => send('http://127.0.0.1:3192', { method: 'POST', path: `/applications/${id}` })));
      const bare = await drive(ids, concurrency, async (id, record) => {
        for (const [type, body, contentType] of [
          ['pas-foto', PHOTO, 'image/jpeg'],
          ['ijazah', DIPLOMA, 'application/pdf'],
        ] as const) {
          const up = await send('http://127.0.0.1:3192', { method: 'PUT', path: `/applications/${id}/documents/${type}`, body, contentType });
          record(up.ms);
          expectStatus(up, [200], 'baseline upload');
        }
        const submit = await send('http://127.0.0.1:3192', { method: 'POST', path: `/applications/${id}/submit` });
        record(submit.ms);
        expectStatus(submit, [201], 'baseline submit');
      });
      const rps = pipeline.latencies.length / pipeline.seconds;
      const baseRps = bare.latencies.length / bare.seconds;
      lines.push(
        { measure: `c=${concurrency} throughput`, pipeline: rps, baseline: baseRps, unit: 'req/s', higherIsBetter: true },
        {
          measure: `c=${concurrency} p50 latency`,
          pipeline: percentile(pipeline.latencies, 50),
          baseline: percentile(bare.latencies, 50),
          unit: 'ms',
          higherIsBetter: false,
        },
        {
          measure: `c=${concurrency} p99 latency`,
          pipeline: percentile(pipeline.latencies, 99),
          baseline: percentile(bare.latencies, 99),
          unit: 'ms',
          higherIsBetter: false,
        },
      );
      if (saturation === undefined && previousBaseline > 0 && baseRps < previousBaseline * 1.1) saturation = levels[index - 1];
      previousBaseline = baseRps;
      process.stdout.write(
        `  c=${concurrency}: service ${rps.toFixed(0)} req/s p99 ${percentile(pipeline.latencies, 99).toFixed(1)} ms; baseline ${baseRps.toFixed(0)} req/s p99 ${percentile(bare.latencies, 99).toFixed(1)} ms\n`,
      );
    }

    // No lost or duplicated submission: one submitted row, one registration number and one event each.
    const [counts] = await db.query(
      `SELECT count(*)::int AS submitted, count(DISTINCT registration_number)::int AS numbers FROM registration.applications WHERE status = 'submitted'`,
    );
    const kafka = testKafka();
    const admin2 = kafka.admin();
    await admin2.connect();
    await waitFor('every submission on the topic', async () => (await messageCount(admin2, `${prefix}seleksi.registration.v1`)) >= total + 2, {
      timeoutMs: 120_000,
    });
    const onTopic = (await messageCount(admin2, `${prefix}seleksi.registration.v1`)) - 2; // minus PeriodOpened and FormationPublished
    await admin2.disconnect();
    await db.destroy();
    table['applicants'] = total;
    table['submitted rows'] = counts.submitted;
    table['distinct registration numbers'] = counts.numbers;
    table['ApplicationSubmitted events on the topic'] = onTopic;
    table['lost or duplicated'] = total - counts.submitted + Math.abs(onTopic - total) + (counts.submitted - counts.numbers);
    table['baseline saturates at concurrency'] = saturation ?? levels.at(-1)!;
    table['sign-up p50 ms (scrypt N=' + values['scrypt-cost'] + ', not in the comparison)'] = percentile(signUps.latencies, 50);
    table['service peak memory MB'] = peakMemoryMb(registration.child.pid!);
    reportBench('registration', lines, table);
    if (table['lost or duplicated'] !== 0) process.exitCode = 1;
  } catch (error) {
    process.stderr.write(`service log (tail):\n${registration.logs().slice(-3000)}\n`);
    throw error;
  } finally {
    baseline.kill('SIGTERM');
    await registration.stop();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`bench:registration failed: ${error.stack}\n`);
  process.exit(1);
});
