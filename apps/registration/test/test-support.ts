import { EventEnvelope, validatePayloadOfType } from '@seleksi/contracts';
export { readEvents, testKafka, testKeys } from '@seleksi/testing';

/** The event's payload checked against its contract, as a consumer would check it. */
export function validatePayloadOf(envelope: EventEnvelope): object {
  return validatePayloadOfType(envelope.type, envelope.data);
}
