import { CE_HEADERS } from '@seleksi/contracts';
import { batchEventId, headersAsStrings, OutboxRelay } from '@seleksi/messaging';
import { createProbePair, messageCount, ProbeConsumer, ProbePair, readTopic, startProbeConsumer, testKafka, waitFor } from '@seleksi/testing';

type Seen = { id: string; outcome: 'applied' | 'duplicate' };

describe('event batches (Outbox.enqueueBatch and the relay)', () => {
  let pair: ProbePair;
  const consumers: ProbeConsumer[] = [];
  const relays: OutboxRelay[] = [];

  async function consumer(seen: Seen[]): Promise<void> {
    consumers.push(
      await startProbeConsumer({
        schema: pair.consumerSchema,
        dataSource: pair.consumerDb,
        groupId: `${pair.prefix}probe`,
        topics: [pair.topic],
        instance: 'a',
        hooks: { afterCommit: (e, outcome) => void seen.push({ id: e.id, outcome }) },
      }),
    );
  }

  async function outboxRows(): Promise<{ batch_source: string | null; published: boolean }[]> {
    return pair.producerDb.query(`SELECT batch_source, published_at IS NOT NULL AS published FROM "${pair.producerSchema}".outbox ORDER BY id`);
  }

  async function batchCounts(): Promise<{ declared: number; published: number }[]> {
    return pair.producerDb.query(
      `SELECT batch_events AS declared, batch_published AS published FROM "${pair.producerSchema}".outbox WHERE batch_source IS NOT NULL`,
    );
  }

  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((c) => c.close()));
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    await pair?.close();
  });

  it('publishes one outbox row as a message per event, with derived ids, between the rows written before and after it', async () => {
    pair = await createProbePair('batch');
    const seen: Seen[] = [];
    await consumer(seen);
    const before = await pair.submit(3);
    const batch = await pair.submitBatch(450);
    const after = await pair.submit(2);
    expect(await outboxRows()).toEqual([...Array(3).fill(null), 'probe-submitted', null, null].map((s) => ({ batch_source: s, published: false })));

    const relay = pair.relay();
    relays.push(relay);
    relay.start();
    await waitFor('455 events applied', () => seen.length >= 455, { timeoutMs: 60_000 });

    const batchIds = batch.payloads.map((p) => batchEventId(batch.batchId, p.applicationId));
    expect(new Set(batchIds).size).toBe(450);
    expect(seen.map((s) => s.id).sort()).toEqual([...before.map((e) => e.id), ...batchIds, ...after.map((e) => e.id)].sort());
    expect(seen.every((s) => s.outcome === 'applied')).toBe(true);
    const effects = await pair.effects();
    expect(effects).toHaveLength(455);
    expect(new Map(effects.map((e) => [e.event_id, e.application_id])).get(batchIds[17])).toBe(batch.payloads[17].applicationId);
    expect((await outboxRows()).every((r) => r.published)).toBe(true);
    expect(await batchCounts()).toEqual([{ declared: 450, published: 450 }]);

    // On the topic: each event a message of its own, keyed and headed as a single event would be, and
    // in each partition after the events written before the batch and before those written after it.
    const messages = await readTopic(testKafka(), pair.topic);
    expect(messages).toHaveLength(455);
    const place = new Map(messages.map((m) => [headersAsStrings(m.message.headers)[CE_HEADERS.id], m]));
    const sample = place.get(batchIds[0]);
    expect(sample?.message.key?.toString()).toBe(batch.payloads[0].applicationId);
    expect(headersAsStrings(sample?.message.headers)).toMatchObject({
      [CE_HEADERS.subject]: batch.payloads[0].applicationId,
      [CE_HEADERS.type]: 'id.seleksi.registration.ApplicationSubmitted.v1',
      [CE_HEADERS.source]: 'registration',
    });
    expect(JSON.parse(sample?.message.value?.toString() ?? '{}')).toEqual(JSON.parse(JSON.stringify(batch.payloads[0])));
    const offset = (id: string) => ({ partition: place.get(id)?.partition, offset: Number(place.get(id)?.message.offset) });
    for (const id of batchIds) {
      const at = offset(id);
      for (const earlier of before.map((e) => offset(e.id)).filter((o) => o.partition === at.partition)) expect(earlier.offset).toBeLessThan(at.offset);
      for (const later of after.map((e) => offset(e.id)).filter((o) => o.partition === at.partition)) expect(later.offset).toBeGreaterThan(at.offset);
    }
  });

  it('sends a page again with the same ids when the relay fails after Kafka acknowledged it, and each event is applied once', async () => {
    pair = await createProbePair('batchcrash');
    const seen: Seen[] = [];
    await consumer(seen);
    const batch = await pair.submitBatch(450);
    let pages = 0;
    const relay = pair.relay({
      afterSend: () => {
        // The second page (events 200–399) reached Kafka; the cursor was not moved.
        if (++pages === 2) throw new Error('relay died after the send');
      },
    });
    relays.push(relay);
    relay.start();
    await waitFor('450 applied and 200 duplicates skipped', () => seen.length >= 650, { timeoutMs: 60_000 });

    const applied = seen.filter((s) => s.outcome === 'applied').map((s) => s.id);
    expect(applied.sort()).toEqual(batch.payloads.map((p) => batchEventId(batch.batchId, p.applicationId)).sort());
    const duplicates = seen.filter((s) => s.outcome === 'duplicate').map((s) => s.id);
    expect(duplicates.sort()).toEqual(
      batch.payloads
        .slice(200, 400)
        .map((p) => batchEventId(batch.batchId, p.applicationId))
        .sort(),
    );
    expect(await pair.effects()).toHaveLength(450);
    expect(await pair.inboxCount()).toBe(450);
    const admin = testKafka().admin();
    await admin.connect();
    expect(await messageCount(admin, pair.topic)).toBe(650);
    await admin.disconnect();
    // The resent page is counted once: the count moves with the cursor, after the send.
    expect(await batchCounts()).toEqual([{ declared: 450, published: 450 }]);
  });

  it('refuses a batch whose source builds payloads that breach the contract, and writes nothing', async () => {
    pair = await createProbePair('batchbad');
    await expect(pair.submitBatch(10, { broken: true })).rejects.toThrow(/submittedAt/);
    expect(await outboxRows()).toEqual([]);
  });

  it('writes no row for a batch without events', async () => {
    pair = await createProbePair('batchempty');
    expect(await pair.submitBatch(0)).toMatchObject({ written: false });
    expect(await outboxRows()).toEqual([]);
  });
});

describe(batchEventId.name, () => {
  it('derives distinct, stable, RFC 4122 version 5 ids', () => {
    const a = batchEventId('5d0f7a4e-2a53-4a0e-9a43-0e1f4f7d2c11', 'x');
    expect(a).toBe(batchEventId('5d0f7a4e-2a53-4a0e-9a43-0e1f4f7d2c11', 'x'));
    expect(a).not.toBe(batchEventId('5d0f7a4e-2a53-4a0e-9a43-0e1f4f7d2c11', 'y'));
    expect(a).not.toBe(batchEventId('5d0f7a4e-2a53-4a0e-9a43-0e1f4f7d2c12', 'x'));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
