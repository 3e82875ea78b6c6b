/**
 * npm run bench:screening [-- --events=N --bulk=N --queue-cases=N]
 *
 * 1. Ingestion: N ApplicationSubmitted events (default 20,000) are put on the registration topic,
 *    then the screening service (in this process, real broker and database) consumes them: inbox,
 *    validation, automatic checks, case insert and balanced verifier assignment, one transaction per
 *    event. Baseline, same run, same topic: a bare kafkajs consumer inserting each message's JSON
 *    into a table with one INSERT per message (no validation, checks or assignment).
 * 2. Bulk decision: POST /cases/decisions with B case ids (default 10,000) through HTTP (lock,
 *    update, verifier counters, B ScreeningDecided outbox rows, B audit rows) beside the bare
 *    one-statement UPDATE of B other cases (B is at most N/2).
 * 3. Queue: a verifier's queue page with Q cases in the schema (default 200,000; use
 *    --queue-cases=1000000 for the national figure), keyset cursor at depth beside OFFSET at the
 *    same depth.
 * Every figure is checked before it is printed (all cases present and assigned, all decided).
 */
import { createEnvelope, envelopeToHeaders, eventType, kkDigest } from '@seleksi/contracts';
import { TopicNames } from '@seleksi/messaging';
import {
  freshSchema,
  newIds,
  newPayload,
  peakMemoryMb,
  percentile,
  publishEvent,
  reportBench,
  startInProcess,
  TEST_KK_DIGEST_KEY,
  testKafka,
  testKeys,
  timed,
  uniqueTopicPrefix,
  waitFor,
} from '@seleksi/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ScreeningConfig } from '../src/screening.config';
import { ScreeningModule } from '../src/screening.module';

function flag(name: string, fallback: number): number {
  const given = process.argv.find((a) => a.startsWith(`--${name}=`));
  return given ? Number(given.split('=')[1]) : fallback;
}

const EVENTS = flag('events', 20_000);
const BULK = flag('bulk', 10_000);
const QUEUE_CASES = flag('queue-cases', 200_000);
const VERIFIERS = 20;

