import { DLQ_HEADERS, headersAsStrings, KafkaEventServer, OutboxRelay } from '@seleksi/messaging';
import {
  connectAsService,
  createProbePair,
  PROBE_MIGRATIONS,
  ProbeConsumer,
  ProbePair,
  readTopic,
  startProbeConsumer,
  startTcpProxy,
  TcpProxy,
  testInfra,
  testKafka,
  waitFor,
} from '@seleksi/testing';
import { DataSource } from 'typeorm';

type Seen = { id: string; outcome: 'applied' | 'duplicate' };

/** Ports 45000-45199 belong to this suite's drills; the probe's proxy takes the first. */
const PROXY_PORT = 45001;

describe(`${KafkaEventServer.name} batch forms`, () => {
  let pair: ProbePair;
  const consumers: ProbeConsumer[] = [];
  const relays: OutboxRelay[] = [];
  const closing: (() => Promise<unknown>)[] = [];

  async function consumer(options: { seen?: Seen[]; batchSize: number; dataSource?: DataSource; maxAttempts?: number }): Promise<ProbeConsumer> {
    const c = await startProbeConsumer({
      schema: pair.consumerSchema,
      dataSource: options.dataSource ?? pair.consumerDb,
      groupId: `${pair.prefix}probe`,
      topics: [pair.topic],
      instance: 'a',
      batchForm: true,
      batchSize: options.batchSize,
      maxAttempts: options.maxAttempts,
      retryMaxMs: 1_000,
      hooks: { afterCommit: (e, outcome) => void options.seen?.push({ id: e.id, outcome }) },
    });
    consumers.push(c);
    return c;
  }

  function relay(): OutboxRelay {
    const r = pair.relay();
    relays.push(r);
    r.start();
    return r;
  }

  async function total(metric: { get(): Promise<{ values: { value: number }[] }> }): Promise<number> {
    return (await metric.get()).values.reduce((n, v) => n + v.value, 0);
  }

  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((c) => c.close()));
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    for (const close of closing.splice(0)) await close();
    await pair?.close();
  });

  it('applies a surge in chunks of at most the batch size, each event once, with one inbox row each', async () => {
    pair = await createProbePair('chunks');
    const sent = await pair.submit(400);
    const seen: Seen[] = [];
    const c = await consumer({ seen, batchSize: 50 });
    relay();

    await waitFor('400 events applied', () => seen.length === 400, { timeoutMs: 60_000 });
    expect(seen.every((s) => s.outcome === 'applied')).toBe(true);
    expect((await pair.effects()).map((e) => e.event_id).sort()).toEqual(sent.map((e) => e.id).sort());
    expect(await pair.inboxCount()).toBe(400);
    expect(Math.max(...c.chunks)).toBeLessThanOrEqual(50);
    // Published before the consumer joined, so whole Kafka batches were waiting: chunks, not single events.
    expect(Math.max(...c.chunks)).toBeGreaterThan(1);
    expect(c.chunks.length).toBeLessThan(400);
  });

  it('splits a failing chunk until the failing events stand alone: only they are dead-lettered, the rest applied once', async () => {
    pair = await createProbePair('split');
    const sent = await pair.submit(200, { registrationNumber: (i) => (i === 37 || i === 150 ? `FAIL-${i}` : `OK-${i}`) });
    const failing = sent.filter((e) => e.data.registrationNumber.startsWith('FAIL-'));
    const seen: Seen[] = [];
    const c = await consumer({ seen, batchSize: 100, maxAttempts: 2 });
    relay();

    await waitFor('198 events applied', () => seen.length === 198, { timeoutMs: 60_000 });
    const letters = await waitFor('2 dead letters', async () => {
      const list = await readTopic(testKafka(), `${pair.topic}.dlq`);
      return list.length >= 2 ? list : undefined;
    });
    const effects = await pair.effects();
    expect(effects).toHaveLength(198);
    expect(new Set(effects.map((e) => e.event_id)).size).toBe(198);
    expect(effects.some((e) => e.registration_number.startsWith('FAIL-'))).toBe(false);
    expect(await pair.inboxCount()).toBe(198);
    expect(letters.map((l) => headersAsStrings(l.message.headers)[DLQ_HEADERS.error]).sort()).toEqual(
      failing.map((e) => `induced failure for ${e.data.registrationNumber}`).sort(),
    );
    expect(letters.map((l) => headersAsStrings(l.message.headers)[DLQ_HEADERS.attempts])).toEqual(['2', '2']);
    expect(await total(c.metrics.deadLetters)).toBe(2);
  });

  it('waits out PostgreSQL being unreachable: nothing dead-lettered, every event applied once, readiness names the outage', async () => {
    pair = await createProbePair('outage');
    const { pg } = testInfra();
    const proxy: TcpProxy = await startTcpProxy(PROXY_PORT, { host: pg.host, port: pg.port });
    closing.push(() => proxy.close());
    const throughProxy = await connectAsService(pair.consumerSchema, PROBE_MIGRATIONS, 3, PROXY_PORT);
    closing.push(() => throughProxy.destroy());
    const seen: Seen[] = [];
    const c = await consumer({ seen, batchSize: 20, dataSource: throughProxy });
    relay();

    const first = await pair.submit(100);
    await waitFor('the first events applied', () => seen.length >= 20, { timeoutMs: 60_000 });
    await proxy.cut();
    const cutAt = Date.now();
    const during = await pair.submit(200);
    const outage = await waitFor('the consumer to report PostgreSQL down', () => c.server.outages.find((o) => o.dependency === 'postgres'), {
      timeoutMs: 20_000,
    });
    expect(Date.parse(outage.since)).toBeGreaterThanOrEqual(cutAt - 1_000);
    await new Promise((r) => setTimeout(r, 6_000));
    await proxy.restore();

    // A loaded machine (the whole suite) needs longer than a quiet one (about 10 s) to catch up after the outage.
    await waitFor('all 300 events applied', () => seen.filter((s) => s.outcome === 'applied').length === 300, { timeoutMs: 120_000 });
    const effects = await pair.effects();
    expect(effects.map((e) => e.event_id).sort()).toEqual([...first, ...during].map((e) => e.id).sort());
    expect(await pair.inboxCount()).toBe(300);
    expect(await total(c.metrics.deadLetters)).toBe(0);
    expect(await total(c.metrics.consumerPaused)).toBeGreaterThan(3);
    await waitFor('the outage to be cleared', () => !c.server.outages.some((o) => o.dependency === 'postgres'), { timeoutMs: 10_000 });
  }, 240_000);
});
