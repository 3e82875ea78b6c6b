import { Logger } from '@nestjs/common';
import { EventEnvelope } from '@seleksi/contracts';
import { KafkaMessage } from 'kafkajs';
import { lastValueFrom, Observable } from 'rxjs';
import { DataSource, EntityManager } from 'typeorm';
import { runWithCorrelation } from '../correlation';
import { MessagingMetrics } from '../runtime/messaging-metrics';
import { ConsumerSettings } from './consumer-settings';
import { DecodedEvent, DecodedMessage } from './decoded-message';
import { EventBatchContext } from './event-batch-pattern';
import { EventContext } from './event-context';
import { classifyFailure, Dependency } from './failure-kind';
import { Outages } from './outages';

export type MessageOutcome = 'applied' | 'duplicate' | 'ignored' | 'dead-lettered';

export interface ConsumerHooks {
  /** Test seam: runs after the effect's transaction committed and before the offset is resolved. */
  afterCommit?: (envelope: EventEnvelope, outcome: 'applied' | 'duplicate') => Promise<void> | void;
}

/** The partition a unit of work came from, and what the transport lets the applier do with it. */
export interface PartitionInHand {
  topic: string;
  partition: number;
  heartbeat(): Promise<void>;
  /** False once the consumer stops or the partition was taken away: stop and let it be redelivered. */
  active(): boolean;
  /** Called after a message went to the dead-letter topic. */
  deadLettered(message: KafkaMessage): Promise<void>;
}

export interface ApplierPorts {
  toObservable(result: unknown): Observable<unknown>;
  sendToDeadLetters(topic: string, partition: number, message: KafkaMessage, error: Error, attempts: number): Promise<void>;
}

type Attempt<T> = { ok: true; value: T } | { ok: false; error: Error } | { ok: false; aborted: true };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Applies a partition's units (see segmentsOf) in offset order, each in one transaction with one
 * multi-row inbox insert; splits a failing chunk until the failing event is found; waits out an
 * infrastructure failure instead of dead-lettering anything.
 */
