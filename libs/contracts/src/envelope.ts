import { randomUUID } from 'node:crypto';

/**
 * A CloudEvents 1.0 event as it travels in Kafka binary mode: attributes in `ce_*` headers,
 * the JSON payload as the message value. `correlationid` and `causationid` are extension
 * attributes (CloudEvents requires lower-case alphanumeric names for extensions).
 */
export interface EventEnvelope<T = unknown> {
  id: string;
  type: string;
  source: string;
  time: string;
  specversion: '1.0';
  subject: string;
  correlationid: string;
  causationid: string | null;
  datacontenttype: 'application/json';
  data: T;
}

export type KafkaHeaders = Record<string, string>;

export const CE_HEADERS = {
  id: 'ce_id',
  type: 'ce_type',
  source: 'ce_source',
  time: 'ce_time',
  specversion: 'ce_specversion',
  subject: 'ce_subject',
  correlationid: 'ce_correlationid',
  causationid: 'ce_causationid',
  contentType: 'content-type',
} as const;

export interface NewEnvelope<T> {
  type: string;
  source: string;
  subject: string;
  data: T;
  correlationId: string;
  causationId?: string | null;
  id?: string;
  time?: Date;
}

export function createEnvelope<T>(input: NewEnvelope<T>): EventEnvelope<T> {
  return {
    id: input.id ?? randomUUID(),
    type: input.type,
    source: input.source,
    time: (input.time ?? new Date()).toISOString(),
    specversion: '1.0',
    subject: input.subject,
    correlationid: input.correlationId,
    causationid: input.causationId ?? null,
    datacontenttype: 'application/json',
    data: input.data,
  };
}

export function envelopeToHeaders(envelope: EventEnvelope): KafkaHeaders {
  const headers: KafkaHeaders = {
    [CE_HEADERS.id]: envelope.id,
    [CE_HEADERS.type]: envelope.type,
    [CE_HEADERS.source]: envelope.source,
    [CE_HEADERS.time]: envelope.time,
    [CE_HEADERS.specversion]: envelope.specversion,
    [CE_HEADERS.subject]: envelope.subject,
    [CE_HEADERS.correlationid]: envelope.correlationid,
    [CE_HEADERS.contentType]: envelope.datacontenttype,
  };
  if (envelope.causationid) headers[CE_HEADERS.causationid] = envelope.causationid;
  return headers;
}

export class MalformedEnvelopeError extends Error {
  constructor(readonly reason: string) {
    super(`malformed event: ${reason}`);
    this.name = 'MalformedEnvelopeError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RFC3339 = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** `application/json`, optionally with parameters such as `; charset=utf-8`; not `application/json-seq`. */
const JSON_CONTENT_TYPE = /^application\/json\s*(;.*)?$/i;

/**
 * CloudEvents `time` is RFC 3339. Date.parse alone is too lenient (it takes "1", plain dates and
 * rolls 2026-02-30 over to March), so check the shape, then that the calendar date exists.
 */
function isRfc3339(time: string): boolean {
  const match = RFC3339.exec(time);
  if (!match || Number.isNaN(Date.parse(time))) return false;
  const date = match[1];
  const day = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === date;
}

/** Reads a Kafka record back into an envelope; the payload is parsed but not yet validated. */
export function envelopeFromKafka(headers: KafkaHeaders, value: Buffer | string | null): EventEnvelope {
  const need = (name: string): string => {
    const v = headers[name];
    if (v === undefined || v === '') throw new MalformedEnvelopeError(`header ${name} is missing`);
    return v;
  };
  const id = need(CE_HEADERS.id);
  if (!UUID.test(id)) throw new MalformedEnvelopeError(`header ${CE_HEADERS.id} is not a UUID`);
  const specversion = need(CE_HEADERS.specversion);
  if (specversion !== '1.0') throw new MalformedEnvelopeError(`header ${CE_HEADERS.specversion} must be 1.0`);
  const time = need(CE_HEADERS.time);
  if (!isRfc3339(time)) throw new MalformedEnvelopeError(`header ${CE_HEADERS.time} is not a timestamp`);
  const contentType = headers[CE_HEADERS.contentType] ?? 'application/json';
  if (!JSON_CONTENT_TYPE.test(contentType)) {
    throw new MalformedEnvelopeError(`content-type ${contentType} is not application/json`);
  }
  if (value === null) throw new MalformedEnvelopeError('the message has no value');
  let data: unknown;
  try {
    data = JSON.parse(value.toString());
  } catch {
    throw new MalformedEnvelopeError('the value is not valid JSON');
  }
  return {
    id,
    type: need(CE_HEADERS.type),
    source: need(CE_HEADERS.source),
    time,
    specversion: '1.0',
    subject: need(CE_HEADERS.subject),
    correlationid: headers[CE_HEADERS.correlationid] ?? id,
    causationid: headers[CE_HEADERS.causationid] ?? null,
    datacontenttype: 'application/json',
    data,
  };
}
