import { CE_HEADERS, createEnvelope, envelopeFromKafka, envelopeToHeaders, EventEnvelope, KafkaHeaders, MalformedEnvelopeError } from '@seleksi/contracts';

const EVENT_ID = '0b8f7c8e-4a53-4b8e-9d7a-2f1c3e5d6a7b';
const CORRELATION_ID = '5e0c2a9d-1f3b-4c6d-8e7f-9a0b1c2d3e4f';
const CAUSATION_ID = '9d1e2f3a-4b5c-4d6e-8f70-1a2b3c4d5e6f';
const APPLICATION_ID = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';

function newEnvelope(overrides: { causationId?: string | null } = {}): EventEnvelope<{ applicationId: string; n: number }> {
  return createEnvelope({
    id: EVENT_ID,
    type: 'id.seleksi.screening.ScreeningDecided.v1',
    source: 'screening',
    subject: APPLICATION_ID,
    time: new Date('2026-03-01T08:30:00.000Z'),
    correlationId: CORRELATION_ID,
    causationId: CAUSATION_ID,
    ...overrides,
    data: { applicationId: APPLICATION_ID, n: 1 },
  });
}

function validHeaders(): KafkaHeaders {
  return envelopeToHeaders(newEnvelope());
}

function withHeaders(changes: Record<string, string | undefined>): KafkaHeaders {
  const headers: KafkaHeaders = { ...validHeaders() };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  return headers;
}

function reasonOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof MalformedEnvelopeError) return error.reason;
    throw error;
  }
  throw new Error('expected a MalformedEnvelopeError, but nothing was thrown');
}

describe(createEnvelope.name, () => {
  it('fills in CloudEvents 1.0 attributes and keeps the given ones', () => {
    expect(newEnvelope()).toEqual({
      id: EVENT_ID,
      type: 'id.seleksi.screening.ScreeningDecided.v1',
      source: 'screening',
      time: '2026-03-01T08:30:00.000Z',
      specversion: '1.0',
      subject: APPLICATION_ID,
      correlationid: CORRELATION_ID,
      causationid: CAUSATION_ID,
      datacontenttype: 'application/json',
      data: { applicationId: APPLICATION_ID, n: 1 },
    });
  });

  it('generates a UUID id and the current time when none is given', () => {
    const before = Date.now();
    const envelope = createEnvelope({ type: 't', source: 's', subject: 'x', correlationId: CORRELATION_ID, data: {} });
    expect(envelope.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Date.parse(envelope.time)).toBeGreaterThanOrEqual(before);
    expect(envelope.causationid).toBeNull();
  });
});

describe(envelopeToHeaders.name, () => {
  it('writes every attribute as a ce_* header and the content type', () => {
    expect(envelopeToHeaders(newEnvelope())).toEqual({
      ce_id: EVENT_ID,
      ce_type: 'id.seleksi.screening.ScreeningDecided.v1',
      ce_source: 'screening',
      ce_time: '2026-03-01T08:30:00.000Z',
      ce_specversion: '1.0',
      ce_subject: APPLICATION_ID,
      ce_correlationid: CORRELATION_ID,
      ce_causationid: CAUSATION_ID,
      'content-type': 'application/json',
    });
  });

  it('leaves out ce_causationid when the event has no cause', () => {
    expect(envelopeToHeaders(newEnvelope({ causationId: null }))).not.toHaveProperty(CE_HEADERS.causationid);
  });
});