async function main(): Promise<void> {
  await freshSchema('screening');
  const kafka = testKafka('screening-bench');
  const prefix = uniqueTopicPrefix();
  const topic = new TopicNames(prefix).of('registration');
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 6 }], waitForLeaders: true });
  await admin.disconnect();

  // The period and its verifiers come first, as in production; then the submissions pile up on the topic.
  const ids = newIds();
  const periodOpened = newPayload('PeriodOpened', ids, { registrationClosesAt: new Date(Date.now() - 86_400_000).toISOString() });
  const svc = await startInProcess({
    service: 'screening',
    configType: ScreeningConfig,
    module: (c) => ScreeningModule.forConfig(c, { processMetrics: false }),
    env: { KAFKA_TOPIC_PREFIX: prefix, KK_DIGEST_KEY: TEST_KK_DIGEST_KEY, DB_POOL_SIZE: '10' },
  });
  try {
    const adminToken = testKeys().mint(randomUUID(), ['admin']);
    await publishEvent(kafka, prefix, 'PeriodOpened', periodOpened);
    await waitFor('period', async () => (await svc.dataSource.query(`SELECT 1 FROM screening.periods`)).length === 1);
    const verifiers: { id: string; kk: string }[] = [];
    for (let i = 0; i < VERIFIERS; i++) {
      const v = { id: randomUUID(), kk: `32730101${String(i).padStart(8, '0')}` };
      const res = await fetch(`${svc.url}/periods/${ids.periodId}/verifiers`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ accountId: v.id, name: `Verifikator ${i}`, kkNumber: v.kk }),
      });
      if (res.status !== 201) throw new Error(`verifier registration: ${res.status}`);
      verifiers.push(v);
    }
    await svc.close();

    // N submissions on the topic; every 50th shares a KK with verifier 0.
    const base = newPayload('ApplicationSubmitted', ids);
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const sharedKk = kkDigest(verifiers[0].kk, TEST_KK_DIGEST_KEY);
    for (let start = 0; start < EVENTS; start += 1_000) {
      const messages = Array.from({ length: Math.min(1_000, EVENTS - start) }, (_, k) => {
        const i = start + k;
        const applicationId = randomUUID();
        const data = {
          ...base,
          applicationId,
          registrationNumber: `REG-${i}`,
          applicant: { ...base.applicant, applicantId: randomUUID(), kkDigest: i % 50 === 0 ? sharedKk : `kk-${i}` },
          education: { ...base.education, gpa: i % 10 === 0 ? 2.5 : 3.4 },
        };
        const envelope = createEnvelope({
          type: eventType('ApplicationSubmitted'),
          source: 'registration',
          subject: applicationId,
          data,
          correlationId: randomUUID(),
        });
        return { key: applicationId, value: JSON.stringify(data), headers: envelopeToHeaders(envelope) };
      });
      await producer.send({ topic, acks: -1, messages });
    }
    await producer.disconnect();

    // 1a. The pipeline: the service comes back and its consumer group finds the whole backlog waiting.
    const countCases = async () => Number((await db.query(`SELECT count(*)::int AS n FROM screening.cases`)).rows[0].n);
    const db = new Client({ host: '127.0.0.1', port: Number(process.env.PGPORT ?? 5432), database: process.env.SELEKSI_TEST_DB, user: 'seleksi_screening' });
    await db.connect();
    const started = Date.now();
    const svc2 = await startInProcess({
      service: 'screening',
      configType: ScreeningConfig,
      module: (c) => ScreeningModule.forConfig(c, { processMetrics: false }),
      env: { KAFKA_TOPIC_PREFIX: prefix, KK_DIGEST_KEY: TEST_KK_DIGEST_KEY, DB_POOL_SIZE: '10', CONSUMER_CONCURRENT_PARTITIONS: '6' },
    });
    try {
      const readyAt = Date.now();
      const atReady = await countCases();
      await waitFor('all cases', async () => (await countCases()) === EVENTS, { timeoutMs: 30 * 60_000, intervalMs: 50 });
      const ingestMs = Date.now() - readyAt;
      const ingestRate = (EVENTS - atReady) / (ingestMs / 1000);
      const [check] = (
        await db.query(
          `SELECT count(*) FILTER (WHERE assigned_to IS NULL)::int AS unassigned,
                  count(*) FILTER (WHERE recommendation IS NULL)::int AS unchecked FROM screening.cases`,
        )
      ).rows as { unassigned: number; unchecked: number }[];
      if (check.unassigned > 0 || check.unchecked > 0) throw new Error(`after ingestion: ${JSON.stringify(check)}`);
      const [family] = (await db.query(`SELECT count(*)::int AS n FROM screening.cases WHERE kk_digest = $1 AND assigned_to = $2`, [sharedKk, verifiers[0].id]))
        .rows as { n: number }[];
      if (family.n > 0) throw new Error(`${family.n} cases assigned to a verifier of the same family`);
      const loads = (await db.query(`SELECT open_cases FROM screening.verifiers`)).rows.map((r: { open_cases: number }) => r.open_cases);

      // 1b. Baseline: a bare consumer of the same topic, one INSERT per message.
      await db.query(`CREATE TABLE IF NOT EXISTS screening.bench_raw (application_id uuid PRIMARY KEY, body jsonb NOT NULL)`);
      const raw = new Client({ host: '127.0.0.1', port: Number(process.env.PGPORT ?? 5432), database: process.env.SELEKSI_TEST_DB, user: 'seleksi_screening' });
      await raw.connect();
      const consumer = kafka.consumer({ groupId: `bench-raw-${randomUUID()}`, sessionTimeout: 6_000 });
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      let inserted = 0;
      const rawStarted = Date.now();
      await new Promise<void>((resolve) => {
        void consumer.run({
          partitionsConsumedConcurrently: 6,
          eachMessage: async ({ message }) => {
            const body = message.value!.toString();
            if (!message.headers?.['ce_type']?.toString().includes('ApplicationSubmitted')) return;
            await raw.query(`INSERT INTO screening.bench_raw (application_id, body) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [message.key!.toString(), body]);
            inserted += 1;
            if (inserted === EVENTS) resolve();
          },
        });
      });
      const rawMs = Date.now() - rawStarted;
      await consumer.disconnect();
      await raw.end();

      // 2. Bulk decision of B cases by one verifier, through HTTP.
      const bulk = Math.min(BULK, Math.floor(EVENTS / 2));
      const v = verifiers[1];
      const pick = (await db.query(`SELECT application_id FROM screening.cases ORDER BY application_id LIMIT $1`, [2 * bulk])).rows.map(
        (r: { application_id: string }) => r.application_id,
      );
      const mine = pick.slice(0, bulk);
      const others = pick.slice(bulk);
      await db.query(`UPDATE screening.cases SET assigned_to = $1 WHERE application_id = ANY($2::uuid[])`, [v.id, mine]);
      const token = testKeys().mint(v.id, ['verifier']);
      const decision = await timed(async () => {
        const res = await fetch(`${svc2.url}/cases/decisions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ applicationIds: mine, result: 'TMS', reasonCodes: ['GPA_BELOW_MINIMUM'] }),
        });
        if (res.status !== 200) throw new Error(`bulk decision: ${res.status} ${await res.text()}`);
      });
      const [decided] = (await db.query(`SELECT count(*)::int AS n FROM screening.cases WHERE decided_by = $1`, [v.id])).rows as { n: number }[];
      if (decided.n !== bulk) throw new Error(`bulk decision decided ${decided.n} of ${bulk}`);
      const bare = await timed(() =>
        db.query(`UPDATE screening.cases SET status = 'DECIDED', result = 'MS', decided_at = now() WHERE application_id = ANY($1::uuid[])`, [others]),
      );

      // 3. Queue listing with Q cases in the schema: 1% of them in the measured verifier's queue.
      const qv = randomUUID();
      await db.query(
        `INSERT INTO screening.cases (application_id, period_id, formation_id, rule_version, submission, applicant_id, kk_digest, assigned_to, created_at)
         SELECT gen_random_uuid(), $1, $2, 'bench', jsonb_build_object('registrationNumber', 'Q-' || i, 'applicant', jsonb_build_object('fullName', 'Pelamar ' || i)),
                gen_random_uuid(), 'kk' || i, CASE WHEN i % 100 = 0 THEN $3::uuid ELSE md5('v' || (i % 99))::uuid END,
                now() - (i || ' seconds')::interval
           FROM generate_series(1, $4::int) i`,
        [ids.periodId, ids.formationId, qv, QUEUE_CASES],
      );
      await db.query(`ANALYZE screening.cases`);
      const qToken = testKeys().mint(qv, ['verifier']);
      const depth = Math.floor(QUEUE_CASES / 100 / 2);
      const httpFirstPage: number[] = [];
      for (let k = 0; k < 20; k++) {
        httpFirstPage.push(
          (await timed(async () => (await fetch(`${svc2.url}/cases/queue?limit=100`, { headers: { authorization: `Bearer ${qToken}` } })).json())).ms,
        );
      }
      // The row at `depth` is where a cursor would point after depth/100 pages.
      const [at] = (
        await db.query(
          `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at, application_id FROM screening.cases
            WHERE assigned_to = $1 AND status = 'PENDING' ORDER BY created_at, application_id OFFSET $2 LIMIT 1`,
          [qv, depth - 1],
        )
      ).rows as { created_at: string; application_id: string }[];
      const keysetTimes: number[] = [];
      const offsetTimes: number[] = [];
      for (let k = 0; k < 20; k++) {
        keysetTimes.push(
          (
            await timed(() =>
              db.query(
                `SELECT application_id FROM screening.cases WHERE assigned_to = $1 AND status = 'PENDING'
                    AND (created_at, application_id) > ($2::timestamptz, $3::uuid) ORDER BY created_at, application_id LIMIT 100`,
                [qv, at.created_at, at.application_id],
              ),
            )
          ).ms,
        );
        offsetTimes.push(
          (
            await timed(() =>
              db.query(
                `SELECT application_id FROM screening.cases WHERE assigned_to = $1 AND status = 'PENDING' ORDER BY created_at, application_id OFFSET $2 LIMIT 100`,
                [qv, depth],
              ),
            )
          ).ms,
        );
      }

      reportBench(
        'screening',
        [
          {
            measure: `ingestion from Kafka (${EVENTS} submissions)`,
            pipeline: ingestRate,
            baseline: EVENTS / (rawMs / 1000),
            unit: 'cases/s',
            higherIsBetter: true,
          },
          { measure: `bulk decision of ${bulk} cases (HTTP)`, pipeline: decision.ms, baseline: bare.ms, unit: 'ms', higherIsBetter: false },
          {
            measure: `queue page at depth ${depth}, keyset vs OFFSET, p50`,
            pipeline: percentile(keysetTimes, 50),
            baseline: percentile(offsetTimes, 50),
            unit: 'ms',
            higherIsBetter: false,
          },
        ],
        {
          events: EVENTS,
          verifiers: VERIFIERS,
          assignmentSpread: Math.max(...loads) - Math.min(...loads),
          queueCasesInSchema: QUEUE_CASES + EVENTS,
          queueFirstPageHttpP50Ms: percentile(httpFirstPage, 50),
          queueFirstPageHttpP95Ms: percentile(httpFirstPage, 95),
          bootToReadyMs: readyAt - started,
          peakMemoryMb: peakMemoryMb(),
        },
      );
    } finally {
      await svc2.close();
      await db.end();
    }
  } finally {
    await svc.close().catch(() => undefined);
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exit(1);
  });
