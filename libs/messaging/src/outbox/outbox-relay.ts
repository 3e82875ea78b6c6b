import { Logger } from '@nestjs/common';
import { CompressionTypes, Kafka, Producer } from 'kafkajs';
import { DataSource, QueryRunner } from 'typeorm';
import { ensureTopics } from '../kafka/kafka-settings';

export interface RelaySettings {
  schema: string;
  batchSize: number;
  pollIntervalMs: number;
  /** How often a standby instance tries to become the active relay. */
  standbyRetryMs: number;
  /** Topics this relay publishes to, created if missing before the first send. */
  topics: string[];
  partitions: number;
}

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  headers: Record<string, string>;
  payload: unknown;
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
        await ensureTopics(admin, this.settings.topics, this.settings.partitions);
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

  /** Publishes one batch; returns how many rows it published. */
  async relayOnce(): Promise<number> {
    const runner = this.runner;
    if (!runner) return 0;
    const rows = (await runner.query(
      `SELECT id, topic, message_key, headers, payload FROM "${this.settings.schema}".outbox
        WHERE published_at IS NULL ORDER BY id LIMIT $1`,
      [this.settings.batchSize],
    )) as OutboxRow[];
    if (rows.length === 0) return 0;
    const byTopic = new Map<string, OutboxRow[]>();
    for (const row of rows) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), row]);
    const producer = await this.connectedProducer();
    await producer.sendBatch({
      acks: -1,
      compression: CompressionTypes.None,
      topicMessages: [...byTopic.entries()].map(([topic, list]) => ({
        topic,
        messages: list.map((r) => ({ key: r.message_key, value: JSON.stringify(r.payload), headers: r.headers })),
      })),
    });
    const ids = rows.map((r) => r.id);
    await this.hooks.afterSend?.(ids);
    await runner.query(`UPDATE "${this.settings.schema}".outbox SET published_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
    return rows.length;
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
