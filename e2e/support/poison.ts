import { EVENTS, EventName, eventsProducedBy, eventType, ServiceName, topicOf, topicsConsumedBy, validatePayloadOfType } from '@seleksi/contracts';
import { DeadLetterEntry } from '@seleksi/messaging';
import { randomUUID } from 'node:crypto';
import { PIPELINE_SERVICES } from './pipeline';

/** The three ways an event can be poison; each must be dead-lettered, never applied, never retried forever. */
export type MalformedKind = 'not-json' | 'breaks-contract' | 'unknown-type';
export const MALFORMED_KINDS: readonly MalformedKind[] = ['not-json', 'breaks-contract', 'unknown-type'];

/** Outside the `id.seleksi.<service>.<Name>.v<n>` scheme: a consumer that meets it cannot be an older build. */
const UNKNOWN_TYPE = 'com.example.faultdrill.Unknown.v1';
/** Marks the poison a drill sent, so that it is never mistaken for a real event (e.g. picked for redelivery). */
export const FAULT_HEADER = 'x-seleksi-fault-drill';

export interface MalformedEvent {
  id: string;
  kind: MalformedKind;
  topic: string;
  type: string;
  value: Buffer;
  /** The services that must each dead-letter it once: every reader of the topic, or only the handlers of its type. */
  consumers: ServiceName[];
}

export interface DeadLetterCheck {
  problems: string[];
  /**
   * Second copies written by a consumer killed after its first dead letter and before it committed
   * past the message: it reads the message again and dead-letters it again (KafkaEventServer keeps no
   * record of what it dead-lettered).
   */
  crashCopies: string[];
}

function readersOf(producer: ServiceName): ServiceName[] {
  return PIPELINE_SERVICES.filter((s) => topicsConsumedBy(s).includes(topicOf(producer)));
}

/** The event of a topic that the most services handle, so one contract breach reaches every handler it can. */
function mostConsumedEvent(producer: ServiceName): EventName {
  const [first, ...rest] = eventsProducedBy(producer);
  return rest.reduce((best, n) => (EVENTS[n].consumers.length > EVENTS[best].consumers.length ? n : best), first);
}

function passesContract(type: string, payload: object): boolean {
  try {
    validatePayloadOfType(type, payload);
    return true;
  } catch {
    return false;
  }
}

/** One poison event of each kind given, for a producer's topic, with the key each is sent under. */
export function malformedEvents(producer: ServiceName, topic: string, kinds: readonly MalformedKind[]): (MalformedEvent & { key: string })[] {
  const name = mostConsumedEvent(producer);
  const def = EVENTS[name];
  return kinds.map((kind): MalformedEvent & { key: string } => {
    const key = randomUUID();
    if (kind === 'not-json') {
      return {
        id: randomUUID(),
        kind,
        topic,
        key,
        type: eventType(name),
        value: Buffer.from(`{"${def.key}": "${key}", "truncated`),
        consumers: readersOf(producer),
      };
    }
    if (kind === 'unknown-type') {
      return { id: randomUUID(), kind, topic, key, type: UNKNOWN_TYPE, value: Buffer.from(JSON.stringify({ [def.key]: key })), consumers: readersOf(producer) };
    }
    const payload = { [def.key]: key, note: 'fault drill: every other field is missing' };
    // A payload the contract accepted would be applied, not dead-lettered: the drill would test nothing.
    if (passesContract(eventType(name), payload)) throw new Error(`the drill's broken ${name} passes its contract`);
    return { id: randomUUID(), kind, topic, key, type: eventType(name), value: Buffer.from(JSON.stringify(payload)), consumers: [...def.consumers] };
  });
}

/** A fault that can explain a second dead letter: the consumer was killed between the two. */
export interface KillRecord {
  fault: string;
  target: string;
  at: number;
  ms: number;
}

/**
 * Each poison event sent, once per service that must reject it, byte for byte, and nothing else:
 * a good event in a dead-letter topic is an effect lost. A second copy is a problem unless that
 * consumer was killed between the two (`crashCopies`).
 */
export function checkDeadLetters(entries: DeadLetterEntry[], sent: MalformedEvent[], records: KillRecord[]): DeadLetterCheck {
  const problems: string[] = [];
  const crashCopies: string[] = [];
  const byId = new Map(sent.map((m) => [m.id, m]));
  const copies = new Map<string, DeadLetterEntry[]>();
  for (const entry of entries) {
    const origin = entry.eventId ? byId.get(entry.eventId) : undefined;
    const what = `${entry.consumer} dead-lettered ${entry.eventType ?? '?'} ${entry.eventId ?? '(no id)'} from ${entry.originalTopic} (${entry.error})`;
    if (!origin) {
      problems.push(`unexpected dead letter: ${what}`);
      continue;
    }
    if (!origin.consumers.includes(entry.consumer as ServiceName)) problems.push(`dead letter from a service that must not read it: ${what}`);
    if (entry.originalTopic !== origin.topic) problems.push(`dead letter names the wrong topic: ${what}`);
    if (!entry.message.value?.equals(origin.value)) problems.push(`dead letter does not keep the value byte for byte: ${what}`);
    const key = `${origin.id}|${entry.consumer}`;
    copies.set(key, [...(copies.get(key) ?? []), entry]);
  }
  const killedBetween = (consumer: string, from: string, to: string) =>
    records.some((r) => r.fault === 'SIGKILL and restart' && r.target.startsWith(`${consumer}#`) && r.at < Date.parse(to) && r.at + r.ms > Date.parse(from));
  for (const m of sent) {
    for (const consumer of m.consumers) {
      const letters = (copies.get(`${m.id}|${consumer}`) ?? []).sort((a, b) => a.failedAt.localeCompare(b.failedAt));
      if (letters.length === 0) problems.push(`${m.kind} ${m.type} on ${m.topic} never dead-lettered by ${consumer}`);
      for (let i = 1; i < letters.length; i += 1) {
        const copy = `${m.kind} ${m.type} on ${m.topic} dead-lettered again by ${consumer} at ${letters[i].failedAt} (first at ${letters[0].failedAt})`;
        if (killedBetween(consumer, letters[i - 1].failedAt, letters[i].failedAt)) crashCopies.push(copy);
        else problems.push(copy);
      }
    }
  }
  return { problems, crashCopies };
}
