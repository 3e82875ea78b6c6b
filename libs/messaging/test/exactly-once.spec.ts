import { CE_HEADERS, EventEnvelope } from '@seleksi/contracts';
import { DLQ_HEADERS, headersAsStrings, KafkaEventServer, OutboxRelay, runWithCorrelation } from '@seleksi/messaging';
import {
  broker,
  createProbePair,
  messageCount,
  newIds,
  newPayload,
  ProbeConsumer,
  ProbePair,
  readTopic,
  spawnFixture,
  startProbeConsumer,
  testKafka,
  waitFor,
} from '@seleksi/testing';
import { randomUUID } from 'node:crypto';

type Seen = { id: string; outcome: 'applied' | 'duplicate' };

describe(KafkaEventServer.name, () => {
  let pair: ProbePair;
  const consumers: ProbeConsumer[] = [];
  const relays: OutboxRelay[] = [];

  async function consumer(instance: string, seen: Seen[] = [], groupId = `${pair.prefix}probe`): Promise<ProbeConsumer> {
    const c = await startProbeConsumer({
      schema: pair.consumerSchema,
      dataSource: pair.consumerDb,
      groupId,
      topics: [pair.topic],
      instance,
      hooks: { afterCommit: (e, outcome) => void seen.push({ id: e.id, outcome }) },
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

  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((c) => c.close()));
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    await pair?.close();
  });

  it('applies an event delivered twice exactly once', async () => {
    pair = await createProbePair('twice');
    const seen: Seen[] = [];
    await consumer('a', seen);
    relay();
    const [event] = await pair.submit(1);
    await waitFor('the first delivery', () => seen.length === 1);

    // Deliver the very same record again, as a redelivery after a lost acknowledgement would.
    const [original] = await readTopic(testKafka(), pair.topic);
    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({ topic: pair.topic, messages: [{ key: original.message.key, value: original.message.value, headers: original.message.headers }] });
    await producer.disconnect();

    await waitFor('the second delivery', () => seen.length === 2);
    expect(seen).toEqual([
      { id: event.id, outcome: 'applied' },
      { id: event.id, outcome: 'duplicate' },
    ]);
    expect(await pair.effects()).toHaveLength(1);
    expect(await pair.inboxCount()).toBe(1);
  });

  it('applies an event once when the consumer is killed after its commit and before its offset commit', async () => {
    pair = await createProbePair('killcons');
    const groupId = `${pair.prefix}probe`;
    relay();
    const [event] = await pair.submit(1);

    const child = spawnFixture('probe-consumer', { schema: pair.consumerSchema, groupId, topics: [pair.topic], killAfterCommit: true });
    const exit = await child.exited;
    expect(exit.signal).toBe('SIGKILL');
    expect(child.output()).toContain(`committed ${event.id}`);
    expect(await pair.effects()).toHaveLength(1);

    // The offset was never committed, so the group gets the event again and the inbox must skip it.
    const seen: Seen[] = [];
    await consumer('b', seen, groupId);
    await waitFor('the redelivery after the crash', () => seen.length === 1, { timeoutMs: 60_000 });
    expect(seen).toEqual([{ id: event.id, outcome: 'duplicate' }]);
    expect(await pair.effects()).toHaveLength(1);
    expect(await pair.inboxCount()).toBe(1);
  });

  it('applies every event once when the relay is killed after sending and before marking published', async () => {
    pair = await createProbePair('killrelay');
    const seen: Seen[] = [];
    await consumer('a', seen);
    const sent = await pair.submit(20);

    const child = spawnFixture('probe-relay', { schema: pair.producerSchema, topic: pair.topic });
    const exit = await child.exited;
    expect(exit.signal).toBe('SIGKILL');
    expect(child.output()).toContain('sent 20');
    const unpublished = await pair.producerDb.query(`SELECT count(*)::int AS n FROM "${pair.producerSchema}".outbox WHERE published_at IS NULL`);
    expect(unpublished[0].n).toBe(20);

    // A new relay finds the rows unmarked and publishes them again.
    relay();
    await waitFor('both deliveries of all 20 events', () => seen.length === 40, { timeoutMs: 60_000 });
    const admin = testKafka().admin();
    await admin.connect();
    expect(await messageCount(admin, pair.topic)).toBe(40);
    await admin.disconnect();
    expect(
      seen
        .filter((s) => s.outcome === 'applied')
        .map((s) => s.id)
        .sort(),
    ).toEqual(sent.map((e) => e.id).sort());
    expect(seen.filter((s) => s.outcome === 'duplicate')).toHaveLength(20);
    expect(await pair.effects()).toHaveLength(20);
  });

  it('applies every event once across a broker stop and restart mid-stream', async () => {
    pair = await createProbePair('brokerrestart');
    await consumer('a');
    relay();
    const before = await pair.submit(100);
    await waitFor('the first events to be applied', async () => (await pair.effects()).length > 0);

    broker('stop');
    try {
      // Written while the broker is down: they wait in the outbox.
      const during = await pair.submit(100);
      before.push(...during);
    } finally {
      broker('start');
    }
    const after = await pair.submit(100);
    const all = [...before, ...after].map((e) => e.id).sort();

    await waitFor('all 300 events to be applied', async () => (await pair.effects()).length >= 300, { timeoutMs: 120_000, intervalMs: 500 });
    const effects = await pair.effects();
    expect(effects.map((e) => e.event_id).sort()).toEqual(all);
    expect(await pair.inboxCount()).toBe(300);
  });

  it('keeps per-application order with 6 partitions and two consumers in one group', async () => {
    pair = await createProbePair('order');
    await consumer('a');
    await consumer('b');
    const applications = Array.from({ length: 24 }, () => randomUUID());
    relay();
    const total = 24 * 15;
    await pair.submit(total, { applicationIds: applications, registrationNumber: (i) => `SEQ-${String(i).padStart(5, '0')}` });

    await waitFor(`all ${total} events`, async () => (await pair.effects()).length >= total, { timeoutMs: 60_000 });
    const effects = await pair.effects();
    expect(effects).toHaveLength(total);
    const byApplication = new Map<string, string[]>();
    for (const e of effects) byApplication.set(e.application_id, [...(byApplication.get(e.application_id) ?? []), e.registration_number]);
    expect(byApplication.size).toBe(24);
    for (const [, sequence] of byApplication) {
      expect(sequence).toEqual([...sequence].sort());
      expect(sequence).toHaveLength(15);
    }
    expect(new Set(effects.map((e) => e.instance))).toEqual(new Set(['a', 'b']));
  });

  it('sends malformed, invalid and always-failing messages to the dead-letter topic and moves on', async () => {
    pair = await createProbePair('dlq');
    const seen: Seen[] = [];
    const c = await consumer('a', seen);
    relay();
    const producer = testKafka().producer();
    await producer.connect();
    const valid = await pair.submit(1);
    const headers = (id: string) => ({
      [CE_HEADERS.id]: id,
      [CE_HEADERS.type]: 'id.seleksi.registration.ApplicationSubmitted.v1',
      [CE_HEADERS.source]: 'registration',
      [CE_HEADERS.time]: new Date().toISOString(),
      [CE_HEADERS.specversion]: '1.0',
      [CE_HEADERS.subject]: 'x',
      [CE_HEADERS.contentType]: 'application/json',
    });
    const invalid = newPayload('ApplicationSubmitted', newIds());
    (invalid.education as { gpa: number }).gpa = 9;
    await producer.send({
      topic: pair.topic,
      messages: [
        { key: 'k1', value: '{not json', headers: headers(randomUUID()) },
        { key: 'k2', value: JSON.stringify(newPayload('ApplicationSubmitted')), headers: { ...headers(randomUUID()), [CE_HEADERS.id]: '' } },
        { key: 'k3', value: JSON.stringify(invalid), headers: headers(randomUUID()) },
      ],
    });
    await producer.disconnect();
    await pair.submit(1, { registrationNumber: () => 'FAIL-0001' });
    const last = await pair.submit(1);

    await waitFor('the valid events after the poison ones', () => seen.filter((s) => s.outcome === 'applied').length === 2, { timeoutMs: 60_000 });
    expect((await pair.effects()).map((e) => e.event_id).sort()).toEqual([valid[0].id, last[0].id].sort());

    const letters = await waitFor('4 dead letters', async () => {
      const list = await readTopic(testKafka(), `${pair.topic}.dlq`);
      return list.length === 4 ? list : undefined;
    });
    const described = letters
      .map((l) => headersAsStrings(l.message.headers))
      .map((h) => ({ kind: h[DLQ_HEADERS.errorKind], attempts: h[DLQ_HEADERS.attempts], topic: h[DLQ_HEADERS.originalTopic], error: h[DLQ_HEADERS.error] }));
    expect(described.map((d) => d.kind).sort()).toEqual(['Error', 'InvalidPayloadError', 'MalformedEnvelopeError', 'MalformedEnvelopeError']);
    expect(described.every((d) => d.topic === pair.topic && d.error.length > 0)).toBe(true);
    expect(described.find((d) => d.kind === 'Error')).toMatchObject({ attempts: '3', error: 'induced failure for FAIL-0001' });
    expect(described.find((d) => d.kind === 'InvalidPayloadError')?.error).toContain('education.gpa');
    const metric = await c.metrics.deadLetters.get();
    expect(metric.values.reduce((n, v) => n + v.value, 0)).toBe(4);
  });

  it('carries the correlation id into the handler and names the event as the cause', async () => {
    pair = await createProbePair('corr');
    const seen: Seen[] = [];
    await consumer('a', seen);
    relay();
    const [event] = (await runWithCorrelation({ correlationId: 'req-7f3a' }, () => pair.submit(1))) as EventEnvelope[];
    await waitFor('the event', () => seen.length === 1);
    expect(await pair.effects()).toEqual([expect.objectContaining({ correlation_id: 'req-7f3a', causation_id: event.id })]);
  });
});

describe(OutboxRelay.name, () => {
  it('lets only one of two relays of a service publish, and hands over when it stops', async () => {
    const pair = await createProbePair('leader');
    const first = pair.relay();
    const second = pair.relay();
    try {
      first.start();
      await waitFor('a leader', () => first.isLeader);
      second.start();
      await new Promise((r) => setTimeout(r, 700));
      expect([first.isLeader, second.isLeader]).toEqual([true, false]);
      await first.stop();
      await waitFor('the standby to take over', () => second.isLeader, { timeoutMs: 5_000 });
      await pair.submit(3);
      await waitFor('the new leader to publish', async () => {
        const [row] = await pair.producerDb.query(`SELECT count(*)::int AS n FROM "${pair.producerSchema}".outbox WHERE published_at IS NULL`);
        return row.n === 0;
      });
    } finally {
      await pair.close();
    }
  });
});
