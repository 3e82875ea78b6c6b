import {
  createEnvelope,
  envelopeToHeaders,
  EventEnvelope,
  EventName,
  EVENTS,
  eventType,
  PayloadOf,
  ServiceName,
  validatePayload,
} from '@seleksi/contracts';
import { EntityManager } from 'typeorm';
import { correlationIdOrNew, currentCorrelation } from '../correlation';
import { TopicNames } from '../kafka/topic-names';

const ROWS_PER_INSERT = 5_000;

export interface OutboxSettings {
  service: ServiceName;
  schema: string;
  topics: TopicNames;
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

  /** One multi-row INSERT for many events of one type (bulk decisions, imports). */
  async enqueueMany<N extends EventName>(manager: EntityManager, name: N, items: PayloadOf<N>[]): Promise<EventEnvelope<PayloadOf<N>>[]> {
    const def = EVENTS[name];
    if (def.producer !== this.settings.service) {
      throw new Error(`${this.settings.service} cannot publish ${name}: its producer is ${def.producer}`);
    }
    if (items.length === 0) return [];
    const topic = this.settings.topics.of(def.producer);
    const correlation = currentCorrelation();
    const envelopes = items.map((data) => {
      validatePayload(name, data);
      const keyValue = (data as unknown as Record<string, unknown>)[def.key];
      if (typeof keyValue !== 'string') throw new Error(`${name} has no ${def.key} to key the message by`);
      return createEnvelope({
        type: eventType(name),
        source: this.settings.service,
        subject: keyValue,
        data,
        correlationId: correlation?.correlationId ?? correlationIdOrNew(),
        causationId: correlation?.causationId ?? null,
      });
    });
    // PostgreSQL takes at most 65,535 bind parameters per statement; 7 per row.
    for (let start = 0; start < envelopes.length; start += ROWS_PER_INSERT) {
      const chunk = envelopes.slice(start, start + ROWS_PER_INSERT);
      const params: unknown[] = [];
      const rows = chunk.map((e, i) => {
        params.push(e.id, e.type, topic, e.subject, JSON.stringify(envelopeToHeaders(e)), JSON.stringify(e.data), e.time);
        const b = i * 7;
        return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7})`;
      });
      await manager.query(
        `INSERT INTO "${this.settings.schema}".outbox (event_id, event_type, topic, message_key, headers, payload, created_at)
         VALUES ${rows.join(', ')}`,
        params,
      );
    }
    return envelopes;
  }
}
