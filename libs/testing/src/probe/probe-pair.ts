import { ApplicationSubmitted, EventEnvelope } from '@seleksi/contracts';
import { MessagingTables1763800000000, Outbox, OutboxRelay, RelayHooks, TopicNames } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { connectAsService, freshSchema } from '../database';
import { newIds, newPayload } from '../factories';
import { testKafka, uniqueTopicPrefix } from '../kafka';
import { ProbeEffects1763800009000 } from './probe-effects.migration';

export const PROBE_MIGRATIONS = [MessagingTables1763800000000, ProbeEffects1763800009000];

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
  relay(hooks?: RelayHooks): OutboxRelay;
  effects(): Promise<{ event_id: string; application_id: string; registration_number: string; instance: string; correlation_id: string | null; causation_id: string | null }[]>;
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
  const outbox = new Outbox({ service: 'registration', schema: producerSchema, topics });
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
    relay(hooks) {
      const relay = new OutboxRelay(producerDb, testKafka(`relay-${name}`), { schema: producerSchema, batchSize: 200, pollIntervalMs: 50, standbyRetryMs: 300, topics: [topics.of('registration')], partitions: 6 }, hooks);
      relays.push(relay);
      return relay;
    },
    effects: () => consumerDb.query(`SELECT event_id, application_id, registration_number, instance, correlation_id, causation_id FROM "${consumerSchema}".effects ORDER BY id`),
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
