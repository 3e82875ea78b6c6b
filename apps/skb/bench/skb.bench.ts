/**
 * npm run bench:skb [-- --rows=N --formations=F --heap-mb=M --publish=0|1]
 *
 * The skb service runs as its own process (the compiled main, as in production) against the bench
 * database and the real broker. Setup, not measured: a period (CAT 60% imported 0–500, practical 40%
 * entered 0–100), F formations (default 1,000) and N participants (default 500,000) inserted with
 * SQL as the service's own role, and every practical score.
 *
 * 1. Import: a CAT file of N rows (one per participant, about 1% TH) POSTed as text/csv: parse, check
 *    every row, look the participants up, write the scores and the change set, and one event batch for
 *    the N SkbScoresRecorded, one transaction. Baseline: psql \copy of the same file into a bare table
 *    (no checks, no events). For scale, "raw apply": the same rows written into a table shaped like
 *    skb.scores by one statement that looks the participants up.
 * 2. Finalize: POST /periods/:id/finalize ranks every formation, stores N results and one event batch for
 *    the N SkbResultFinalized, one transaction. Baseline: the same totals, pass rules and ranking as one
 *    SQL statement (window functions) writing a bare results table.
 * Both outcomes are checked against each other before anything is printed. The relay is slowed
 * (OUTBOX_POLL_MS) so publishing does not compete with the measured steps.
 * 3. With --publish=1 (default), the service is stopped and a fresh instance's relay publishes both event
 *    batches (2N events); the time from its start until the outbox is empty is reported, and the topic
 *    must then hold the 2N events.
 */
import { SkbRules } from '@seleksi/contracts';
import { TopicNames } from '@seleksi/messaging';
import {
  clientAs,
  freshSchema,
  messageCount,
  newIds,
  peakMemoryMb,
  reportBench,
  serviceEnv,
  spawnService,
  testInfra,
  testKafka,
  testKeys,
  timed,
  uniqueTopicPrefix,
  waitFor,
  waitUntilReady,
} from '@seleksi/testing';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

function flag(name: string, fallback: number): number {
  const given = process.argv.find((a) => a.startsWith(`--${name}=`));
  return given ? Number(given.split('=')[1]) : fallback;
}

const ROWS = flag('rows', 500_000);
const FORMATIONS = flag('formations', 1_000);
const PORT = flag('port', 39_000 + Math.floor(Math.random() * 1000));
/** Caps the service's V8 old space (MiB), as a deployment should (Node's default lets garbage pile up past 512 MB RSS); 0 leaves the default. */
const HEAP_MB = flag('heap-mb', 384);
/** 0 skips step 3 (publishing the 2N events to the broker). */
const PUBLISH = flag('publish', 1);

const RULES: SkbRules = {
  components: [
    { component: 'cat', label: 'CAT', source: 'IMPORT', weight: 60, maxScore: 500, passingGrade: 250 },
    { component: 'practical', label: 'Tes praktik', source: 'MANUAL', weight: 40, maxScore: 100, passingGrade: 60 },
  ],
  totalPassingGrade: 60,
  proceedFactor: 3,
  disabilityExtraMinutes: 30,
};

async function setup(db: Client, periodId: string, ruleVersion: string): Promise<string[]> {
  await db.query(`INSERT INTO skb.periods (period_id, rule_version, time_zone, rules) VALUES ($1, $2, 'WIB', $3)`, [
    periodId,
    ruleVersion,
    JSON.stringify(RULES),
  ]);
  await db.query(
    `INSERT INTO skb.formations (formation_id, period_id, code, position, formation_type, quota)
     SELECT gen_random_uuid(), $1, 'F' || lpad(g::text, 4, '0'), 'Pranata Komputer', CASE WHEN g % 50 = 0 THEN 'disability' ELSE 'general' END, 1 + g % 5
       FROM generate_series(1, $2::int) g`,
    [periodId, FORMATIONS],
  );
  await db.query(
    `INSERT INTO skb.participants (application_id, period_id, formation_id, full_name, registration_number, rule_version, applicant_id,
       gpa, date_of_birth, kk_digest, participant_number)
     SELECT gen_random_uuid(), $1, f.formation_id, 'Peserta ' || g, 'REG-' || g, $2, gen_random_uuid(), 2.75 + (g % 126) / 100.0,
            date '1992-01-01' + (g % 4000), md5(g::text), f.code || '-' || lpad((g / $4::int + 1)::text, 5, '0')
       FROM generate_series(0, $3::int - 1) g
       JOIN (SELECT formation_id, code, (row_number() OVER (ORDER BY code) - 1)::int AS k FROM skb.formations WHERE period_id = $1) f ON f.k = g % $4::int`,
    [periodId, ruleVersion, ROWS, FORMATIONS],
  );
  await db.query(
    `INSERT INTO skb.scores (application_id, component, value, recorded_at)
     SELECT application_id, 'practical', 40 + abs(hashtext(application_id::text)) % 61, now() FROM skb.participants WHERE period_id = $1`,
    [periodId],
  );
  await db.query(`ANALYZE skb.participants; ANALYZE skb.scores; ANALYZE skb.formations`);
  const rows: { n: string }[] = (await db.query(`SELECT participant_number AS n FROM skb.participants WHERE period_id = $1 ORDER BY n`, [periodId])).rows;
  return rows.map((r) => r.n);
}

