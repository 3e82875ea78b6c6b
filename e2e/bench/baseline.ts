/**
 * The raw baseline, measured in the same run on the same machine: kafkajs producing N messages of the
 * size of a real ApplicationSubmitted (idempotent producer, acks=all, batches of 500 as the outbox
 * relay sends them) while a consumer group on the same 6-partition topic inserts each message into a
 * table with one INSERT per message (as an inbox transaction does one event at a time). No
 * validation, no inbox, no outbox, no rules: the floor under what the pipeline can do per event.
 */
import { freshSchema, testInfra, testKafka } from '@seleksi/testing';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';

export interface BaselineResult {
  events: number;
  produceSeconds: number;
  /** First message sent to last row committed, producer and consumer running together. */
  endToEndSeconds: number;
  perSecond: number;
}

const SCHEMA = 'bench_baseline';

export async function runBaseline(events: number, payload: string, prefix: string, log: (line: string) => void): Promise<BaselineResult> {
  await freshSchema(SCHEMA);
  const { pg } = testInfra();
  const db = new Pool({ host: pg.host, port: pg.port, database: pg.database, user: `seleksi_${SCHEMA}`, max: 10 });
  await db.query(`CREATE TABLE ${SCHEMA}.events (id uuid PRIMARY KEY, body jsonb NOT NULL, received_at timestamptz NOT NULL DEFAULT now())`);
  const kafka = testKafka('seleksi-bench-baseline');
  const topic = `${prefix}bench.baseline`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 6 }], waitForLeaders: true });
  await admin.disconnect();

  const consumer = kafka.consumer({ groupId: `${prefix}bench.baseline`, sessionTimeout: 6_000 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  // The clock starts once the group is joined, as the services' consumers were long before their stages.
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  let inserted = 0;
  let resolveDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  await consumer.run({
    partitionsConsumedConcurrently: 6,
    eachMessage: async ({ message }) => {
      await db.query(`INSERT INTO ${SCHEMA}.events (id, body) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [message.key!.toString(), message.value!.toString()]);
      inserted += 1;
      if (inserted === events) resolveDone();
    },
  });
  await joined;
  const progress = setInterval(() => log(`  baseline: ${inserted.toLocaleString('en-US')}/${events.toLocaleString('en-US')} inserted`), 5_000);

  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  const started = performance.now();
  for (let start = 0; start < events; start += 500) {
    const messages = Array.from({ length: Math.min(500, events - start) }, () => {
      const id = randomUUID();
      return { key: id, value: payload, headers: { ce_id: randomUUID(), ce_type: 'bench.baseline' } };
    });
    await producer.send({ topic, acks: -1, messages });
  }
  const produceSeconds = (performance.now() - started) / 1000;
  await done;
  const endToEndSeconds = (performance.now() - started) / 1000;
  clearInterval(progress);
  await producer.disconnect();
  await consumer.disconnect();
  await db.end();
  return { events, produceSeconds, endToEndSeconds, perSecond: events / endToEndSeconds };
}