describe(envelopeFromKafka.name, () => {
  it.each([
    ['a Buffer value and a causation id', newEnvelope(), 'buffer'],
    ['a string value and a causation id', newEnvelope(), 'string'],
    ['an event without causation id', newEnvelope({ causationId: null }), 'buffer'],
  ] as const)('reads back what was written, for %s', (_case, envelope, valueKind) => {
    const json = JSON.stringify(envelope.data);
    const value = valueKind === 'buffer' ? Buffer.from(json) : json;
    expect(envelopeFromKafka(envelopeToHeaders(envelope), value)).toEqual(envelope);
  });

  it('uses the event id as correlation id when the header is absent', () => {
    const headers = withHeaders({ [CE_HEADERS.correlationid]: undefined });
    expect(envelopeFromKafka(headers, '{}').correlationid).toBe(EVENT_ID);
  });

  it.each(['application/json; charset=utf-8', 'application/json;charset=UTF-8'])('accepts the content type %s', (contentType) => {
    const headers = withHeaders({ 'content-type': contentType });
    expect(envelopeFromKafka(headers, '{}').data).toEqual({});
  });

  it.each(['2026-03-01T08:30:00Z', '2026-03-01T15:30:00+07:00', '2026-03-01T08:30:00.123456Z', '2026-03-01T04:30:00-04:00', '2024-02-29T23:59:59Z'])(
    'accepts the RFC 3339 time %s',
    (time) => {
      expect(envelopeFromKafka(withHeaders({ ce_time: time }), '{}').time).toBe(time);
    },
  );

  it.each<[string, Record<string, string | undefined>, Buffer | string | null, string]>([
    ['ce_id is missing', { ce_id: undefined }, '{}', 'header ce_id is missing'],
    ['ce_id is empty', { ce_id: '' }, '{}', 'header ce_id is missing'],
    ['ce_id is not a UUID', { ce_id: 'event-42' }, '{}', 'header ce_id is not a UUID'],
    ['ce_specversion is 0.3', { ce_specversion: '0.3' }, '{}', 'header ce_specversion must be 1.0'],
    ['ce_specversion is missing', { ce_specversion: undefined }, '{}', 'header ce_specversion is missing'],
    ['ce_time is not a timestamp', { ce_time: 'yesterday' }, '{}', 'header ce_time is not a timestamp'],
    ['ce_time is a bare number', { ce_time: '1' }, '{}', 'header ce_time is not a timestamp'],
    ['ce_time is a date without time', { ce_time: '2026-03-01' }, '{}', 'header ce_time is not a timestamp'],
    ['ce_time has no offset', { ce_time: '2026-03-01T08:30:00' }, '{}', 'header ce_time is not a timestamp'],
    ['ce_time has a space for T', { ce_time: '2026-03-01 08:30:00Z' }, '{}', 'header ce_time is not a timestamp'],
    ['ce_time is an HTTP date', { ce_time: 'Sun, 01 Mar 2026 08:30:00 GMT' }, '{}', 'header ce_time is not a timestamp'],
    ['ce_time is 30 February', { ce_time: '2026-02-30T08:30:00Z' }, '{}', 'header ce_time is not a timestamp'],
    ['ce_time is 29 February of a common year', { ce_time: '2025-02-29T08:30:00Z' }, '{}', 'header ce_time is not a timestamp'],
    ['ce_type is missing', { ce_type: undefined }, '{}', 'header ce_type is missing'],
    ['ce_source is missing', { ce_source: undefined }, '{}', 'header ce_source is missing'],
    ['ce_subject is missing', { ce_subject: undefined }, '{}', 'header ce_subject is missing'],
    ['content-type is text/plain', { 'content-type': 'text/plain' }, '{}', 'content-type text/plain is not application/json'],
    ['content-type is application/jsonx', { 'content-type': 'application/jsonx' }, '{}', 'content-type application/jsonx is not application/json'],
    ['content-type is application/json-seq', { 'content-type': 'application/json-seq' }, '{}', 'content-type application/json-seq is not application/json'],
    ['the value is not JSON', {}, Buffer.from('{"applicationId":'), 'the value is not valid JSON'],
    ['the value is null (a tombstone)', {}, null, 'the message has no value'],
  ])('throws MalformedEnvelopeError when %s', (_case, changes, value, reason) => {
    expect(reasonOf(() => envelopeFromKafka(withHeaders(changes), value))).toBe(reason);
  });

  it('says "malformed event" and the reason in the message', () => {
    const read = () => envelopeFromKafka(withHeaders({ ce_id: undefined }), '{}');
    expect(read).toThrow(MalformedEnvelopeError);
    expect(read).toThrow('malformed event: header ce_id is missing');
  });
});
