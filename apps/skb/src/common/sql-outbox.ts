import { Injectable } from '@nestjs/common';
import { CE_HEADERS, EventName, EVENTS, eventType, validatePayloadOfType } from '@seleksi/contracts';
import { correlationIdOrNew, currentCorrelation, TopicNames } from '@seleksi/messaging';
import { EntityManager } from 'typeorm';
import { SqlParams } from './sql-params';

/**
 * Event ids are UUIDs whose first 48 bits are the time in milliseconds (the layout of UUIDv7; the rest random).
 * The outbox's unique index on event_id then grows at its right edge: with random (v4) ids, hundreds
 * of thousands of inserts land on random leaf pages, which the heap pages written beside them keep
 * evicting from shared buffers.
 */
const TIME_ORDERED_BYTES = `overlay(uuid_send(gen_random_uuid()) PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6)`;
/** The version nibble of those bytes set to 7. */
const AS_UUID_V7 = (bytes: string) => `encode(set_byte(${bytes}, 6, (get_byte(${bytes}, 6) & 15) | 112), 'hex')::uuid`;

/** How many of the rows just written are read back and checked against the contract. */
const SPOT_CHECKED = 50;

/**
 * The outbox write of libs/messaging (`Outbox`), done by SQL for events built by SQL: when hundreds of
 * thousands of events come out of one statement, building each in JavaScript (and validating it with
 * class-validator) costs more than the rest of the work together. Rows are the same as `Outbox`
 * writes: one per event, keyed by the event definition's key, with the CloudEvents headers of
 * `envelopeToHeaders` (ce_id = event_id, ce_subject = the key, the request's correlation and
 * causation ids) and `ce_time` = `created_at`.
 *
 * The statement that builds the payloads is held to the contract by the tests (every event published
 * is validated as a consumer would), and here by reading back the first rows and validating them
 * before the transaction commits.
 */
@Injectable()
export class SqlOutbox {
  constructor(private readonly topics: TopicNames) {}

  /**
   * The INSERT for events whose payloads are the `payload` column of `relation` (a CTE or subquery
   * of the caller's statement), returning the outbox ids; its values are added to `params`. The rows
   * go in whatever order the plan yields them (sorting hundreds of thousands of payloads would cost
   * more than the rest): the relation must hold at most one event per key, since order only matters
   * between events of one key.
   */
  insert(name: EventName, relation: string, params: SqlParams): string {
    const def = EVENTS[name];
    if (def.producer !== 'skb') throw new Error(`skb cannot publish ${name}: its producer is ${def.producer}`);
    const correlation = currentCorrelation();
    const type = params.add(eventType(name), 'text');
    const time = params.add(new Date().toISOString(), 'text');
    const causationId = correlation?.causationId;
    const headers: [string, string][] = [
      [CE_HEADERS.id, 'e.id::text'],
      [CE_HEADERS.type, type],
      [CE_HEADERS.source, `'skb'`],
      [CE_HEADERS.time, time],
      [CE_HEADERS.specversion, `'1.0'`],
      [CE_HEADERS.subject, 'e.key'],
      [CE_HEADERS.correlationid, params.add(correlation?.correlationId ?? correlationIdOrNew(), 'text')],
      [CE_HEADERS.contentType, `'application/json'`],
      ...(causationId ? [[CE_HEADERS.causationid, params.add(causationId, 'text')] as [string, string]] : []),
    ];
    // A volatile function in a subquery's select list keeps the planner from inlining it, so each
    // event's id is drawn once (in b) and is the same in event_id and ce_id.
    return `
      INSERT INTO skb.outbox (event_id, event_type, topic, message_key, headers, payload, created_at)
      SELECT e.id, ${type}, ${params.add(this.topics.of('skb'), 'text')}, e.key,
             jsonb_build_object(${headers.map(([attribute, value]) => `'${attribute}', ${value}`).join(', ')}),
             e.payload, ${time}::timestamptz
        FROM (SELECT ${AS_UUID_V7('b.bytes')} AS id, b.key, b.payload
                FROM (SELECT ${TIME_ORDERED_BYTES} AS bytes, r.payload ->> '${def.key}' AS key, r.payload FROM ${relation} r) b) e
      RETURNING id`;
  }

  /**
   * Validates the first events of `name` written at or after outbox id `firstId` against the contract;
   * a payload the statement built wrongly fails the transaction instead of reaching consumers.
   */
  async spotCheck(manager: EntityManager, name: EventName, firstId: string | null): Promise<void> {
    if (firstId === null) return;
    const type = eventType(name);
    const rows: { payload: unknown }[] = await manager.query(
      `SELECT payload FROM skb.outbox WHERE id >= $1 AND event_type = $2 ORDER BY id LIMIT ${SPOT_CHECKED}`,
      [firstId, type],
    );
    for (const row of rows) validatePayloadOfType(type, row.payload);
  }
}
