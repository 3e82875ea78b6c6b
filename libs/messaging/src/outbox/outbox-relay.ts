import { Logger } from '@nestjs/common';
import { CE_HEADERS, deadLetterTopicOf, definitionOfType } from '@seleksi/contracts';
import { CompressionTypes, Kafka, Message, Producer } from 'kafkajs';
import { DataSource, QueryRunner } from 'typeorm';
import { ensureTopics, TopicCreation } from '../kafka/kafka-settings';
import { batchEventId, EventBatchSources } from './event-batches';

export interface RelaySettings {
  schema: string;
  batchSize: number;
  pollIntervalMs: number;
  /** How often a standby instance tries to become the active relay. */
  standbyRetryMs: number;
  /** Topics this relay publishes to, created if missing before the first send. */
  topics: string[];
  partitions: number;
  /** Replication, min.insync.replicas and dead-letter retention for the topics it creates (its own and their `.dlq`). */
  topicCreation?: Omit<TopicCreation, 'partitions'>;
  /** Where the events of batch rows are read from (see event-batches.ts). */
  batches?: EventBatchSources;
}

interface OutboxRow {
  id: string;
  event_id: string;
  event_type: string;
  topic: string;
  message_key: string;
  headers: Record<string, string>;
  payload: unknown;
  batch_source: string | null;
  batch_cursor: string | null;
}

export interface RelayHooks {
  /** Test seam: runs after Kafka acknowledged a batch and before the rows are marked published. */
  afterSend?: (ids: string[]) => Promise<void> | void;
}

