import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Admin, Kafka, KafkaMessage, logLevel } from 'kafkajs';
import { testInfra } from './infra';

export function testKafka(clientId = 'seleksi-test'): Kafka {
  return new Kafka({
    clientId,
    brokers: testInfra().brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 8, initialRetryTime: 200 },
  });
}

/**
 * The local broker's SASL/SCRAM listener (deploy/kafka/kafka.sh: KAFKA_SASL_PORT, default KAFKA_PORT + 2),
 * where the services' users and their ACLs are enforced.
 */
export function testSaslBrokers(): string[] {
  const port = process.env.KAFKA_SASL_PORT ?? String(Number(testInfra().brokers[0].split(':')[1]) + 2);
  return [`127.0.0.1:${port}`];
}

/** The password kafka.sh gives a service's SCRAM user on the local broker (never used outside it). */
export function localKafkaCredentials(service: string): { mechanism: 'scram-sha-512'; username: string; password: string } {
  const username = `seleksi-${service}`;
  return { mechanism: 'scram-sha-512', username, password: `${username}-local` };
}

/** A client that connects to the local broker as a service's own SCRAM user. */
export function testKafkaAs(service: string): Kafka {
  return new Kafka({
    clientId: `seleksi-${service}-test`,
    brokers: testSaslBrokers(),
    sasl: localKafkaCredentials(service),
    logLevel: logLevel.NOTHING,
    retry: { retries: 2, initialRetryTime: 100 },
  });
}

/** A topic prefix no other test run uses, so each test reads only its own events. */
export function uniqueTopicPrefix(): string {
  return rememberTopicPrefix(`t${randomBytes(5).toString('hex')}.`);
}

/** Where a test file's topic prefixes are kept for tools/jest/environment.js, which deletes their topics after the file. */
export const TOPIC_PREFIXES_GLOBAL = '__seleksiTopicPrefixes';

/**
 * Records a prefix whose topics this test file made: the Jest environment deletes them when the file
 * ends, so the shared broker holds one file's topics at a time and a broker restart (the fault
 * drills) does not have to load those of a hundred earlier files. Returns the prefix.
 */
export function rememberTopicPrefix(prefix: string): string {
  const holder = globalThis as unknown as Record<string, Set<string> | undefined>;
  (holder[TOPIC_PREFIXES_GLOBAL] ??= new Set<string>()).add(prefix);
  return prefix;
}

/** How many messages a topic holds (all partitions). */
export async function messageCount(admin: Admin, topic: string): Promise<number> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
}

export interface ReadMessage {
  partition: number;
  message: KafkaMessage;
}

/** Reads a topic from the beginning up to its current end, with a throwaway consumer group. */
export async function readTopic(kafka: Kafka, topic: string, timeoutMs = 30_000): Promise<ReadMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const ends = new Map(offsets.map((p) => [p.partition, Number(p.high)]));
  // From each partition's first retained offset (low), not from 0: retention may have deleted the head.
  const expected = offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  const out: ReadMessage[] = [];
  if (expected === 0) return out;
  const consumer = kafka.consumer({ groupId: `reader-${randomBytes(6).toString('hex')}`, sessionTimeout: 6_000, heartbeatInterval: 1_000 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`read only ${out.length}/${expected} messages of ${topic}`)), timeoutMs);
    void consumer.run({
      eachMessage: async ({ partition, message }) => {
        if (Number(message.offset) < (ends.get(partition) ?? 0)) out.push({ partition, message });
        if (out.length >= expected) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  try {
    await done;
  } finally {
    await consumer.disconnect();
  }
  return out;
}

/** Stops or starts the project's real broker through its own script. */
export function broker(command: 'start' | 'stop' | 'status'): string {
  const result = spawnSync('bash', [join(testInfra().repoRoot, 'deploy/kafka/kafka.sh'), command], { encoding: 'utf8' });
  if (result.status !== 0 && command !== 'status') {
    throw new Error(`kafka.sh ${command} failed: ${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}
