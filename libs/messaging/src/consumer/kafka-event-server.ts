import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { Consumer, EachBatchPayload, Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ensureTopics } from '../kafka/kafka-settings';
import { MessagingMetrics } from '../runtime/messaging-metrics';
import { ConsumerSettings } from './consumer-settings';
import { sendToDeadLetters } from './dead-letters';
import { decodeMessage, segmentsOf } from './decoded-message';
import { ConsumerHooks, EventApplier, PartitionInHand } from './event-applier';
import { Outage, Outages } from './outages';

export { ConsumerHooks, MessageOutcome } from './event-applier';

const GROUP_MOVED_ON = new Set(['REBALANCE_IN_PROGRESS', 'UNKNOWN_MEMBER_ID', 'ILLEGAL_GENERATION', 'FENCED_INSTANCE_ID']);

/**
 * A custom Nest transport over kafkajs. Handlers are ordinary `@EventPattern(eventType)` methods or
 * batch forms (`@EventBatchPattern(eventType)`); this class owns the consumer loop so that:
 * - a Kafka batch is applied in chunks of CONSUMER_BATCH_SIZE events, each chunk in one database
 *   transaction together with its inbox rows (a redelivered event finds its row and is skipped); an
 *   event without a batch form is applied alone, as before;
 * - a failing chunk is split until the failing event is found (EventApplier); a message that is
 *   malformed, fails validation or keeps failing is copied to `<topic>.dlq` and its partition moves
 *   on (the stock Nest Kafka transport would block the partition forever);
 * - an infrastructure failure (PostgreSQL or Kafka unreachable, a pool timeout, a deadlock) is never
 *   dead-lettered: the partition waits and retries until it succeeds (see failure-kind.ts);
 * - Kafka being down at boot is retried with backoff instead of crashing the process.
 */
export class KafkaEventServer extends Server implements CustomTransportStrategy {
  protected override readonly logger = new Logger(KafkaEventServer.name);
  private consumer?: Consumer;
  private dlqProducer?: Producer;
  private stopping = false;
  private connecting?: Promise<void>;
  private running = false;
  private readonly applier: EventApplier;

  constructor(
    private readonly kafka: Kafka,
    dataSource: DataSource,
    private readonly settings: ConsumerSettings,
    private readonly metrics: MessagingMetrics,
    hooks: ConsumerHooks = {},
  ) {
    super();
    this.applier = new EventApplier(
      dataSource,
      settings,
      metrics,
      new Outages(),
      {
        toObservable: (result) => this.transformToObservable(result),
        sendToDeadLetters: (topic, partition, message, error, attempts) => {
          if (!this.dlqProducer) throw new Error('dead-letter producer is not connected');
          return sendToDeadLetters(this.dlqProducer, { topic, partition, message, consumer: settings.consumer, error, attempts });
        },
      },
      hooks,
    );
  }

  /** Dependencies the consumer is waiting for, with the time it first failed to reach them. */
  get outages(): Outage[] {
    return this.applier.outages.list();
  }

  /** Readiness found PostgreSQL down (or back) on its own check; the consumer may not have tried yet. */
  reportPostgres(error: Error | undefined): void {
    if (error) this.applier.outages.down('postgres', error);
    else this.applier.outages.up('postgres');
  }

  /** True once the group is joined and messages are flowing; false while Kafka is unreachable. */
  get isRunning(): boolean {
    return this.running;
  }

  listen(callback: () => void): void {
    // Boot must not wait for (or die with) Kafka: readiness reports the state instead, Kafka counting
    // as down from now until the consumer joins its group.
    this.applier.outages.down('kafka', new Error('the consumer has not joined its group yet'));
    this.connecting = this.connectWithBackoff();
    callback();
  }

  async close(): Promise<void> {
    this.stopping = true;
    await this.connecting?.catch(() => undefined);
    // kafkajs waits for the batch in hand to finish before it leaves the group.
    await this.consumer?.disconnect().catch(() => undefined);
    await this.dlqProducer?.disconnect().catch(() => undefined);
    this.running = false;
  }

