import { InvalidPayloadError, MalformedEnvelopeError } from '@seleksi/contracts';
import { PermanentEventError } from './event-context';

/**
 * - `poison`: the event itself is wrong (malformed, fails its contract, a permanent domain error);
 *   retrying cannot help, so it is dead-lettered at once.
 * - `infrastructure`: a dependency is down or busy (PostgreSQL or Kafka unreachable, restarted,
 *   failed over, out of pool connections, a serialization failure or deadlock). The event is fine:
 *   it is never dead-lettered, the partition waits and retries until the dependency is back.
 * - `unknown`: anything else (a bug, a constraint the handler did not expect): retried a few times,
 *   then dead-lettered so the partition moves on.
 */
export type FailureKind = 'poison' | 'infrastructure' | 'unknown';
export type Dependency = 'postgres' | 'kafka';

export interface Failure {
  kind: FailureKind;
  /** Which dependency an infrastructure failure is about. */
  dependency?: Dependency;
}

const POISON = new Set([MalformedEnvelopeError.name, InvalidPayloadError.name, PermanentEventError.name]);

/**
 * SQLSTATEs that say nothing about the event: class 08 (connection exception), 53 (insufficient
 * resources, e.g. too many connections), 57P01–57P03 (admin shutdown, crash shutdown, cannot connect
 * now: a restart or failover), 40001 and 40P01 (serialization failure, deadlock: the same statements
 * succeed when run again), 55P03 (lock not available: someone else holds the row for now).
 */
const INFRASTRUCTURE_SQLSTATE = [/^08/, /^53/, /^57P0[123]$/, /^40001$/, /^40P01$/, /^55P03$/];
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);
/** node-postgres reports a lost connection and a pool timeout by message only. */
const PG_CONNECTION_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  /Connection is not established/i,
  /terminating connection/i,
];
/** kafkajs errors about reaching the cluster rather than about a message. */
const KAFKA_UNREACHABLE = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSLockTimeout',
  'KafkaJSNumberOfRetriesExceeded',
]);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  driverError?: unknown;
  originalError?: unknown;
  retriable?: unknown;
}

/** The error and what it wraps (TypeORM's driverError, kafkajs' originalError, Error.cause). */
function chainOf(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  let current: unknown = error;
  while (current && typeof current === 'object' && chain.length < 8 && !chain.includes(current as ErrorLike)) {
    const e = current as ErrorLike;
    chain.push(e);
    current = e.driverError ?? e.originalError ?? e.cause;
  }
  return chain;
}

export function classifyFailure(error: unknown): Failure {
  const chain = chainOf(error);
  if (chain.some((e) => typeof e.name === 'string' && POISON.has(e.name))) return { kind: 'poison' };
  for (const e of chain) {
    const name = typeof e.name === 'string' ? e.name : '';
    const code = typeof e.code === 'string' ? e.code : '';
    const message = typeof e.message === 'string' ? e.message : '';
    if (name.startsWith('KafkaJS')) {
      if (KAFKA_UNREACHABLE.has(name) || e.retriable === true) return { kind: 'infrastructure', dependency: 'kafka' };
      continue;
    }
    if (INFRASTRUCTURE_SQLSTATE.some((re) => re.test(code))) return { kind: 'infrastructure', dependency: 'postgres' };
    if (NETWORK_CODES.has(code)) return { kind: 'infrastructure', dependency: 'postgres' };
    if (PG_CONNECTION_MESSAGES.some((re) => re.test(message))) return { kind: 'infrastructure', dependency: 'postgres' };
  }
  return { kind: 'unknown' };
}