function catFile(numbers: string[]): string {
  const lines = ['participant_number,component,score'];
  numbers.forEach((n, i) => {
    // Deterministic, spread over 0–500 in half points (so ties happen), about 1% absent.
    const h = (i * 2654435761) % 1001;
    lines.push(i % 97 === 13 ? `${n},cat,TH` : `${n},cat,${(h / 2).toFixed(1)}`);
  });
  return `${lines.join('\n')}\n`;
}

/** The baseline ranking: totals, pass rules, rank and cut-off (ties included) in one statement. */
const BASELINE_RANKING = `
  CREATE TABLE skb.bench_results AS
  WITH t AS (
    SELECT p.application_id, p.formation_id, p.attendance, f.quota,
           round((60 * c.value / 500 + 40 * pr.value / 100)::numeric, 2) AS total,
           c.value >= 250 AND pr.value >= 60 AS components_pass
      FROM skb.participants p
      JOIN skb.formations f ON f.formation_id = p.formation_id
      LEFT JOIN skb.scores c ON c.application_id = p.application_id AND c.component = 'cat'
      LEFT JOIN skb.scores pr ON pr.application_id = p.application_id AND pr.component = 'practical'
     WHERE p.period_id = $1),
  passed AS (
    SELECT application_id, rank() OVER (PARTITION BY formation_id ORDER BY total DESC) AS rank
      FROM t WHERE attendance IS NULL AND components_pass AND total >= 60)
  SELECT t.application_id, t.total, passed.rank,
         CASE WHEN t.attendance IS NOT NULL THEN t.attendance
              WHEN passed.rank IS NULL THEN 'TL'
              WHEN passed.rank <= floor(3 * t.quota) THEN 'P/L' ELSE 'P' END AS outcome
    FROM t LEFT JOIN passed USING (application_id)`;

