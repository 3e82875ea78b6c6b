import { Server } from '@nestjs/microservices';
import { definitionOfType, envelopeFromKafka, EventEnvelope, eventOutsideItsTopic, MalformedEnvelopeError, validatePayloadOfType } from '@seleksi/contracts';
import { KafkaMessage } from 'kafkajs';
import { headersAsStrings } from './dead-letters';
import { batchPatternOf } from './event-batch-pattern';

export type Handler = NonNullable<ReturnType<Server['getHandlerByPattern']>>;

/** A message read from a partition, decoded and validated, with the handler that will apply it. */
export type DecodedMessage =
  | { kind: 'poison'; message: KafkaMessage; error: Error }
  | { kind: 'ignored'; message: KafkaMessage }
  | { kind: 'event'; message: KafkaMessage; event: EventEnvelope; handler: Handler; batch: boolean };

export type DecodedEvent = Extract<DecodedMessage, { kind: 'event' }>;

const SELEKSI_TYPE = /^id\.seleksi\.[a-z]+\.[A-Za-z]+\.v\d+$/;

/**
 * Never throws: a message that cannot be decoded, fails its contract, or claims another producer's
 * event type than its topic's owner (anyone able to write the topic could otherwise pass off, say,
 * a `CandidatePlaced`) comes back as poison.
 */
export function decodeMessage(message: KafkaMessage, topic: string, handlerOf: (pattern: string) => Handler | null): DecodedMessage {
  let envelope: EventEnvelope;
  try {
    envelope = envelopeFromKafka(headersAsStrings(message.headers), message.value);
  } catch (error) {
    return { kind: 'poison', message, error: error as Error };
  }
  const outside = eventOutsideItsTopic(envelope.type, topic);
  if (outside) return { kind: 'poison', message, error: outside };
  const batchHandler = handlerOf(batchPatternOf(envelope.type));
  const handler = batchHandler ?? handlerOf(envelope.type);
  if (!handler) {
    // A topic carries all of a producer's events, including versions this build does not know yet
    // (a .v2 published beside .v1); this service handles some of them. Only a type outside the
    // naming scheme is poison.
    if (!definitionOfType(envelope.type) && !SELEKSI_TYPE.test(envelope.type)) {
      return { kind: 'poison', message, error: new MalformedEnvelopeError(`unknown event type ${envelope.type}`) };
    }
    return { kind: 'ignored', message };
  }
  try {
    const data = validatePayloadOfType(envelope.type, envelope.data);
    return { kind: 'event', message, event: { ...envelope, data }, handler, batch: batchHandler !== null };
  } catch (error) {
    return { kind: 'poison', message, error: error as Error };
  }
}

/**
 * Cuts a partition's messages into the units applied one after another, in offset order: a chunk of
 * up to `chunkSize` consecutive events that have a batch form (messages ignored between them ride
 * along), or a single message (an event without a batch form, poison, or an ignored message).
 */
export function segmentsOf(items: DecodedMessage[], chunkSize: number): DecodedMessage[][] {
  const segments: DecodedMessage[][] = [];
  let i = 0;
  while (i < items.length) {
    const first = items[i];
    let end = i + 1;
    if (first.kind === 'event' && first.batch) {
      let events = 1;
      while (end < items.length) {
        const next = items[end];
        if (next.kind === 'event' && next.batch && events < chunkSize) events++;
        else if (next.kind !== 'ignored') break;
        end++;
      }
    }
    segments.push(items.slice(i, end));
    i = end;
  }
  return segments;
}
