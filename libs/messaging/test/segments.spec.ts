import { createEnvelope, eventType } from '@seleksi/contracts';
import { DecodedMessage, segmentsOf } from '../src/consumer/decoded-message';

/** One letter a message: b = event with a batch form, e = event without, i = ignored, p = poison. */
function messages(pattern: string): DecodedMessage[] {
  const handler = Object.assign(async () => undefined, { isEventHandler: true });
  return [...pattern].map((kind, i) => {
    const message = { offset: String(i), key: null, value: null, timestamp: '0', attributes: 0, headers: {} };
    const event = createEnvelope({ type: eventType('ApplicationSubmitted'), source: 'registration', subject: `a${i}`, data: {}, correlationId: `c${i}` });
    if (kind === 'b' || kind === 'e') return { kind: 'event', message, event, handler, batch: kind === 'b' } as DecodedMessage;
    if (kind === 'i') return { kind: 'ignored', message };
    return { kind: 'poison', message, error: new Error('bad') };
  });
}

const shape = (segments: DecodedMessage[][]) => segments.map((s) => s.map((m) => m.message.offset).join(','));

describe(segmentsOf.name, () => {
  it.each<[string, string, number, string[]]>([
    ['one chunk when all fit', 'bbbb', 10, ['0,1,2,3']],
    ['chunks of at most the size', 'bbbbb', 2, ['0,1', '2,3', '4']],
    ['ignored messages ride along, not counted', 'bibib', 2, ['0,1,2,3', '4']],
    ['an event without a batch form stands alone', 'bbebb', 10, ['0,1', '2', '3,4']],
    ['poison stands alone and ends the chunk before it', 'bbpbb', 10, ['0,1', '2', '3,4']],
    ['ignored messages at the start stand alone', 'iibb', 10, ['0', '1', '2,3']],
    ['events without batch forms one by one', 'eee', 10, ['0', '1', '2']],
    ['nothing', '', 10, []],
  ])('%s', (_case, pattern, size, expected) => {
    expect(shape(segmentsOf(messages(pattern), size))).toEqual(expected);
  });

  it('keeps every message, in offset order', () => {
    const all = messages('bibepbbbiie');
    expect(segmentsOf(all, 2).flat()).toEqual(all);
  });
});
