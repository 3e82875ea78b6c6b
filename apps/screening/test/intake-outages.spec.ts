import { ApplicationSubmitted, eventType } from '@seleksi/contracts';
import { TopicNames } from '@seleksi/messaging';
import {
  freshSchema,
  InProcessService,
  messageCount,
  newIds,
  newPayload,
  publishMany,
  startInProcess,
  TEST_KK_DIGEST_KEY,
  testKafka,
  waitFor,
} from '@seleksi/testing';
import { QueryRunner } from 'typeorm';
import { ScreeningConfig } from '../src/screening.config';
import { ScreeningModule } from '../src/screening.module';

const POOL_SIZE = 3;
const SURGE = 200;
const HOLD_MS = 15_000;

/**
 * Screening's pool exhausted by long transactions in the middle of a surge of submissions: the
 * intake cannot get a connection (a pool timeout after 5 s), waits, and applies everything once the
 * transactions end. Before the fix the pool timeouts dead-lettered the chunk in hand.
 */
describe('screening intake with its pool exhausted', () => {
  let svc: InProcessService<ScreeningConfig>;
  const kafka = testKafka('pool-drill');

  beforeAll(async () => {
    await freshSchema('screening');
    svc = await startInProcess({
      service: 'screening',
      configType: ScreeningConfig,
      module: (c) => ScreeningModule.forConfig(c, { processMetrics: false }),
      env: { KK_DIGEST_KEY: TEST_KK_DIGEST_KEY, DB_POOL_SIZE: String(POOL_SIZE), CONSUMER_RETRY_MAX_MS: '1000', CONSUMER_BATCH_SIZE: '50' },
    });
  }, 120_000);

  afterAll(async () => {
    await svc?.close();
  });

  const count = async (sql: string, params: unknown[]) => ((await svc.dataSource.query(sql, params)) as { n: number }[])[0].n;

  async function openPeriod(): Promise<{ periodId: string; submissions: ApplicationSubmitted[] }> {
    const ids = newIds();
    await publishMany(kafka, svc.topicPrefix, 'PeriodOpened', [newPayload('PeriodOpened', ids)]);
    await publishMany(kafka, svc.topicPrefix, 'FormationPublished', [newPayload('FormationPublished', ids)]);
    const submissions = Array.from({ length: SURGE }, () =>
      newPayload('ApplicationSubmitted', newIds({ periodId: ids.periodId, formationId: ids.formationId })),
    );
    return { periodId: ids.periodId, submissions };
  }

  /** What the surge left: its cases and their automatic recommendations, ids left out so two surges compare. */
  async function outcome(periodId: string) {
    return svc.dataSource.query(
      `SELECT count(*)::int AS cases, count(DISTINCT application_id)::int AS applications, min(recommendation) AS first, max(recommendation) AS last
         FROM screening.cases WHERE period_id = $1`,
      [periodId],
    );
  }

  const casesOf = (periodId: string) => count(`SELECT count(*)::int AS n FROM screening.cases WHERE period_id = $1`, [periodId]);

  it('waits for a connection instead of dead-lettering, and ends as a fault-free surge does', async () => {
    const calm = await openPeriod();
    await publishMany(kafka, svc.topicPrefix, 'ApplicationSubmitted', calm.submissions);
    await waitFor('the fault-free surge applied', async () => (await casesOf(calm.periodId)) === SURGE, { timeoutMs: 60_000 });
    const expected = await outcome(calm.periodId);

    const stormy = await openPeriod();
    await publishMany(kafka, svc.topicPrefix, 'ApplicationSubmitted', stormy.submissions.slice(0, 40));
    await waitFor('the first submissions applied', async () => (await casesOf(stormy.periodId)) === 40, { timeoutMs: 60_000 });
    // Long transactions take every connection the pool has left (the relay keeps one for its lock):
    // connections are taken until the pool times out.
    const holders: QueryRunner[] = [];
    for (;;) {
      const runner = svc.dataSource.createQueryRunner();
      try {
        await runner.startTransaction();
        await runner.query('SELECT 1');
        holders.push(runner);
      } catch {
        await runner.release();
        break;
      }
    }
    expect(holders.length).toBeGreaterThan(0);
    const heldAt = Date.now();
    await publishMany(kafka, svc.topicPrefix, 'ApplicationSubmitted', stormy.submissions.slice(40));
    const ready = await waitFor(
      'readiness to name PostgreSQL',
      async () => {
        const res = await fetch(`${svc.url}/health/ready`);
        const body = (await res.json()) as { down?: { dependency: string; error: string }[] };
        return res.status === 503 && body.down?.some((d) => d.dependency === 'postgres') ? body : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    expect(ready.down?.find((d) => d.dependency === 'postgres')?.error).toMatch(/timeout exceeded when trying to connect/);
    await new Promise((r) => setTimeout(r, Math.max(0, HOLD_MS - (Date.now() - heldAt))));
    for (const runner of holders) {
      await runner.rollbackTransaction();
      await runner.release();
    }

    await waitFor('the whole surge applied', async () => (await casesOf(stormy.periodId)) === SURGE, { timeoutMs: 60_000 });
    expect(await outcome(stormy.periodId)).toEqual(expected);
    const ids = stormy.submissions.map((s) => s.applicationId);
    expect(await count(`SELECT count(*)::int AS n FROM screening.cases WHERE application_id = ANY($1::uuid[])`, [ids])).toBe(SURGE);
    expect(await count(`SELECT count(*)::int AS n FROM screening.inbox WHERE event_type = $1`, [eventType('ApplicationSubmitted')])).toBe(2 * SURGE);
    const admin = kafka.admin();
    await admin.connect();
    try {
      expect(await messageCount(admin, `${new TopicNames(svc.topicPrefix).of('registration')}.dlq`)).toBe(0);
    } finally {
      await admin.disconnect();
    }
    const metrics = await (await fetch(`${svc.url}/metrics`)).text();
    const paused = metrics.split('\n').filter((l) => l.startsWith('seleksi_consumer_paused_seconds_total{'));
    expect(paused.reduce((s, l) => s + Number(l.split(' ').pop()), 0)).toBeGreaterThan(5);
  }, 150_000);
});
