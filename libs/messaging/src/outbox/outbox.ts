import { createEnvelope, envelopeToHeaders, EventEnvelope, EventName, EVENTS, eventType, PayloadOf, ServiceName, validatePayload } from '@seleksi/contracts';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { correlationIdOrNew, currentCorrelation } from '../correlation';
import { TopicNames } from '../kafka/topic-names';
import { EventBatchSources } from './event-batches';

const ROWS_PER_INSERT = 20_000;

/** How many events of a new batch are read back and checked against the contract before it is written. */
const BATCH_SPOT_CHECK = 50;

export interface OutboxSettings {
  service: ServiceName;
  schema: string;
  topics: TopicNames;
  /** The sources this service's event batches are read from (see event-batches.ts). */
  batches?: EventBatchSources;
}

export interface EnqueuedBatch {
  /** The batch's id; each event's id is derived from it (`batchEventId`). */
  batchId: string;
  /** False for a batch of no events: nothing was written. */
  written: boolean;
}

/**
 * Writes events in the caller's transaction. Nothing is sent here: the relay publishes committed
 * rows, so an event exists if and only if the state change that caused it was committed.
 */
export class Outbox {
  constructor(private readonly settings: OutboxSettings) {}

  async enqueue<N extends EventName>(manager: EntityManager, name: N, data: PayloadOf<N>): Promise<EventEnvelope<PayloadOf<N>>> {
    const [envelope] = await this.enqueueMany(manager, name, [data]);
    return envelope;
  }

  /** Many events of one type (bulk decisions, finalizations), one INSERT per chunk of rows. */
  async enqueueMany<N extends EventName>(manager: EntityManager, name: N, items: PayloadOf<N>[]): Promise<EventEnvelope<PayloadOf<N>>[]> {
    const written: EventEnvelope<PayloadOf<N>>[] = [];
    await this.write(manager, name, items, (chunk) => written.push(...chunk));
    return written;
  }

  /**
   * The same for very large batches (hundreds of thousands of events in one transaction): the
   * envelopes are not kept, so memory holds one chunk at a time. Returns how many were written.
   */
  async enqueueAll<N extends EventName>(manager: EntityManager, name: N, items: PayloadOf<N>[]): Promise<number> {
    await this.write(manager, name, items, () => undefined);
    return items.length;
  }

  /**
   * One outbox row for all the `events` events `source` reads with `params` (an event batch): the
   * relay publishes them page by page, each as its own message, and counts them (a source that
   * serves another number is logged). The first events are read back here, in the caller's
   * transaction, and checked against the contract, so a source that builds payloads wrongly fails the
   * write instead of reaching consumers. No events, no row.
   */
  async enqueueBatch<N extends EventName>(
    manager: EntityManager,
    name: N,
    source: string,
    params: Record<string, unknown>,
    events: number,
  ): Promise<EnqueuedBatch> {
    const def = EVENTS[name];
    if (def.producer !== this.settings.service) {
      throw new Error(`${this.settings.service} cannot publish ${name}: its producer is ${def.producer}`);
    }
    const reader = this.settings.batches?.[source];
    if (!reader) throw new Error(`${this.settings.service} has no event batch source "${source}"`);
    const batchId = randomUUID();
    if (events === 0) return { batchId, written: false };
    const first = await reader.read(manager, params, null, BATCH_SPOT_CHECK);
    if (first.events.length === 0) throw new Error(`batch source ${source} has no events for a batch said to hold ${events}`);
    for (const event of first.events) {
      validatePayload(name, event.payload as PayloadOf<N>);
      if (typeof event.payload[def.key] !== 'string') throw new Error(`${name} from batch source ${source} has no ${def.key} to key the message by`);
    }
    const correlation = currentCorrelation();
    // The headers every event of the batch shares; the relay adds each one's id and subject.
    const template = createEnvelope({
      id: batchId,
      type: eventType(name),
      source: this.settings.service,
      subject: '',
      data: null,
      correlationId: correlation?.correlationId ?? correlationIdOrNew(),
      causationId: correlation?.causationId ?? null,
    });
    await manager.query(
      `INSERT INTO "${this.settings.schema}".outbox (event_id, event_type, topic, message_key, headers, payload, created_at, batch_source, batch_events, batch_published)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0)`,
      [
        batchId,
        template.type,
        this.settings.topics.of(def.producer),
        `batch:${source}`,
        JSON.stringify(envelopeToHeaders(template)),
        JSON.stringify(params),
        template.time,
        source,
        events,
      ],
    );
    return { batchId, written: true };
  }

  private async write<N extends EventName>(
    manager: EntityManager,
    name: N,
    items: PayloadOf<N>[],
    onChunk: (envelopes: EventEnvelope<PayloadOf<N>>[]) => void,
  ): Promise<void> {
    const def = EVENTS[name];
    if (def.producer !== this.settings.service) {
      throw new Error(`${this.settings.service} cannot publish ${name}: its producer is ${def.producer}`);
    }
    if (items.length === 0) return;
    const topic = this.settings.topics.of(def.producer);
    const type = eventType(name);
    const correlation = currentCorrelation();
    const correlationId = correlation?.correlationId ?? correlationIdOrNew();
    const causationId = correlation?.causationId ?? null;
    for (let start = 0; start < items.length; start += ROWS_PER_INSERT) {
      // Every payload is checked against its contract before it is written, however many there are.
      const envelopes = items.slice(start, start + ROWS_PER_INSERT).map((data) => {
        validatePayload(name, data);
        const keyValue = (data as unknown as Record<string, unknown>)[def.key];
        if (typeof keyValue !== 'string') throw new Error(`${name} has no ${def.key} to key the message by`);
        return createEnvelope({ type, source: this.settings.service, subject: keyValue, data, correlationId, causationId });
      });
      // Arrays as parameters (unnest) keep one statement per chunk whatever its size, in the order given,
      // so the relay publishes them in that order.
      await manager.query(
        `INSERT INTO "${this.settings.schema}".outbox (event_id, event_type, topic, message_key, headers, payload, created_at)
         SELECT u.id, $1, $2, u.k, u.h::jsonb, u.p::jsonb, u.t::timestamptz
           FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS u(id, k, h, p, t, n)
          ORDER BY u.n`,
        [
          type,
          topic,
          envelopes.map((e) => e.id),
          envelopes.map((e) => e.subject),
          envelopes.map((e) => JSON.stringify(envelopeToHeaders(e))),
          envelopes.map((e) => JSON.stringify(e.data)),
          envelopes.map((e) => e.time),
        ],
      );
      onChunk(envelopes);
    }
  }
}
