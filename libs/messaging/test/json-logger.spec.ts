import { JsonLogger, runWithCorrelation } from '@seleksi/messaging';

const CORRELATION_ID = '5e0c2a9d-1f3b-4c6d-8e7f-9a0b1c2d3e4f';
const CAUSATION_ID = '9d1e2f3a-4b5c-4d6e-8f70-1a2b3c4d5e6f';

type Level = 'verbose' | 'debug' | 'log' | 'warn' | 'error' | 'fatal';
const LEVELS: Level[] = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'];

/** A logger whose output lines are kept for the test to read. */
function newLogger(level = 'verbose'): { logger: JsonLogger; lines: string[]; entries: () => Record<string, unknown>[] } {
  const lines: string[] = [];
  const logger = new JsonLogger('screening', level, (line) => lines.push(line));
  return { logger, lines, entries: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe(JsonLogger.name, () => {
  it.each(LEVELS)('writes a %s entry as one JSON object on one line', (level) => {
    const { logger, lines, entries } = newLogger();
    logger[level]('first line\nsecond line', 'IntakeHandler');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(entries()[0]).toEqual({
      time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      level,
      service: 'screening',
      context: 'IntakeHandler',
      msg: 'first line\nsecond line',
    });
  });

  it('leaves out context when none is given', () => {
    const { logger, entries } = newLogger();
    logger.log('started');
    expect(entries()[0]).not.toHaveProperty('context');
  });

  it('adds the correlation and causation ids inside runWithCorrelation', () => {
    const { logger, entries } = newLogger();
    runWithCorrelation({ correlationId: CORRELATION_ID, causationId: CAUSATION_ID }, () => logger.log('handled', 'Intake'));
    expect(entries()[0]).toMatchObject({ msg: 'handled', correlationId: CORRELATION_ID, causationId: CAUSATION_ID });
  });

  it('adds only the correlation id for work not caused by an event', () => {
    const { logger, entries } = newLogger();
    runWithCorrelation({ correlationId: CORRELATION_ID }, () => logger.warn('slow request'));
    expect(entries()[0]).toMatchObject({ correlationId: CORRELATION_ID });
    expect(entries()[0]).not.toHaveProperty('causationId');
  });

  it('keeps the correlation id across an await', async () => {
    const { logger, entries } = newLogger();
    await runWithCorrelation({ correlationId: CORRELATION_ID }, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      logger.log('after await');
    });
    expect(entries()[0]).toMatchObject({ correlationId: CORRELATION_ID });
  });

  it('has no correlation id outside runWithCorrelation', () => {
    const { logger, entries } = newLogger();
    logger.log('boot');
    expect(entries()[0]).not.toHaveProperty('correlationId');
  });

  it('writes an error with its stack and context as Nest passes them', () => {
    const { logger, entries } = newLogger();
    logger.error('handler failed', 'Error: boom\n    at x.ts:1:1', 'ExceptionsHandler');
    expect(entries()[0]).toMatchObject({
      level: 'error',
      msg: 'handler failed',
      context: 'ExceptionsHandler',
      stack: 'Error: boom\n    at x.ts:1:1',
    });
  });

  it('writes a stack given without context as the stack, not as the context', () => {
    const { logger, entries } = newLogger();
    logger.error('handler failed', 'Error: boom\n    at x.ts:1:1');
    expect(entries()[0]).toMatchObject({ msg: 'handler failed', stack: 'Error: boom\n    at x.ts:1:1' });
    expect(entries()[0]).not.toHaveProperty('context');
  });

  it('reads a lone second argument that is not a stack as the context', () => {
    const { logger, entries } = newLogger();
    logger.error('handler failed', 'ExceptionsHandler');
    expect(entries()[0]).toMatchObject({ msg: 'handler failed', context: 'ExceptionsHandler' });
    expect(entries()[0]).not.toHaveProperty('stack');
  });

  it('writes an Error object as its message', () => {
    const { logger, entries } = newLogger();
    logger.error(new Error('connection refused'));
    expect(entries()[0]).toMatchObject({ msg: 'connection refused' });
  });

  it('keeps a structured message as JSON', () => {
    const { logger, entries } = newLogger();
    logger.log({ event: 'outbox.published', count: 3 }, 'OutboxRelay');
    expect(entries()[0]).toMatchObject({ msg: { event: 'outbox.published', count: 3 }, context: 'OutboxRelay' });
  });

  it.each<[string, Level[]]>([
    ['verbose', ['verbose', 'debug', 'log', 'warn', 'error', 'fatal']],
    ['debug', ['debug', 'log', 'warn', 'error', 'fatal']],
    ['log', ['log', 'warn', 'error', 'fatal']],
    ['warn', ['warn', 'error', 'fatal']],
    ['error', ['error', 'fatal']],
  ])('at level %s writes only %j', (minimum, written) => {
    const { logger, entries } = newLogger(minimum);
    for (const level of LEVELS) logger[level](`a ${level} entry`);
    expect(entries().map((e) => e.level)).toEqual(written);
  });

  it.each(['loud', 'LOG', ''])('falls back to level log for the unknown level %j', (unknown) => {
    const { logger, entries } = newLogger(unknown);
    for (const level of LEVELS) logger[level](`a ${level} entry`);
    expect(entries().map((e) => e.level)).toEqual(['log', 'warn', 'error', 'fatal']);
  });
});
