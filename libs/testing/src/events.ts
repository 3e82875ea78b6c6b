import { randomUUID } from 'node:crypto';
import {
  createEnvelope,
  envelopeFromKafka,
  envelopeToHeaders,
  EventEnvelope,
  EventName,
  EVENTS,
  eventType,
  PayloadOf,
  ServiceName,
  validatePayload,
} from '@seleksi/contracts';
import { headersAsStrings, TopicNames } from '@seleksi/messaging';
import { Kafka } from 'kafkajs';
import { readTopic } from './kafka';

/**
 * Publishes one event as its producer's relay would (validated payload, CloudEvents headers, keyed
 * by application or period), so a service under test hears it from the real broker.
 */
export async function publishEvent<N extends EventName>(
  kafka: Kafka,
  topicPrefix: string,
  name: N,
  payload: PayloadOf<N>,
  options: { id?: string; correlationId?: string } = {},
): Promise<EventEnvelope<PayloadOf<N>>> {
  const def = EVENTS[name];
  validatePayload(name, payload);
  const key = (payload as unknown as Record<string, string>)[def.key];
  const envelope = createEnvelope({
    id: options.id,
    type: eventType(name),
    source: def.producer,
    subject: key,
    data: payload,
    correlationId: options.correlationId ?? randomUUID(),
  });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({
      topic: new TopicNames(topicPrefix).of(def.producer),
      acks: -1,
      messages: [{ key, value: JSON.stringify(payload), headers: envelopeToHeaders(envelope) }],
    });
  } finally {
    await producer.disconnect();
  }
  return envelope;
}

/** Every event a service has published so far on its topic (under the prefix), in partition order. */
export async function readEvents(kafka: Kafka, topicPrefix: string, producer: ServiceName): Promise<EventEnvelope[]> {
  const messages = await readTopic(kafka, new TopicNames(topicPrefix).of(producer));
  return messages.map(({ message }) => envelopeFromKafka(headersAsStrings(message.headers), message.value));
}

/** Publishes many events as their producers' relays would (validated, CloudEvents headers, keyed), 200 a request, one producer. */
export async function publishMany<N extends EventName>(kafka: Kafka, prefix: string, name: N, payloads: PayloadOf<N>[]): Promise<void> {
  const def = EVENTS[name];
  const producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    for (let i = 0; i < payloads.length; i += 200) {
      const messages = payloads.slice(i, i + 200).map((payload) => {
        validatePayload(name, payload);
        const key = (payload as unknown as Record<string, string>)[def.key];
        const envelope = createEnvelope({ type: eventType(name), source: def.producer, subject: key, data: payload, correlationId: randomUUID() });
        return { key, value: JSON.stringify(payload), headers: envelopeToHeaders(envelope) };
      });
      await producer.send({ topic: new TopicNames(prefix).of(def.producer), acks: -1, messages });
    }
  } finally {
    await producer.disconnect();
  }
}