/**
 * Publishes committed outbox rows in id order and marks them published. Only one instance of a
 * service relays at a time: the one holding a session-level advisory lock on a dedicated
 * connection. If that connection dies, the lock goes with it and a standby takes over.
 *
 * A crash between Kafka's acknowledgement and the UPDATE publishes a batch twice; consumers' inboxes
 * make that harmless. That is the price of never losing an event.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private producer?: Producer;
  private runner?: QueryRunner;
  private stopping = false;
  private loop?: Promise<void>;
  private leader = false;
  private wake?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: Kafka,
    private readonly settings: RelaySettings,
    private readonly hooks: RelayHooks = {},
  ) {}

  get isLeader(): boolean {
    return this.leader;
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Lets a writer that just committed skip the poll delay. */
  poke(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.poke();
    await this.loop;
    this.loop = undefined;
  }

  private lockKey(): string {
    return `seleksi-outbox-relay:${this.settings.schema}`;
  }

  private async run(): Promise<void> {
    let backoff = 200;
    while (!this.stopping) {
      try {
        if (!this.leader) {
          await this.tryBecomeLeader();
          if (!this.leader) {
            await this.sleep(this.settings.standbyRetryMs);
            continue;
          }
          this.logger.log(`active outbox relay for schema ${this.settings.schema}`);
        }
        const sent = await this.relayOnce();
        backoff = 200;
        if (sent < this.settings.batchSize) await this.sleep(this.settings.pollIntervalMs);
      } catch (error) {
        this.logger.warn(`outbox relay error, retrying in ${backoff} ms: ${(error as Error).message}`);
        await this.releaseLeadership();
        await this.sleep(backoff);
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
    await this.releaseLeadership();
    if (this.producer) await this.producer.disconnect().catch(() => undefined);
    this.producer = undefined;
  }

  private async tryBecomeLeader(): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const [row] = (await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [this.lockKey()])) as {
      locked: boolean;
    }[];
    if (!row.locked) {
      await runner.release();
      return;
    }
    this.runner = runner;
    this.leader = true;
  }

  private async releaseLeadership(): Promise<void> {
    const runner = this.runner;
    this.runner = undefined;
    this.leader = false;
    if (!runner) return;
    try {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [this.lockKey()]);
    } catch {
      // The connection is gone, and the lock with it.
    }
    await runner.release().catch(() => undefined);
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const admin = this.kafka.admin();
      await admin.connect();
      try {
        await ensureTopics(admin, [...this.settings.topics, ...this.settings.topics.map(deadLetterTopicOf)], {
          ...this.settings.topicCreation,
          partitions: this.settings.partitions,
        });
      } finally {
        await admin.disconnect();
      }
      // Idempotent producer with one request in flight: retries cannot reorder or duplicate within a partition.
      const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }

  /**
   * Publishes the next rows in id order: single events up to the first batch row, or one page of
   * the batch row at the head. Returns how many events it published, or the batch size when more is
   * waiting (the loop then goes on without the poll interval).
   */
  async relayOnce(): Promise<number> {
    const runner = this.runner;
    if (!runner) return 0;
    const rows = (await runner.query(
      `SELECT id, event_id, event_type, topic, message_key, headers, payload, batch_source, batch_cursor FROM "${this.settings.schema}".outbox
        WHERE published_at IS NULL ORDER BY id LIMIT $1`,
      [this.settings.batchSize],
    )) as OutboxRow[];
    if (rows.length === 0) return 0;
    if (rows[0].batch_source !== null) return this.relayBatchPage(runner, rows[0]);
    const firstBatch = rows.findIndex((r) => r.batch_source !== null);
    const singles = firstBatch < 0 ? rows : rows.slice(0, firstBatch);
    const byTopic = new Map<string, Message[]>();
    for (const row of singles) {
      const list = byTopic.get(row.topic) ?? [];
      list.push({ key: row.message_key, value: JSON.stringify(row.payload), headers: row.headers });
      byTopic.set(row.topic, list);
    }
    await this.send(byTopic);
    const ids = singles.map((r) => r.id);
    await this.hooks.afterSend?.(ids);
    await runner.query(`UPDATE "${this.settings.schema}".outbox SET published_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
    // A full page of singles cut short by a batch row is followed at once by the batch.
    return firstBatch < 0 ? singles.length : this.settings.batchSize;
  }

  /**
   * One page of a batch row: read from the service's source where the last page ended, sent with ids
   * derived from the batch's, then the cursor moved (or the row marked published after the last
   * page). A crash in between sends the page again with the same ids.
   */
  private async relayBatchPage(runner: QueryRunner, row: OutboxRow): Promise<number> {
    const source = row.batch_source as string;
    const reader = this.settings.batches?.[source];
    if (!reader) throw new Error(`outbox row ${row.id} is a batch of source "${source}", which this service does not register`);
    const def = definitionOfType(row.event_type);
    if (!def) throw new Error(`outbox row ${row.id} has an unknown event type ${row.event_type}`);
    const page = await reader.read(runner.manager, row.payload as Record<string, unknown>, row.batch_cursor, this.settings.batchSize);
    const messages = page.events.map((event): Message => {
      const id = batchEventId(row.event_id, event.itemId);
      const key = String(event.payload[def.key]);
      return { key, value: JSON.stringify(event.payload), headers: { ...row.headers, [CE_HEADERS.id]: id, [CE_HEADERS.subject]: key } };
    });
    if (messages.length > 0) await this.send(new Map([[row.topic, messages]]));
    await this.hooks.afterSend?.([row.id]);
    const [counted] = (await runner.query(
      `WITH moved AS (
         UPDATE "${this.settings.schema}".outbox
            SET batch_cursor = $2, batch_published = batch_published + $3, published_at = CASE WHEN $2::text IS NULL THEN now() END
          WHERE id = $1
         RETURNING batch_events, batch_published)
       SELECT batch_events AS declared, batch_published AS published FROM moved`,
      [row.id, page.next, messages.length],
    )) as { declared: number; published: number }[];
    if (page.next === null && counted.published !== counted.declared) {
      this.logger.warn(`outbox row ${row.id}: batch source "${source}" served ${counted.published} events for a batch written as ${counted.declared}`);
    }
    // The next page (or the rows after the batch) follows without waiting for the poll interval.
    return this.settings.batchSize;
  }

  private async send(byTopic: Map<string, Message[]>): Promise<void> {
    const producer = await this.connectedProducer();
    await producer.sendBatch({
      acks: -1,
      compression: CompressionTypes.None,
      topicMessages: [...byTopic.entries()].map(([topic, messages]) => ({ topic, messages })),
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
