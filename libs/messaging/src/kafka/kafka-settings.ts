import { readFileSync } from 'node:fs';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { isDeadLetterTopic } from '@seleksi/contracts';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  partitions: number;
  topicPrefix: string;
}

/** How a client proves who it is: the SCRAM user whose ACLs the broker enforces. */
export type KafkaCredentials =
  { mechanism: 'scram-sha-512'; username: string; password: string } | { mechanism: 'scram-sha-256'; username: string; password: string };

export interface KafkaConnection {
  brokers: string[];
  clientId: string;
  credentials?: KafkaCredentials;
  /** PEM of the CA that signed the brokers' certificates; TLS is used when it is given. */
  sslCa?: string;
}

/** The connection a service's settings describe (KAFKA_BROKERS, KAFKA_SASL_*, KAFKA_SSL_CA_FILE). */
export function kafkaConnectionFrom(
  config: {
    KAFKA_BROKERS: string;
    KAFKA_SASL_MECHANISM?: KafkaCredentials['mechanism'];
    KAFKA_SASL_USERNAME?: string;
    KAFKA_SASL_PASSWORD?: string;
    KAFKA_SSL_CA_FILE?: string;
  },
  clientId: string,
): KafkaConnection {
  const { KAFKA_SASL_MECHANISM: mechanism, KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = config;
  return {
    brokers: config.KAFKA_BROKERS.split(','),
    clientId,
    credentials: mechanism && username && password ? { mechanism, username, password } : undefined,
    sslCa: config.KAFKA_SSL_CA_FILE ? readFileSync(config.KAFKA_SSL_CA_FILE, 'utf8') : undefined,
  };
}

export function createKafka(settings: KafkaConnection): Kafka {
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    sasl: settings.credentials,
    ssl: settings.sslCa ? { ca: [settings.sslCa] } : undefined,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3_000,
    requestTimeout: 30_000,
    retry: { initialRetryTime: 200, retries: 5, maxRetryTime: 5_000 },
  });
}

/**
 * How topics a service finds missing are created. Unset replication and min.insync.replicas take the
 * broker's defaults (`default.replication.factor`, `min.insync.replicas`: 1 on the local broker, 3 and
 * 2 in deploy/k8s, where the topics are declared as KafkaTopics anyway).
 */
export interface TopicCreation {
  partitions: number;
  replicationFactor?: number;
  minInsyncReplicas?: number;
  /** retention.ms of dead-letter topics (`.dlq`); unset: the broker's default. */
  deadLetterRetentionMs?: number;
}

/** Creates missing topics (a bare number is the partition count); existing topics are left as they are. */
export async function ensureTopics(admin: Admin, topics: string[], creation: number | TopicCreation): Promise<void> {
  const settings = typeof creation === 'number' ? { partitions: creation } : creation;
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((t) => !existing.has(t));
  if (missing.length === 0) return;
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: settings.partitions,
        replicationFactor: settings.replicationFactor ?? -1,
        configEntries: topicConfig(topic, settings),
      })),
    });
  } catch (error) {
    // Another instance may have created them in between; only a topic still missing is a failure.
    const now = new Set(await admin.listTopics());
    if (missing.some((t) => !now.has(t))) throw error;
  }
}

function topicConfig(topic: string, settings: TopicCreation): { name: string; value: string }[] {
  const entries: { name: string; value: string }[] = [];
  if (settings.minInsyncReplicas !== undefined) entries.push({ name: 'min.insync.replicas', value: String(settings.minInsyncReplicas) });
  if (settings.deadLetterRetentionMs !== undefined && isDeadLetterTopic(topic))
    entries.push({ name: 'retention.ms', value: String(settings.deadLetterRetentionMs) });
  return entries;
}
