import { InvalidPayloadError, MalformedEnvelopeError } from '@seleksi/contracts';
import { classifyFailure, Failure, PermanentEventError } from '@seleksi/messaging';
import { QueryFailedError } from 'typeorm';

/** What node-postgres throws: an Error with the SQLSTATE in `code`. */
function pgError(code: string, message = 'error'): Error {
  return Object.assign(new Error(message), { code, severity: 'ERROR' });
}

function kafkaError(name: string, message = 'kafka error', retriable = false): Error {
  return Object.assign(new Error(message), { name, retriable });
}

function networkError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -111, syscall: 'connect' });
}

/** TypeORM wraps the driver's error in QueryFailedError and keeps it as driverError. */
function viaTypeorm(driverError: Error): Error {
  return new QueryFailedError('INSERT INTO x VALUES ($1)', [1], driverError);
}

const postgresDown: Failure = { kind: 'infrastructure', dependency: 'postgres' };
const kafkaDown: Failure = { kind: 'infrastructure', dependency: 'kafka' };
const poison: Failure = { kind: 'poison' };
const unknown: Failure = { kind: 'unknown' };

describe(classifyFailure.name, () => {
  it.each<[string, unknown, Failure]>([
    // The event itself is wrong: dead letter at once.
    ['a malformed envelope', new MalformedEnvelopeError('no ce_id header'), poison],
    ['a payload that fails its contract', new InvalidPayloadError('id.seleksi.registration.ApplicationSubmitted.v1', ['periodId must be a UUID']), poison],
    ['a permanent domain error', new PermanentEventError('the quota cannot be negative'), poison],
    // PostgreSQL unreachable, restarted, failed over or busy: wait and retry, never dead-letter.
    ['connection refused', networkError('ECONNREFUSED'), postgresDown],
    ['connection reset', networkError('ECONNRESET'), postgresDown],
    ['a connect timeout', networkError('ETIMEDOUT'), postgresDown],
    ['a broken pipe', networkError('EPIPE'), postgresDown],
    ['an unknown host (DNS during a failover)', networkError('ENOTFOUND'), postgresDown],
    ['admin shutdown (57P01) through TypeORM', viaTypeorm(pgError('57P01', 'terminating connection due to administrator command')), postgresDown],
    ['crash shutdown (57P02)', pgError('57P02'), postgresDown],
    ['the database starting up (57P03)', pgError('57P03', 'the database system is starting up'), postgresDown],
    ['a serialization failure (40001)', viaTypeorm(pgError('40001', 'could not serialize access due to concurrent update')), postgresDown],
    ['a deadlock (40P01)', viaTypeorm(pgError('40P01', 'deadlock detected')), postgresDown],
    ['too many connections (53300)', pgError('53300', 'sorry, too many clients already'), postgresDown],
    ['a connection failure (08006)', pgError('08006'), postgresDown],
    ['a lock not available (55P03)', pgError('55P03'), postgresDown],
    ['a pool timeout', new Error('timeout exceeded when trying to connect'), postgresDown],
    ['a connection lost mid-query', new Error('Connection terminated unexpectedly'), postgresDown],
    ['a client that lost its connection', new Error('Client has encountered a connection error and is not queryable'), postgresDown],
    ['a network error kept as the cause', new Error('query failed', { cause: networkError('ECONNRESET') }), postgresDown],
    // Kafka unreachable (the dead-letter producer, a commit): wait and retry.
    ['the broker unreachable', kafkaError('KafkaJSConnectionError', 'Connection error: connect ECONNREFUSED 127.0.0.1:9092'), kafkaDown],
    ['a request timeout', kafkaError('KafkaJSRequestTimeoutError'), kafkaDown],
    ['no broker for the partition', kafkaError('KafkaJSBrokerNotFound'), kafkaDown],
    ['retries exhausted', kafkaError('KafkaJSNumberOfRetriesExceeded'), kafkaDown],
    ['a retriable protocol error', kafkaError('KafkaJSProtocolError', 'This server is not the leader for that topic-partition', true), kafkaDown],
    // Anything else: a few retries, then a dead letter.
    ['a unique violation (23505)', viaTypeorm(pgError('23505', 'duplicate key value violates unique constraint')), unknown],
    ['a check violation (23514)', pgError('23514'), unknown],
    ['a syntax error (42601)', pgError('42601'), unknown],
    ['a statement timeout (57014)', pgError('57014', 'canceling statement due to statement timeout'), unknown],
    ['a TypeError in a handler', new TypeError("Cannot read properties of undefined (reading 'periodId')"), unknown],
    ['a non-retriable Kafka error', kafkaError('KafkaJSProtocolError', 'Message size too large', false), unknown],
    ['a thrown string', 'boom', unknown],
    ['undefined', undefined, unknown],
  ])('classifies %s', (_case, error, expected) => {
    expect(classifyFailure(error)).toEqual(expected);
  });

  it('follows a chain that refers back to itself without looping', () => {
    const error = new Error('loop') as Error & { cause?: unknown };
    error.cause = error;
    expect(classifyFailure(error)).toEqual(unknown);
  });
});
