import { KafkaMessage, Producer } from 'kafkajs';
import { deadLetterTopicOf } from '@seleksi/contracts';

export const DLQ_HEADERS = {
  error: 'dlq_error',
  errorKind: 'dlq_error_kind',
  consumer: 'dlq_consumer',
  originalTopic: 'dlq_original_topic',
  originalPartition: 'dlq_original_partition',
  originalOffset: 'dlq_original_offset',
  attempts: 'dlq_attempts',
  failedAt: 'dlq_failed_at',
} as const;

export function headersAsStrings(headers: KafkaMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? value.map(String).join(',') : value.toString();
  }
  return out;
}

export interface DeadLetter {
  topic: string;
  partition: number;
  message: KafkaMessage;
  consumer: string;
  error: Error;
  attempts: number;
}

/** Copies the original message to `<topic>.dlq` with why it failed; the value is kept byte for byte. */
export async function sendToDeadLetters(producer: Producer, letter: DeadLetter): Promise<void> {
  const original = headersAsStrings(letter.message.headers);
  await producer.send({
    topic: deadLetterTopicOf(letter.topic),
    acks: -1,
    messages: [
      {
        key: letter.message.key,
        value: letter.message.value,
        headers: {
          ...original,
          [DLQ_HEADERS.error]: letter.error.message.slice(0, 4_000),
          [DLQ_HEADERS.errorKind]: letter.error.name,
          [DLQ_HEADERS.consumer]: letter.consumer,
          [DLQ_HEADERS.originalTopic]: letter.topic,
          [DLQ_HEADERS.originalPartition]: String(letter.partition),
          [DLQ_HEADERS.originalOffset]: letter.message.offset,
          [DLQ_HEADERS.attempts]: String(letter.attempts),
          [DLQ_HEADERS.failedAt]: new Date().toISOString(),
        },
      },
    ],
  });
}
