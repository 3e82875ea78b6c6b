import { MalformedEnvelopeError } from './envelope';

const TOPIC = /(?:^|\.)seleksi\.([a-z]+)\.v\d+$/;
const TYPE = /^id\.seleksi\.([a-z]+)\./;

/**
 * A topic carries only its owner's events: `id.seleksi.<producer>.…` on `[prefix]seleksi.<owner>.vN`
 * with producer = owner. A consumer refuses (dead-letters) anything else, so a service that can write
 * only its own topic (the broker's ACLs) still cannot pass its events off as another service's.
 * Returns the reason to dead-letter with, or null when the event belongs there.
 */
export function eventOutsideItsTopic(type: string, topic: string): MalformedEnvelopeError | null {
  const owner = TOPIC.exec(topic)?.[1];
  const producer = TYPE.exec(type)?.[1];
  if (owner === undefined) return new MalformedEnvelopeError(`topic ${topic} is not a service topic`);
  if (producer !== owner) return new MalformedEnvelopeError(`event type ${type} does not belong to ${topic}, which carries only ${owner}'s events`);
  return null;
}
