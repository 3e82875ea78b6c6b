import { TopicNames } from '@seleksi/messaging';
import { messageCount, startTcpProxy, TcpProxy, testInfra, testKafka, waitFor } from '@seleksi/testing';
import { PipelineState } from '../support/pipeline-state';
import { Pipeline, PIPELINE_SERVICES, startPipeline } from '../support/pipeline';
import { Surge, SurgeOutcomes } from '../support/surge';

/** This drill's ports (45000-45199 are reserved for the consumer drills): the proxy, then the five services. */
const PROXY_PORT = 45002;
const BASE_PORT = 45010;
const SURGE = 300;
const OUTAGE_MS = 30_000;

/**
 * PostgreSQL unreachable for 30 s in the middle of a surge. The machine's PostgreSQL is shared, so the
 * five services reach it through a TCP proxy this test starts and cuts. Before the fix, five failed
 * attempts (about 3 s) dead-lettered every event a consumer held; now the partitions wait.
 */
describe('PostgreSQL outage in the middle of a surge', () => {
  let proxy: TcpProxy;
  let pipeline: Pipeline;
  let state: PipelineState;
  const outcomes = new SurgeOutcomes();
  const kafka = testKafka('outage-drill');

  beforeAll(async () => {
    const { pg } = testInfra();
    proxy = await startTcpProxy(PROXY_PORT, { host: pg.host, port: pg.port });
    pipeline = await startPipeline({ basePort: BASE_PORT, env: { DB_PORT: String(PROXY_PORT), LOG_LEVEL: 'warn', CONSUMER_RETRY_MAX_MS: '2000' } });
    state = new PipelineState(pipeline, kafka);
  }, 180_000);

  afterAll(async () => {
    await outcomes.close();
    await state?.dispose();
    await pipeline?.stop();
    await proxy?.close();
  });

  async function deadLetters(): Promise<number> {
    const names = new TopicNames(pipeline.prefix);
    const admin = kafka.admin();
    await admin.connect();
    try {
      let total = 0;
      for (const service of PIPELINE_SERVICES) total += await messageCount(admin, `${names.of(service)}.dlq`);
      return total;
    } finally {
      await admin.disconnect();
    }
  }

  it('applies every event exactly once, dead-letters none, and ends as a fault-free surge does', async () => {
    // The fault-free surge first: what the same events give with nothing cut.
    const calm = new Surge(kafka, pipeline.prefix, SURGE);
    await calm.open();
    await state.waitUntilSettled();
    await calm.publish(0, SURGE);
    await state.waitUntilSettled();
    const expected = await outcomes.of(calm);

    const stormy = new Surge(kafka, pipeline.prefix, SURGE);
    await stormy.open();
    await state.waitUntilSettled();
    await stormy.publish(0, SURGE / 3);
    await proxy.cut();
    const cutAt = Date.now();
    await stormy.publish(SURGE / 3, SURGE);
    const screening = pipeline.url('screening');
    const ready = await waitFor(
      'screening to say PostgreSQL is down',
      async () => {
        const res = await fetch(`${screening}/health/ready`);
        const body = (await res.json()) as { down?: { dependency: string; since: string }[] };
        return res.status === 503 && body.down?.some((d) => d.dependency === 'postgres') ? body : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 500 },
    );
    expect(Date.parse(ready.down!.find((d) => d.dependency === 'postgres')!.since)).toBeGreaterThanOrEqual(cutAt - 1_000);
    await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS - (Date.now() - cutAt))));
    await proxy.restore();

    await state.waitUntilAllReady(60_000);
    await state.waitUntilSettled(90_000);
    expect(await deadLetters()).toBe(0);
    expect(await state.inboxProblems(new Set())).toEqual([]);
    const after = await outcomes.of(stormy);
    expect(after).toEqual(expected);
    expect(after).toEqual({
      screeningCases: [{ n: SURGE, distinct: SURGE }],
      skbParticipants: [{ n: SURGE, numbers: SURGE, first: 1, last: SURGE }],
      interviewCandidates: [{ status: expect.any(String), n: SURGE / 2 }],
      placementResults: [{ stage: 'skb', n: SURGE }],
      timeline: [
        { event_type: 'id.seleksi.screening.ScreeningFinalized.v1', n: SURGE },
        { event_type: 'id.seleksi.skb.SkbResultFinalized.v1', n: SURGE },
      ],
    });
    const metrics = await (await fetch(`${screening}/metrics`)).text();
    const paused = metrics.split('\n').filter((l) => l.startsWith('seleksi_consumer_paused_seconds_total{'));
    expect(paused.reduce((s, l) => s + Number(l.split(' ').pop()), 0)).toBeGreaterThan(10);
  }, 240_000);
});
