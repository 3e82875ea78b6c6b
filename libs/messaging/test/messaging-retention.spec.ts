import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MessagingRetention, MessagingTables1763800000000, OutboxEventBatches1763800000900 } from '@seleksi/messaging';
import { connectAsService, freshSchema } from '@seleksi/testing';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe(MessagingRetention.name, () => {
  const schema = 'placement';
  let dataSource: DataSource;

  beforeAll(async () => {
    await freshSchema(schema);
    dataSource = await connectAsService(schema, [MessagingTables1763800000000, OutboxEventBatches1763800000900], 2);
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  async function outboxRow(label: string, publishedHoursAgo: number | null): Promise<void> {
    await dataSource.query(
      `INSERT INTO outbox (event_id, event_type, topic, message_key, headers, payload, created_at, published_at)
       VALUES ($1, 'id.seleksi.placement.CandidatePlaced.v1', 'seleksi.placement.v1', $2, '{}', $3, now() - interval '30 days',
               CASE WHEN $4::int IS NULL THEN NULL ELSE now() - $4::int * interval '1 hour' END)`,
      [randomUUID(), label, JSON.stringify({ label, fullName: 'Siti Rahma' }), publishedHoursAgo],
    );
  }

  async function inboxRow(label: string, daysAgo: number): Promise<void> {
    await dataSource.query(
      `INSERT INTO inbox (consumer, event_id, event_type, topic, kafka_partition, kafka_offset, processed_at)
       VALUES ('placement', $1, $2, 'seleksi.skb.v1', 0, 0, now() - $3::int * interval '1 day')`,
      [randomUUID(), label, daysAgo],
    );
  }

  it('deletes published outbox rows and inbox rows past their retention, and nothing else', async () => {
    await outboxRow('published long ago', 24 * 8);
    await outboxRow('published an hour ago', 1);
    await outboxRow('never published', null);
    await inboxRow('applied 300 days ago', 300);
    await inboxRow('applied 10 days ago', 10);
    const retention = new MessagingRetention(
      dataSource,
      { schema, outboxRetentionMs: 7 * DAY, inboxRetentionMs: 200 * DAY, intervalMs: HOUR, chunkSize: 1 },
      () => true,
    );

    expect(await retention.prune()).toEqual({ outbox: 1, inbox: 1 });

    const outbox = (await dataSource.query(`SELECT message_key FROM outbox ORDER BY id`)) as { message_key: string }[];
    expect(outbox.map((r) => r.message_key)).toEqual(['published an hour ago', 'never published']);
    const inbox = (await dataSource.query(`SELECT event_type FROM inbox`)) as { event_type: string }[];
    expect(inbox.map((r) => r.event_type)).toEqual(['applied 10 days ago']);
    expect(await retention.prune()).toEqual({ outbox: 0, inbox: 0 });
  });

  it('prunes on its interval only while the instance is the active relay', async () => {
    await outboxRow('old again', 24 * 8);
    let active = false;
    const retention = new MessagingRetention(dataSource, { schema, outboxRetentionMs: 7 * DAY, inboxRetentionMs: 200 * DAY, intervalMs: 50 }, () => active);
    retention.start();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const count = async () => ((await dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE message_key = 'old again'`)) as { n: number }[])[0].n;
    expect(await count()).toBe(1);
    active = true;
    await new Promise((resolve) => setTimeout(resolve, 300));
    await retention.stop();
    expect(await count()).toBe(0);
  });
});
