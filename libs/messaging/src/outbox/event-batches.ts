import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';

/**
 * Event batches: one outbox row that stands for many events of one type (hundreds of thousands, say
 * a period's results), published by the relay page by page from a source the service registers.
 *
 * Why: writing an outbox row per event costs more than the state change itself when one request
 * changes a whole period (500,000 rows of JSON, headers and a unique id each). The effect the batch
 * describes is already stored in the service's own tables; the batch row names the source that reads
 * the events back from them and the parameters that select them. On the topic nothing changes: every
 * event is a message of its own, with its own CloudEvents headers and contract-checked payload.
 *
 * Guarantees, the same as for single rows:
 * - the batch exists if and only if the transaction that wrote it committed;
 * - rows are published in outbox id order, so a batch's events come after every event written before
 *   it and before every event written after it;
 * - each event's id is derived from the batch's id and the item's id, so a page sent twice (a relay
 *   that crashed after Kafka acknowledged it) carries the same ids and consumers' inboxes skip it.
 *
 * The source must read the same events every time it is asked for a page, which holds when it reads
 * rows that no longer change (finalized results), or the current state of rows whose every later
 * change writes an event of its own after the batch (so the last event a consumer sees is the current
 * state).
 */
export interface BatchEvent {
  /** Stable within the batch (an application id): the event's id is derived from it. */
  itemId: string;
  payload: Record<string, unknown>;
}

export interface BatchPage {
  events: BatchEvent[];
  /** Where the next page starts; null when this page is the last. */
  next: string | null;
}

export interface EventBatchSource {
  /**
   * The page of the batch that starts at `cursor` (null: the first page), at most `limit` events.
   * Reads through `manager`: the writer's transaction when the batch is checked, the relay's
   * connection when it is published.
   */
  read(manager: EntityManager, params: Record<string, unknown>, cursor: string | null, limit: number): Promise<BatchPage>;
}

/** The sources a service publishes batches from, by name (the name is stored in the outbox row). */
export type EventBatchSources = Record<string, EventBatchSource>;

/**
 * The id of the event for `itemId` in batch `batchId`: a name-based UUID (version 5 layout, SHA-1 of
 * both), the same on every page read, distinct for every item.
 */
export function batchEventId(batchId: string, itemId: string): string {
  const hash = createHash('sha1').update(batchId).update('\u0000').update(itemId).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
