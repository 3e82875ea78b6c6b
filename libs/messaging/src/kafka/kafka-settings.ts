import { readFileSync } from 'node:fs';
import { Admin, Kafka, logLevel } from 'kafkajs';

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

/** Creates missing topics with the configured partition count; existing topics are left as they are. */
export async function ensureTopics(admin: Admin, topics: string[], partitions: number): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((t) => !existing.has(t));
  if (missing.length === 0) return;
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
    });
  } catch (error) {
    // Another instance may have created them in between; only a topic still missing is a failure.
    const now = new Set(await admin.listTopics());
    if (missing.some((t) => !now.has(t))) throw error;
  }
}
