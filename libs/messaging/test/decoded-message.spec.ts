import { createEnvelope, envelopeToHeaders, eventType } from '@seleksi/contracts';
import { KafkaMessage } from 'kafkajs';
import { decodeMessage } from '../src/consumer/decoded-message';

/** A well-formed record of `type` (CloudEvents headers, JSON value), as a relay writes it. */
function record(type: string): KafkaMessage {
  const envelope = createEnvelope({ type, source: 'test', subject: 's1', data: { any: 'thing' }, correlationId: 'c1' });
  return { offset: '0', key: null, value: Buffer.from(JSON.stringify(envelope.data)), timestamp: '0', attributes: 0, headers: envelopeToHeaders(envelope) };
}

const noHandler = () => null;

describe(decodeMessage.name, () => {
  it("leaves an owner's event on its own topic to the handlers (none here: ignored)", () => {
    expect(decodeMessage(record(eventType('CandidatePlaced')), 't0123456789.seleksi.placement.v1', noHandler).kind).toBe('ignored');
  });

  it("treats another producer's event type on a topic as poison, naming the topic", () => {
    const decoded = decodeMessage(record(eventType('CandidatePlaced')), 't0123456789.seleksi.screening.v1', noHandler);
    expect(decoded.kind).toBe('poison');
    expect(decoded.kind === 'poison' && decoded.error.message).toContain("carries only screening's events");
  });

  it('treats an event read from a topic outside the naming scheme as poison', () => {
    const decoded = decodeMessage(record(eventType('CandidatePlaced')), 'orders', noHandler);
    expect(decoded.kind === 'poison' && decoded.error.message).toContain('is not a service topic');
  });
});
