import { randomUUID } from 'node:crypto';
import { Kafka, KafkaMessage } from 'kafkajs';
import { DLQ_HEADERS, headersAsStrings } from './dead-letters';

export interface DeadLetterEntry {
  partition: number;
  offset: string;
  eventId?: string;
  eventType?: string;
  consumer: string;
  originalTopic: string;
  error: string;
  errorKind: string;
  attempts: number;
  failedAt: string;
  message: KafkaMessage;
}

/** Reads a dead-letter topic from the beginning to its current end, without joining any service's group. */
export async function listDeadLetters(kafka: Kafka, deadLetterTopic: string, timeoutMs = 30_000): Promise<DeadLetterEntry[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map((await admin.fetchTopicOffsets(deadLetterTopic)).map((p) => [p.partition, { low: Number(p.low), high: Number(p.high) }]));
  await admin.disconnect();
  const expected = [...ends.values()].reduce((n, p) => n + p.high - p.low, 0);
  const entries: DeadLetterEntry[] = [];
  if (expected === 0) return entries;
  const consumer = kafka.consumer({ groupId: `seleksi-dlq-reader-${randomUUID()}`, sessionTimeout: 6_000, heartbeatInterval: 1_000 });
  await consumer.connect();
  await consumer.subscribe({ topics: [deadLetterTopic], fromBeginning: true });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`read ${entries.length} of ${expected} dead letters in ${timeoutMs} ms`)), timeoutMs);
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          if (Number(message.offset) >= (ends.get(partition)?.high ?? 0)) return;
          const h = headersAsStrings(message.headers);
          entries.push({
            partition,
            offset: message.offset,
            eventId: h['ce_id'],
            eventType: h['ce_type'],
            consumer: h[DLQ_HEADERS.consumer] ?? '',
            originalTopic: h[DLQ_HEADERS.originalTopic] ?? deadLetterTopic.replace(/\.dlq$/, ''),
            error: h[DLQ_HEADERS.error] ?? '',
            errorKind: h[DLQ_HEADERS.errorKind] ?? '',
            attempts: Number(h[DLQ_HEADERS.attempts] ?? 0),
            failedAt: h[DLQ_HEADERS.failedAt] ?? '',
            message,
          });
          if (entries.length >= expected) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return entries.sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset));
}

/**
 * Publishes dead letters again to the topic they came from, as they were (the dlq_* headers
 * dropped). Consumers that had applied the event skip it through their inbox; the one that failed
 * gets another go. Returns how many were replayed.
 */
export async function replayDeadLetters(kafka: Kafka, entries: DeadLetterEntry[]): Promise<number> {
  if (entries.length === 0) return 0;
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  try {
    const dlqNames = new Set<string>(Object.values(DLQ_HEADERS));
    const byTopic = new Map<string, DeadLetterEntry[]>();
    for (const e of entries) byTopic.set(e.originalTopic, [...(byTopic.get(e.originalTopic) ?? []), e]);
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic.entries()].map(([topic, list]) => ({
        topic,
        messages: list.map((e) => ({
          key: e.message.key,
          value: e.message.value,
          headers: Object.fromEntries(Object.entries(headersAsStrings(e.message.headers)).filter(([name]) => !dlqNames.has(name))),
        })),
      })),
    });
  } finally {
    await producer.disconnect();
  }
  return entries.length;
}