export class EventApplier {
  private readonly logger = new Logger('KafkaEventServer');

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: ConsumerSettings,
    private readonly metrics: MessagingMetrics,
    readonly outages: Outages,
    private readonly ports: ApplierPorts,
    private readonly hooks: ConsumerHooks = {},
  ) {}

  /** True when the unit was dealt with (applied, skipped or dead-lettered); false when stopped. */
  async apply(partition: PartitionInHand, segment: DecodedMessage[]): Promise<boolean> {
    const [first] = segment;
    if (first.kind === 'poison') return this.deadLetter(partition, first.message, first.error, 1);
    const events = segment.filter((item): item is DecodedEvent => item.kind === 'event');
    if (events.length === 0) return true;
    if (!events[0].batch || events.length === 1) return this.applyAlone(partition, events[0]);
    return this.applyChunk(partition, events);
  }

  /**
   * A chunk that fails for a reason other than infrastructure is cut in two and each half applied
   * in turn (left first, so order holds), until the failing event stands alone: only it is retried
   * and perhaps dead-lettered, every other event is applied once, in its own smaller chunk.
   */
  private async applyChunk(partition: PartitionInHand, events: DecodedEvent[]): Promise<boolean> {
    const attempt = await this.untilAvailable(partition, () => this.transact(partition, events));
    if (attempt.ok) return this.committed(events, attempt.value);
    if ('aborted' in attempt) return false;
    if (events.length === 1) return this.applyAlone(partition, events[0], attempt.error);
    const half = Math.ceil(events.length / 2);
    this.logger.warn(`a chunk of ${events.length} events from ${partition.topic}/${partition.partition} failed (${attempt.error.message}); splitting it`);
    return (await this.applyChunk(partition, events.slice(0, half))) && this.applyChunk(partition, events.slice(half));
  }

  /** One event: poison is dead-lettered at once, an unknown error after CONSUMER_MAX_ATTEMPTS tries. */
  private async applyAlone(partition: PartitionInHand, item: DecodedEvent, firstError?: Error): Promise<boolean> {
    let error = firstError;
    let attempts = firstError ? 1 : 0;
    let delay = this.settings.retryInitialMs;
    for (;;) {
      if (error) {
        if (classifyFailure(error).kind === 'poison' || attempts >= this.settings.maxAttempts) {
          return this.deadLetter(partition, item.message, error, attempts);
        }
        this.logger.warn(`handling ${item.event.type} ${item.event.id} failed (attempt ${attempts}): ${error.message}; retrying in ${delay} ms`);
        await sleep(delay);
        delay = Math.min(delay * 2, this.settings.retryMaxMs);
        if (!partition.active()) return false;
      }
      attempts++;
      const attempt = await this.untilAvailable(partition, () => this.transact(partition, [item]));
      if (attempt.ok) return this.committed([item], attempt.value);
      if ('aborted' in attempt) return false;
      error = attempt.error;
    }
  }

  /**
   * One transaction: the inbox rows of all the events in one statement (those already there come
   * back missing from RETURNING and are skipped), then the fresh events through their handlers, in
   * order, consecutive events of one batch form in one call.
   */
  private transact(partition: PartitionInHand, events: DecodedEvent[]): Promise<Set<string>> {
    return this.dataSource.transaction(async (manager) => {
      const inserted = (await manager.query(
        `INSERT INTO "${this.settings.schema}".inbox (consumer, event_id, event_type, topic, kafka_partition, kafka_offset)
         SELECT $1, event_id, event_type, $2, $3, kafka_offset FROM unnest($4::uuid[], $5::text[], $6::bigint[]) AS e (event_id, event_type, kafka_offset)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [
          this.settings.consumer,
          partition.topic,
          partition.partition,
          events.map((e) => e.event.id),
          events.map((e) => e.event.type),
          events.map((e) => e.message.offset),
        ],
      )) as { event_id: string }[];
      const fresh = new Set(inserted.map((row) => row.event_id));
      // The same event twice in one chunk (a re-publish) has one inbox row: only its first copy runs.
      const pending = new Set(fresh);
      const toApply = events.filter((e) => pending.delete(e.event.id));
      for (const run of runsOf(toApply)) await this.invoke(manager, partition, run);
      return fresh;
    });
  }

  private async invoke(manager: EntityManager, partition: PartitionInHand, run: DecodedEvent[]): Promise<void> {
    const [first] = run;
    // Events a batch form writes to the outbox carry the first event's correlation id.
    await runWithCorrelation({ correlationId: first.event.correlationid, causationId: first.event.id }, async () => {
      if (first.batch) {
        const events = run.map((e) => e.event);
        const result = await first.handler(events, new EventBatchContext(manager, events, partition.topic, partition.partition));
        await lastValueFrom(this.ports.toObservable(result), { defaultValue: undefined });
        return;
      }
      const context = new EventContext(manager, first.event, partition.topic, partition.partition, first.message.offset);
      await lastValueFrom(this.ports.toObservable(await first.handler(first.event, context)), { defaultValue: undefined });
    });
  }

  private async committed(events: DecodedEvent[], fresh: Set<string>): Promise<true> {
    for (const { event } of events) {
      const outcome = fresh.delete(event.id) ? 'applied' : 'duplicate';
      if (outcome === 'applied') this.metrics.eventsConsumed.inc({ consumer: this.settings.consumer, type: event.type });
      await this.hooks.afterCommit?.(event, outcome);
    }
    return true;
  }

  private async deadLetter(partition: PartitionInHand, message: KafkaMessage, error: Error, attempts: number): Promise<boolean> {
    this.logger.error(`dead-lettering ${partition.topic}/${partition.partition}@${message.offset} after ${attempts} attempt(s): ${error.message}`);
    const sent = await this.untilAvailable(partition, () => this.ports.sendToDeadLetters(partition.topic, partition.partition, message, error, attempts));
    if (!sent.ok) return false;
    this.metrics.deadLetters.inc({ consumer: this.settings.consumer, topic: partition.topic });
    await partition.deadLettered(message);
    return true;
  }

  /**
   * Runs `work`; while it fails for an infrastructure reason the partition waits (heartbeating, so it
   * keeps its assignment) and tries again with capped backoff, for as long as it takes. The wait is
   * counted in seleksi_consumer_paused_seconds_total and the dependency shown by /health/ready.
   */
  private async untilAvailable<T>(partition: PartitionInHand, work: () => Promise<T>): Promise<Attempt<T>> {
    let delay = this.settings.retryInitialMs;
    let pausedSince: number | undefined;
    let waitingOn: Dependency | undefined;
    // Paused time runs from the start of the first failed attempt (a pool timeout takes seconds) to success.
    let counted = 0;
    const count = (until: number) => {
      if (pausedSince === undefined || !waitingOn) return;
      this.metrics.consumerPaused.inc({ consumer: this.settings.consumer, dependency: waitingOn }, Math.max(0, until - counted) / 1000);
      counted = until;
    };
    for (;;) {
      const started = Date.now();
      try {
        const value = await work();
        if (waitingOn && pausedSince !== undefined) {
          count(Date.now());
          this.outages.up(waitingOn);
          this.logger.log(`${partition.topic}/${partition.partition} resumes after ${Math.round((Date.now() - pausedSince) / 1000)} s`);
        }
        return { ok: true, value };
      } catch (caught) {
        const error = caught as Error;
        const failure = classifyFailure(error);
        if (failure.kind !== 'infrastructure' || !failure.dependency) {
          count(Date.now());
          return { ok: false, error };
        }
        waitingOn = failure.dependency;
        this.outages.down(failure.dependency, error);
        if (pausedSince === undefined) {
          pausedSince = counted = started;
          this.logger.warn(`${partition.topic}/${partition.partition} paused: ${failure.dependency} unavailable (${error.message}); retrying until it is back`);
        }
        await this.pause(partition, delay);
        count(Date.now());
        if (!partition.active()) return { ok: false, aborted: true };
        delay = Math.min(delay * 2, this.settings.retryMaxMs);
      }
    }
  }

  /** Sleeps `ms` in slices, heartbeating between them. */
  private async pause(partition: PartitionInHand, ms: number): Promise<void> {
    const started = Date.now();
    while (Date.now() - started < ms && partition.active()) {
      await sleep(Math.min(1_000, ms - (Date.now() - started)));
      await partition.heartbeat();
    }
  }
}
/** Consecutive events that go to the same batch form in one call; any other event alone. */
function runsOf(events: DecodedEvent[]): DecodedEvent[][] {
  const runs: DecodedEvent[][] = [];
  for (const e of events) {
    const current = runs[runs.length - 1];
    if (current && e.batch && current[0].batch && current[0].handler === e.handler) current.push(e);
    else runs.push([e]);
  }
  return runs;
}
