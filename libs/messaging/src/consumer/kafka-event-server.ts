import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import {
  definitionOfType,
  envelopeFromKafka,
  EventEnvelope,
  InvalidPayloadError,
  MalformedEnvelopeError,
  validatePayloadOfType,
} from '@seleksi/contracts';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';
import { runWithCorrelation } from '../correlation';
import { ensureTopics } from '../kafka/kafka-settings';
import { MessagingMetrics } from '../runtime/messaging-metrics';
import { ConsumerSettings } from './consumer-settings';
import { headersAsStrings, sendToDeadLetters } from './dead-letters';
import { EventContext, PermanentEventError } from './event-context';

export type MessageOutcome = 'applied' | 'duplicate' | 'ignored' | 'dead-lettered';

export interface ConsumerHooks {
  /** Test seam: runs after the effect's transaction committed and before the offset is resolved. */
  afterCommit?: (envelope: EventEnvelope, outcome: 'applied' | 'duplicate') => Promise<void> | void;
}

const SELEKSI_TYPE = /^id\.seleksi\.[a-z]+\.[A-Za-z]+\.v\d+$/;
const NOT_RETRYABLE = new Set([MalformedEnvelopeError.name, InvalidPayloadError.name, PermanentEventError.name]);

/**
 * A custom Nest transport over kafkajs. Handlers are ordinary `@EventPattern(eventType)` methods;
 * this class owns the consumer loop so that:
 * - each message is applied in one database transaction together with its inbox row (a redelivered
 *   event finds its row and is skipped);
 * - transient failures are retried with backoff, and a message that is malformed, fails validation or
 *   keeps failing is copied to `<topic>.dlq` and its partition moves on (the stock Nest Kafka
 *   transport would block the partition forever);
 * - Kafka being down at boot is retried with backoff instead of crashing the process.
 */
export class KafkaEventServer extends Server implements CustomTransportStrategy {
  protected override readonly logger = new Logger(KafkaEventServer.name);
  private consumer?: Consumer;
  private dlqProducer?: Producer;
  private stopping = false;
  private connecting?: Promise<void>;
  private running = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly settings: ConsumerSettings,
    private readonly metrics: MessagingMetrics,
    private readonly hooks: ConsumerHooks = {},
  ) {
    super();
  }

  /** True once the group is joined and messages are flowing; false while Kafka is unreachable. */
  get isRunning(): boolean {
    return this.running;
  }

  listen(callback: () => void): void {
    // Boot must not wait for (or die with) Kafka: readiness reports the state instead.
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
        this.logger.warn(`cannot consume yet (${(error as Error).message}); retrying in ${delay} ms`);
        await this.consumer?.disconnect().catch(() => undefined);
        this.consumer = undefined;
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, this.settings.connectRetryMaxMs);
      }
    }
  }

  private async start(): Promise<void> {
    const { settings } = this;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, settings.ensureTopics, settings.partitions);
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
    });
    consumer.on(consumer.events.CRASH, (event) => {
      this.running = false;
      this.logger.error(`consumer crashed: ${event.payload.error.message}; restart=${event.payload.restart}`);
    });
    consumer.on(consumer.events.DISCONNECT, () => {
      this.running = false;
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

  private async handleBatch({ batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary }: EachBatchPayload): Promise<void> {
    for (const message of batch.messages) {
      // On shutdown or rebalance, stop after the message in hand; the rest is redelivered.
      if (!isRunning() || isStale()) break;
      const outcome = await this.handleMessage(batch.topic, batch.partition, message);
      resolveOffset(message.offset);
      if (outcome === 'dead-lettered') {
        // A dead letter leaves no row in the inbox to recognise it by on a re-read: commit past it at
        // once, so that a crash later in the batch does not send it again.
        await commitOffsetsIfNecessary({ topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: String(Number(message.offset) + 1) }] }] });
      }
      await heartbeat();
    }
    await commitOffsetsIfNecessary();
    const last = batch.messages[batch.messages.length - 1];
    if (last) {
      const lag = Number(batch.highWatermark) - Number(last.offset) - 1;
      this.metrics.consumerLag.set({ consumer: this.settings.consumer, topic: batch.topic, partition: String(batch.partition) }, Math.max(0, lag));
    }
  }

  /** Decodes, validates and applies one message; never throws for a bad message. */
  async handleMessage(topic: string, partition: number, message: KafkaMessage): Promise<MessageOutcome> {
    let envelope: EventEnvelope;
    try {
      envelope = envelopeFromKafka(headersAsStrings(message.headers), message.value);
    } catch (error) {
      return this.deadLetter(topic, partition, message, error as Error, 1);
    }
    const handler = this.getHandlerByPattern(envelope.type);
    if (!handler) {
      // A topic carries all of a producer's events, including versions this build does not know yet
      // (a .v2 published beside .v1); this service handles some of them. Only a type outside the
      // naming scheme is poison.
      if (!definitionOfType(envelope.type) && !SELEKSI_TYPE.test(envelope.type)) {
        return this.deadLetter(topic, partition, message, new MalformedEnvelopeError(`unknown event type ${envelope.type}`), 1);
      }
      return 'ignored';
    }
    let payload: object;
    try {
      payload = validatePayloadOfType(envelope.type, envelope.data);
    } catch (error) {
      return this.deadLetter(topic, partition, message, error as Error, 1);
    }
    const event: EventEnvelope = { ...envelope, data: payload };
    let delay = this.settings.retryInitialMs;
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await runWithCorrelation({ correlationId: event.correlationid, causationId: event.id }, () =>
          this.applyOnce(topic, partition, message.offset, event, handler),
        );
        if (outcome === 'applied') {
          this.metrics.eventsConsumed.inc({ consumer: this.settings.consumer, type: event.type });
        }
        await this.hooks.afterCommit?.(event, outcome);
        return outcome;
      } catch (error) {
        const err = error as Error;
        if (NOT_RETRYABLE.has(err.name) || attempt >= this.settings.maxAttempts) {
          return this.deadLetter(topic, partition, message, err, attempt);
        }
        this.logger.warn(`handling ${event.type} ${event.id} failed (attempt ${attempt}): ${err.message}; retrying in ${delay} ms`);
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, this.settings.retryMaxMs);
      }
    }
  }

  private async applyOnce(
    topic: string,
    partition: number,
    offset: string,
    event: EventEnvelope,
    handler: NonNullable<ReturnType<Server['getHandlerByPattern']>>,
  ): Promise<'applied' | 'duplicate'> {
    return this.dataSource.transaction(async (manager) => {
      const inserted = (await manager.query(
        `INSERT INTO "${this.settings.schema}".inbox (consumer, event_id, event_type, topic, kafka_partition, kafka_offset)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.settings.consumer, event.id, event.type, topic, partition, offset],
      )) as unknown[];
      if (inserted.length === 0) return 'duplicate' as const;
      const context = new EventContext(manager, event, topic, partition, offset);
      await lastValueFrom(this.transformToObservable(await handler(event, context)), { defaultValue: undefined });
      return 'applied' as const;
    });
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, error: Error, attempts: number): Promise<MessageOutcome> {
    this.logger.error(`dead-lettering ${topic}/${partition}@${message.offset} after ${attempts} attempt(s): ${error.message}`);
    const producer = this.dlqProducer;
    if (!producer) throw new Error('dead-letter producer is not connected');
    await sendToDeadLetters(producer, { topic, partition, message, consumer: this.settings.consumer, error, attempts });
    this.metrics.deadLetters.inc({ consumer: this.settings.consumer, topic });
    return 'dead-lettered';
  }
}
