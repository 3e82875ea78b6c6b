import { readFileSync } from 'node:fs';
import { allEventNames, EVENTS, eventType, PERSONAL_DATA, PERSONAL_FIELD, topicOf } from '@seleksi/contracts';
import { eventsDocPath, payloadFields, renderEventCatalogue } from './event-docs';

/** The section of the rendered catalogue about one event, up to the next heading. */
function sectionOf(markdown: string, name: string): string {
  const start = markdown.indexOf(`\n### ${name}\n`);
  if (start < 0) return '';
  const next = markdown.slice(start + 1).search(/\n#{2,3} /);
  return next < 0 ? markdown.slice(start) : markdown.slice(start, start + 1 + next);
}

describe(renderEventCatalogue.name, () => {
  const rendered = renderEventCatalogue();

  it('matches the committed docs/events.md (run npm run docs:events after changing libs/contracts)', () => {
    expect(readFileSync(eventsDocPath(), 'utf8')).toBe(rendered);
  });

  it('renders the same text every time', () => {
    expect(renderEventCatalogue()).toBe(rendered);
  });

  it.each(allEventNames())('has a section for %s with its type, producer, topic and key', (name) => {
    const section = sectionOf(rendered, name);
    expect(section).toContain(`| CloudEvents type | \`${eventType(name)}\` |`);
    expect(section).toContain(`| Producer | ${EVENTS[name].producer} |`);
    expect(section).toContain(`| Topic | \`${topicOf(EVENTS[name].producer)}\` |`);
    expect(section).toContain(`| \`${EVENTS[name].key}\` |`);
    expect(section).toContain(EVENTS[name].summary);
  });

  it.each(allEventNames())('lists the consumers of %s', (name) => {
    const consumers = EVENTS[name].consumers;
    const line = sectionOf(rendered, name)
      .split('\n')
      .find((l) => l.startsWith('| Consumers |'));
    for (const consumer of consumers) expect(line).toContain(consumer);
    if (consumers.length === 0) expect(line).toContain('none yet');
  });

  it.each([
    'ce_id',
    'ce_type',
    'ce_source',
    'ce_time',
    'ce_specversion',
    'ce_subject',
    'ce_correlationid',
    'ce_causationid',
    'content-type',
    'dlq_error',
    'dlq_error_kind',
    'dlq_consumer',
    'dlq_original_topic',
    'dlq_original_partition',
    'dlq_original_offset',
    'dlq_attempts',
    'dlq_failed_at',
    'seleksi.<service>.v1',
    '<topic>.dlq',
    '.v2',
  ])('explains %s in the introduction', (term) => {
    const intro = rendered.slice(0, rendered.indexOf('## Overview'));
    expect(intro).toContain(`\`${term}\``);
  });
});

describe(payloadFields.name, () => {
  const field = (name: keyof typeof EVENTS, path: string) => payloadFields(EVENTS[name].payload).find((f) => f.path === path);

  it.each<[keyof typeof EVENTS, string, { type: string; required: boolean; constraints: string[] }]>([
    ['ScreeningDecided', 'periodId', { type: 'string', required: true, constraints: ['UUID'] }],
    ['ScreeningDecided', 'applicationId', { type: 'string', required: true, constraints: ['UUID'] }],
    ['ScreeningDecided', 'result', { type: 'string', required: true, constraints: ['one of `MS`, `TMS`'] }],
    ['ScreeningDecided', 'reasons', { type: 'ScreeningReason[]', required: true, constraints: [] }],
    ['ScreeningDecided', 'reasons[].note', { type: 'string', required: false, constraints: ['may be null'] }],
    ['FormationPublished', 'requirements', { type: 'FormationRequirements', required: true, constraints: [] }],
    ['FormationPublished', 'requirements.minimumGpa', { type: 'number', required: true, constraints: ['≥ 0', '≤ 4'] }],
    ['FormationPublished', 'requirements.documents[].maxBytes', { type: 'integer', required: true, constraints: ['≥ 1'] }],
    ['FormationPublished', 'requirements.acceptedMajors', { type: 'string[]', required: true, constraints: ['not empty'] }],
    ['SkbResultFinalized', 'total', { type: 'number', required: false, constraints: ['may be null', '≥ 0', '≤ 100'] }],
    ['SkbResultFinalized', 'proceeds', { type: 'boolean', required: true, constraints: [] }],
    ['ApplicationSubmitted', 'applicant.email', { type: 'string', required: true, constraints: ['email address'] }],
  ])('describes %s.%s', (name, path, expected) => {
    expect(field(name, path)).toEqual({ path, ...expected });
  });

  it('puts inherited fields first, in the order of the class hierarchy', () => {
    const paths = payloadFields(EVENTS.ScreeningDecided.payload).map((f) => f.path);
    expect(paths.slice(0, 5)).toEqual(['periodId', 'ruleVersion', 'applicationId', 'formationId', 'result']);
  });

  it.each(allEventNames())('lists every field of a valid %s payload class exactly once', (name) => {
    const paths = payloadFields(EVENTS[name].payload).map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toContain('periodId');
  });
});

describe('personal data in events', () => {
  it.each(allEventNames())('%s: every personal field says why it travels, and every reason names a field the event has', (name) => {
    const paths = payloadFields(EVENTS[name].payload as never).map((f) => f.path);
    const explained = Object.keys(PERSONAL_DATA[name] ?? {});
    expect(paths.filter((p) => PERSONAL_FIELD.test(p)).filter((p) => !explained.includes(p))).toEqual([]);
    expect(explained.filter((p) => !paths.includes(p))).toEqual([]);
  });
});