  on(): never {
    throw new Error('KafkaEventServer does not emit transport events');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private async connectWithBackoff(): Promise<void> {
    let delay = 250;
    while (!this.stopping) {
      try {
        await this.start();
        return;
      } catch (error) {
        this.running = false;
        this.applier.outages.down('kafka', error as Error);
        this.logger.warn(`cannot consume yet (${(error as Error).message}); retrying in ${delay} ms`);
        await this.consumer?.disconnect().catch(() => undefined);
        this.consumer = undefined;
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, this.settings.connectRetryMaxMs);
      }
    }
  }

  /** Drops a consumer that kafkajs gave up on and joins the group again with a new one, with backoff. */
  private reconnect(dead: Consumer): void {
    this.consumer = undefined;
    const previous = this.connecting ?? Promise.resolve();
    this.connecting = previous
      .catch(() => undefined)
      .then(() => dead.disconnect().catch(() => undefined))
      .then(() => this.connectWithBackoff());
  }

  private async start(): Promise<void> {
    const { settings } = this;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, settings.ensureTopics, { ...settings.topicCreation, partitions: settings.partitions });
    } finally {
      await admin.disconnect();
    }
    this.dlqProducer ??= this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await this.dlqProducer.connect();
    const consumer = this.kafka.consumer({
      groupId: settings.groupId,
      sessionTimeout: settings.sessionTimeoutMs,
      heartbeatInterval: Math.max(500, Math.floor(settings.sessionTimeoutMs / 5)),
      rebalanceTimeout: settings.sessionTimeoutMs * 2,
      allowAutoTopicCreation: false,
      retry: { retries: 10, initialRetryTime: 300, maxRetryTime: 10_000 },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.running = true;
      this.applier.outages.up('kafka');
    });
    consumer.on(consumer.events.CRASH, (event) => {
      this.running = false;
      this.applier.outages.down('kafka', event.payload.error);
      this.logger.error(`consumer crashed: ${event.payload.error.message}; restart=${event.payload.restart}`);
      // kafkajs restarts only after an error it calls retriable; after any other (seen once after a
      // broker restart) the consumer would stay dead with the process up: start a new one instead.
      if (!event.payload.restart && !this.stopping && this.consumer === consumer) this.reconnect(consumer);
    });
    consumer.on(consumer.events.DISCONNECT, () => {
      this.running = false;
      if (!this.stopping) this.applier.outages.down('kafka', new Error('the consumer was disconnected'));
    });
    await consumer.connect();
    await consumer.subscribe({ topics: settings.topics, fromBeginning: true });
    await consumer.run({
      autoCommit: true,
      autoCommitInterval: 1_000,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: settings.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary } = payload;
    let lost = false;
    const partition: PartitionInHand = {
      topic: batch.topic,
      partition: batch.partition,
      heartbeat: () =>
        heartbeat().catch((error: { type?: string }) => {
          // The group is rebalancing or has moved on: give the partition up (a broker that is down is waited out).
          if (error.type && GROUP_MOVED_ON.has(error.type)) lost = true;
        }),
      // On shutdown or rebalance, stop after the unit in hand; the rest is redelivered.
      active: () => !lost && !this.stopping && isRunning() && !isStale(),
      deadLettered: async (message) => {
        // A dead letter leaves no row in the inbox to recognise it by on a re-read, and everything
        // before it is applied: commit past it at once, so that a crash later does not send it again.
        resolveOffset(message.offset);
        await commitOffsetsIfNecessary({
          topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: String(Number(message.offset) + 1) }] }],
        });
      },
    };
    const items = batch.messages.map((message) => decodeMessage(message, batch.topic, (pattern) => this.getHandlerByPattern(pattern)));
    for (const segment of segmentsOf(items, this.settings.batchSize)) {
      if (!partition.active()) break;
      if (!(await this.applier.apply(partition, segment))) break;
      resolveOffset(segment[segment.length - 1].message.offset);
      await partition.heartbeat();
    }
    await commitOffsetsIfNecessary();
    const last = batch.messages[batch.messages.length - 1];
    if (last) {
      const lag = Number(batch.highWatermark) - Number(last.offset) - 1;
      this.metrics.consumerLag.set({ consumer: this.settings.consumer, topic: batch.topic, partition: String(batch.partition) }, Math.max(0, lag));
    }
  }
}
