import { ApplicationSubmitted, EventEnvelope } from '@seleksi/contracts';
import {
  EventBatchSources,
  MessagingTables1763800000000,
  Outbox,
  OutboxEventBatches1763800000900,
  OutboxRelay,
  RelayHooks,
  TopicNames,
} from '@seleksi/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { connectAsService, freshSchema } from '../database';
import { newIds, newPayload } from '../factories';
import { testKafka, uniqueTopicPrefix } from '../kafka';
import { ProbeEffects1763800009000 } from './probe-effects.migration';

export const PROBE_MIGRATIONS = [MessagingTables1763800000000, OutboxEventBatches1763800000900, ProbeEffects1763800009000];

/**
 * A producer schema (standing in for registration: outbox + relay) and a consumer schema (inbox +
 * effects), each with its own role, and a topic prefix of their own.
 */
export interface ProbePair {
  prefix: string;
  topics: TopicNames;
  topic: string;
  producerSchema: string;
  consumerSchema: string;
  producerDb: DataSource;
  consumerDb: DataSource;
  outbox: Outbox;
  submit(count: number, options?: { applicationIds?: string[]; registrationNumber?: (i: number) => string }): Promise<EventEnvelope<ApplicationSubmitted>[]>;
  /**
   * `count` ApplicationSubmitted as one event batch (source `probe-submitted`, pages in application
   * order); `broken` makes the source build payloads that breach the contract. Resolves to the batch
   * id and the payloads the source serves.
   */
  submitBatch(count: number, options?: { broken?: boolean }): Promise<{ batchId: string; written: boolean; payloads: ApplicationSubmitted[] }>;
  relay(hooks?: RelayHooks): OutboxRelay;
  effects(): Promise<
    { event_id: string; application_id: string; registration_number: string; instance: string; correlation_id: string | null; causation_id: string | null }[]
  >;
  inboxCount(): Promise<number>;
  close(): Promise<void>;
}

export async function createProbePair(name: string): Promise<ProbePair> {
  const producerSchema = `probe_${name}_out`;
  const consumerSchema = `probe_${name}_in`;
  await freshSchema(producerSchema);
  await freshSchema(consumerSchema);
  const producerDb = await connectAsService(producerSchema, PROBE_MIGRATIONS);
  const consumerDb = await connectAsService(consumerSchema, PROBE_MIGRATIONS);
  const prefix = uniqueTopicPrefix();
  const topics = new TopicNames(prefix);
  // The batch source serves the payloads the test made, by batch and in application id order, the
  // same on every read (as a source reading finished rows of a service's tables would).
  const batchItems = new Map<string, ApplicationSubmitted[]>();
  const batches: EventBatchSources = {
    'probe-submitted': {
      async read(_manager, params, cursor, limit) {
        const items = batchItems.get(params.key as string) ?? [];
        const start = cursor === null ? 0 : Number(cursor);
        const page = items.slice(start, start + limit);
        const end = start + page.length;
        return {
          events: page.map((p) => ({ itemId: p.applicationId, payload: p as unknown as Record<string, unknown> })),
          next: end < items.length ? String(end) : null,
        };
      },
    },
  };
  const outbox = new Outbox({ service: 'registration', schema: producerSchema, topics, batches });
  const relays: OutboxRelay[] = [];
  return {
    prefix,
    topics,
    topic: topics.of('registration'),
    producerSchema,
    consumerSchema,
    producerDb,
    consumerDb,
    outbox,
    async submit(count, options = {}) {
      const payloads = Array.from({ length: count }, (_, i) => {
        const ids = newIds({ applicationId: options.applicationIds?.[i % options.applicationIds.length] });
        return newPayload('ApplicationSubmitted', ids, options.registrationNumber ? { registrationNumber: options.registrationNumber(i) } : {});
      });
      return producerDb.transaction((manager) => outbox.enqueueMany(manager, 'ApplicationSubmitted', payloads));
    },
    async submitBatch(count, options = {}) {
      const key = randomUUID();
      const payloads = Array.from({ length: count }, () => newPayload('ApplicationSubmitted', newIds()))
        .map((p) => (options.broken ? { ...p, submittedAt: 'yesterday' } : p))
        .sort((a, b) => (a.applicationId < b.applicationId ? -1 : 1));
      batchItems.set(key, payloads);
      const { batchId, written } = await producerDb.transaction((manager) =>
        outbox.enqueueBatch(manager, 'ApplicationSubmitted', 'probe-submitted', { key }, payloads.length),
      );
      return { batchId, written, payloads };
    },
    relay(hooks) {
      const relay = new OutboxRelay(
        producerDb,
        testKafka(`relay-${name}`),
        { schema: producerSchema, batchSize: 200, pollIntervalMs: 50, standbyRetryMs: 300, topics: [topics.of('registration')], partitions: 6, batches },
        hooks,
      );
      relays.push(relay);
      return relay;
    },
    effects: () =>
      consumerDb.query(
        `SELECT event_id, application_id, registration_number, instance, correlation_id, causation_id FROM "${consumerSchema}".effects ORDER BY id`,
      ),
    async inboxCount() {
      const [row] = (await consumerDb.query(`SELECT count(*)::int AS n FROM "${consumerSchema}".inbox`)) as { n: number }[];
      return row.n;
    },
    async close() {
      await Promise.all(relays.map((r) => r.stop()));
      await producerDb.destroy();
      await consumerDb.destroy();
    },
  };
}