async function main(): Promise<void> {
  const { pg } = testInfra();
  await freshSchema('skb');
  const env = serviceEnv('skb', PORT, {
    KAFKA_TOPIC_PREFIX: uniqueTopicPrefix(),
    HTTP_BODY_LIMIT_BYTES: String(256 * 1024 * 1024),
    OUTBOX_POLL_MS: String(3_600_000),
    DB_POOL_SIZE: '5',
    LOG_LEVEL: 'warn',
    ...(HEAP_MB > 0 ? { NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}` } : {}),
  });
  const service = spawnService('skb', env);
  try {
    await waitUntilReady(service, 90_000);
    const db = await clientAs('seleksi_skb');
    const { periodId, ruleVersion } = newIds();
    process.stdout.write(`setup: ${FORMATIONS} formations, ${ROWS} participants...\n`);
    const numbers = await setup(db, periodId, ruleVersion);
    const csv = catFile(numbers);
    const file = join(mkdtempSync(join(tmpdir(), 'skb-bench-')), 'cat.csv');
    writeFileSync(file, csv);
    const token = testKeys().mint(randomUUID(), ['skb-officer']);

    // Baseline 1: COPY of the same rows into a bare table.
    await db.query(`CREATE TABLE skb.bench_copy (participant_number text, component text, score text)`);
    const copy = await timed(async () => {
      const r = spawnSync(
        'psql',
        [
          '-h',
          pg.host,
          '-p',
          String(pg.port),
          '-U',
          'seleksi_skb',
          '-d',
          pg.database,
          '-v',
          'ON_ERROR_STOP=1',
          '-c',
          `\\copy skb.bench_copy FROM '${file}' WITH (FORMAT csv, HEADER true)`,
        ],
        { encoding: 'utf8' },
      );
      if (r.status !== 0) throw new Error(`psql copy failed: ${r.stderr}`);
    });
    const copied = Number((await db.query(`SELECT count(*) AS n FROM skb.bench_copy`)).rows[0].n);
    if (copied !== ROWS) throw new Error(`baseline copied ${copied} of ${ROWS} rows`);
    // For scale, not a baseline: the same rows written into a table shaped like skb.scores (its primary
    // key) by one statement that looks the participants up, with no checks and no events.
    await db.query(`CREATE TABLE skb.bench_scores (LIKE skb.scores INCLUDING ALL)`);
    const rawApply = await timed(() =>
      db.query(
        `INSERT INTO skb.bench_scores (application_id, component, value, recorded_at)
         SELECT p.application_id, c.component, c.score::numeric, now() FROM skb.bench_copy c
           JOIN skb.participants p ON p.period_id = $1 AND p.participant_number = c.participant_number
          WHERE c.score ~ '^[0-9.]+$'`,
        [periodId],
      ),
    );

    process.stdout.write(`import: POST ${(csv.length / 1e6).toFixed(1)} MB...\n`);
    const imported = await timed(async () => {
      const res = await fetch(`${service.url}/periods/${periodId}/score-imports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body: csv,
      });
      const body = (await res.json()) as { rows?: number };
      if (res.status !== 200 || body.rows !== ROWS) throw new Error(`import answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
    });

    // Baseline 2: the same ranking as one SQL statement.
    const ranking = await timed(() => db.query(BASELINE_RANKING, [periodId]));
    process.stdout.write('finalize...\n');
    const finalized = await timed(async () => {
      const res = await fetch(`${service.url}/periods/${periodId}/finalize`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      const body = (await res.json()) as { participants?: number };
      if (res.status !== 200 || body.participants !== ROWS) throw new Error(`finalize answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
    });
    const peak = peakMemoryMb(service.child.pid as number);

    const [diff] = (
      await db.query(
        `SELECT count(*)::int AS n FROM skb.results r JOIN skb.bench_results b USING (application_id)
          WHERE r.outcome <> b.outcome OR r.rank IS DISTINCT FROM b.rank::int OR (r.total IS NOT NULL AND r.total <> b.total)`,
      )
    ).rows as { n: number }[];
    if (diff.n !== 0) throw new Error(`${diff.n} results differ from the baseline ranking`);
    // Each step's events are one event batch (the relay reads them back from the scores and results).
    const batches = (await db.query(`SELECT batch_source AS source FROM skb.outbox ORDER BY id`)).rows.map((r: { source: string | null }) => r.source);
    if (batches.join() !== 'skb.scores-recorded,skb.results-finalized')
      throw new Error(`expected the two event batches in the outbox, found ${batches.join()}`);

    // 3. Publication, for scale (no goal in the issue): the relay of a fresh instance with the usual poll
    // interval takes over and publishes both batches, 2N events, page by page.
    let publishMs: number | null = null;
    let publisherPeakMb: number | null = null;
    if (PUBLISH) {
      await service.stop();
      process.stdout.write(`publishing ${2 * ROWS} events from the two batches...\n`);
      const publisher = spawnService('skb', { ...env, OUTBOX_POLL_MS: '200' });
      try {
        const published = await timed(async () => {
          await waitUntilReady(publisher, 90_000);
          await waitFor(
            'both event batches published',
            async () => Number((await db.query(`SELECT count(*) AS n FROM skb.outbox WHERE published_at IS NULL`)).rows[0].n) === 0,
            { timeoutMs: 60 * 60_000, intervalMs: 250 },
          );
        });
        publishMs = published.ms;
        publisherPeakMb = peakMemoryMb(publisher.child.pid as number);
      } finally {
        await publisher.stop();
      }
      const admin = testKafka().admin();
      await admin.connect();
      const onTopic = await messageCount(admin, new TopicNames(env.KAFKA_TOPIC_PREFIX).of('skb'));
      await admin.disconnect();
      if (onTopic < 2 * ROWS) throw new Error(`expected at least ${2 * ROWS} events on the topic, found ${onTopic}`);
    }
    await db.end();

    reportBench(
      'skb',
      [
        {
          measure: `import ${ROWS} CAT rows (checked, events)`,
          pipeline: ROWS / (imported.ms / 1000),
          baseline: ROWS / (copy.ms / 1000),
          unit: 'rows/s',
          higherIsBetter: true,
        },
        { measure: `finalize ${ROWS} in ${FORMATIONS} formations`, pipeline: finalized.ms, baseline: ranking.ms, unit: 'ms', higherIsBetter: false },
      ],
      {
        rows: ROWS,
        formations: FORMATIONS,
        serviceHeapCapMb: HEAP_MB || 'node default',
        serviceMemoryPeakMb: peak,
        importMs: imported.ms,
        copyMs: copy.ms,
        rawApplyMs: rawApply.ms,
        ...(publishMs === null
          ? {}
          : { publishMs, publishedEventsPerSecond: Math.round((2 * ROWS) / (publishMs / 1000)), publisherMemoryPeakMb: publisherPeakMb }),
        loadAverage: loadavg()
          .map((l) => l.toFixed(1))
          .join(' '),
      },
    );
  } finally {
    await service.stop();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`skb bench failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
