import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { allEventNames, CE_HEADERS, deadLetterTopicOf, EventName, EVENTS, eventType, PERSONAL_DATA, SERVICE_NAMES, topicOf } from '@seleksi/contracts';
import { DLQ_HEADERS } from '@seleksi/messaging';

/**
 * Renders docs/events.md from the event catalogue in libs/contracts: the classes that validate
 * payloads are also what the documentation is read from, so the two cannot drift apart
 * (tools/event-docs.spec.ts fails when the committed file is stale).
 *
 * Usage: event-docs            print the catalogue
 *        event-docs --write    write docs/events.md
 *        event-docs --check    exit 1 when docs/events.md differs
 */

type PayloadClass = new () => object;
type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

interface FieldDoc {
  path: string;
  type: string;
  required: boolean;
  constraints: string[];
}

const DOCS_FILE = join('docs', 'events.md');

const STRING_RULES = new Set(['isString', 'isUuid', 'isIso8601', 'matches', 'isEmail']);
const SCALAR_TYPES: Record<string, string> = { isInt: 'integer', isNumber: 'number', isBoolean: 'boolean' };

/** Markdown table cells must not contain a bare pipe or a line break. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function code(text: string): string {
  return `\`${text}\``;
}

function describeRule(rule: ValidationMetadata): string | undefined {
  // Nested and optional fields are told by the type and required columns.
  if (rule.type === ValidationTypes.NESTED_VALIDATION || rule.type === ValidationTypes.CONDITIONAL_VALIDATION) return undefined;
  const [first] = rule.constraints ?? [];
  const each = rule.each ? 'each ' : '';
  switch (rule.name) {
    case 'isDefined':
    case 'isObject':
    case 'isArray':
    case 'isString':
    case 'isInt':
    case 'isNumber':
    case 'isBoolean':
      return undefined; // the type column says it
    case 'isNotEmpty':
      return `${each}not empty`;
    case 'arrayNotEmpty':
      return 'not empty';
    case 'isUuid':
      return `${each}UUID`;
    case 'isIso8601':
      return `${each}ISO 8601`;
    case 'isEmail':
      return `${each}email address`;
    case 'matches':
      return `${each}matches ${code(String(first))}`;
    case 'isIn':
      return `${each}one of ${(first as unknown[]).map((v) => code(String(v))).join(', ')}`;
    case 'min':
      return `${each}≥ ${String(first)}`;
    case 'max':
      return `${each}≤ ${String(first)}`;
    default:
      return `${each}${rule.name ?? rule.type}${rule.constraints?.length ? `(${rule.constraints.map(String).join(', ')})` : ''}`;
  }
}

function scalarType(rules: ValidationMetadata[]): string {
  for (const rule of rules) {
    const name = rule.name ?? '';
    if (SCALAR_TYPES[name]) return SCALAR_TYPES[name];
  }
  if (rules.some((r) => STRING_RULES.has(r.name ?? ''))) return 'string';
  const allowed = rules.find((r) => r.name === 'isIn')?.constraints?.[0] as unknown[] | undefined;
  if (allowed && allowed.every((v) => typeof v === 'string')) return 'string';
  return 'any';
}

/**
 * The class a nested field is turned into. class-transformer keeps its `@Type()` metadata private,
 * so ask it the public way: transform an empty element and see what comes out.
 */
function nestedClassOf(owner: PayloadClass, field: string, each: boolean): PayloadClass | undefined {
  const probe = plainToInstance(owner, { [field]: each ? [{}] : {} }) as Record<string, unknown>;
  const value = each ? (probe[field] as unknown[] | undefined)?.[0] : probe[field];
  const made = (value as object | undefined)?.constructor;
  return made && made !== Object ? (made as PayloadClass) : undefined;
}

/** Ancestors first, so inherited fields (periodId, ruleVersion, ...) lead the table as they lead the payload. */
function depthOf(target: ValidationMetadata['target'], leaf: PayloadClass): number {
  let depth = 0;
  for (let c: unknown = leaf; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    if (c === target) return -depth;
    depth++;
  }
  return 0;
}

/** Every validated field of a payload class, its own and inherited, nested classes as dotted paths. */
export function payloadFields(type: PayloadClass, prefix = '', outer: PayloadClass[] = []): FieldDoc[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);
  const byField = new Map<string, ValidationMetadata[]>();
  const ordered = metadata
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => depthOf(a.rule.target, type) - depthOf(b.rule.target, type) || a.index - b.index);
  for (const { rule } of ordered) {
    byField.set(rule.propertyName, [...(byField.get(rule.propertyName) ?? []), rule]);
  }
  const fields: FieldDoc[] = [];
  for (const [name, collected] of byField) {
    // Property decorators run bottom-up; reverse them to read as written.
    const rules = [...collected].reverse();
    const path = `${prefix}${name}`;
    const required = !rules.some((r) => r.type === ValidationTypes.CONDITIONAL_VALIDATION);
    const nested = rules.find((r) => r.type === ValidationTypes.NESTED_VALIDATION);
    const constraints = rules.map(describeRule).filter((c): c is string => c !== undefined);
    if (!required) constraints.unshift('may be null');
    if (nested) {
      const child = nestedClassOf(type, name, nested.each);
      const childName = child?.name ?? 'object';
      fields.push({ path, type: nested.each ? `${childName}[]` : childName, required, constraints });
      // A class that contains itself (directly or not) is listed once, not followed forever.
      if (child && child !== type && !outer.includes(child)) {
        fields.push(...payloadFields(child, nested.each ? `${path}[].` : `${path}.`, [...outer, type]));
      }
      continue;
    }
    const each = rules.some((r) => r.each);
    const base = scalarType(rules);
    fields.push({ path, type: each ? `${base}[]` : base, required, constraints });
  }
  return fields;
}

function renderFields(type: PayloadClass): string[] {
  const rows = payloadFields(type).map(
    (f) => `| ${code(f.path)} | ${cell(f.type)} | ${f.required ? 'yes' : 'no'} | ${cell(f.constraints.join('; ') || '—')} |`,
  );
  return ['| Field | Type | Required | Constraints |', '|---|---|---|---|', ...rows];
}

function consumersOf(name: EventName): string {
  const consumers = EVENTS[name].consumers;
  return consumers.length > 0 ? consumers.join(', ') : '— (none yet; kept for audit and future consumers)';
}

function renderIntro(): string[] {
  const h = CE_HEADERS;
  const d = DLQ_HEADERS;
  return [
    '# Event catalogue',
    '',
    '<!-- Generated by tools/event-docs.ts from libs/contracts. Do not edit by hand: run `npm run docs:events`. -->',
    '',
    'The five services of Seleksi hear about each other only through these events. Each service publishes',
    'to one topic; every payload below is a class in `libs/contracts` that is checked when an event is',
    'written to the outbox (for an event batch, its first 50 events) and again when it is consumed.',
    '',
    'SkbScoresRecorded and SkbResultFinalized, which one request can produce for a whole period (a score',
    'file, a finalization), are written as *event batches*: one outbox row instead of a row per event, and the relay',
    "publishes its events page by page from the producer's tables. Consumers see no difference: each",
    'event is a message of its own with its own headers. The events of one batch share `ce_time` and',
    '`ce_correlationid`, and their `ce_id` is a name-based UUID (version 5) derived from the batch and the',
    'application, the same if a page is sent twice.',
    '',
    '## Envelope',
    '',
    'Events are [CloudEvents 1.0](https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/spec.md) in Kafka',
    '*binary* mode: the attributes travel as Kafka headers, the payload is the JSON message value.',
    '',
    '| Header | CloudEvents attribute | Value |',
    '|---|---|---|',
    `| ${code(h.id)} | \`id\` | A UUID, unique per event. Consumers record it in their inbox in the same transaction as the effect, so a redelivered event is applied once. |`,
    `| ${code(h.type)} | \`type\` | ${code('id.seleksi.<producer>.<Name>.v<version>')}, e.g. ${code(eventType('ScreeningDecided'))}. |`,
    `| ${code(h.source)} | \`source\` | The producing service: ${SERVICE_NAMES.map(code).join(', ')}. |`,
    `| ${code(h.time)} | \`time\` | When the event was created (RFC 3339, UTC). |`,
    `| ${code(h.specversion)} | \`specversion\` | Always ${code('1.0')}. |`,
    `| ${code(h.subject)} | \`subject\` | The id the event is about, the same as the message key (see below). |`,
    `| ${code(h.correlationid)} | \`correlationid\` (extension) | The id of the request or first event that started the chain; carried into every event it causes and into the logs. When absent, consumers use ${code(h.id)}. |`,
    `| ${code(h.causationid)} | \`causationid\` (extension) | The ${code(h.id)} of the event whose handling produced this one; absent for events caused by an HTTP request. |`,
    `| ${code(h.contentType)} | \`datacontenttype\` | ${code('application/json')}. |`,
    '',
    'A message with a missing or malformed header, a value that is not JSON, or no value at all is not',
    'handled: it goes to the dead-letter topic.',
    '',
    '## Topics and keys',
    '',
    `Each service publishes all of its events to ${code('seleksi.<service>.v1')} (${SERVICE_NAMES.map((s) => code(topicOf(s))).join(', ')}),`,
    'optionally behind an environment prefix such as `staging.`. A consumer subscribes to the topics of the',
    'producers it hears from and ignores the event types it has no handler for.',
    '',
    'The message key is the application id for events about one application, and the period id for',
    "period-wide events, so one application's events (and one period's announcements) are read in the order",
    'they were published. Partitions per topic are configurable (`KAFKA_PARTITIONS`, default 6).',
    '',
    '## Dead letters',
    '',
    `A message that cannot be handled (malformed envelope, unknown type, invalid payload, or a handler that`,
    `still fails after the configured retries) is copied to ${code(deadLetterTopicOf('<topic>'))}, e.g.`,
    `${code(deadLetterTopicOf(topicOf('screening')))}, and the partition moves on. A database or broker that is down is not a reason:`,
    'the consumer waits for it and applies the message when it is back, so a valid event never lands here because of an outage.',
    'The key, value and original headers are kept',
    'byte for byte, so the message can be replayed onto its topic; these headers are added:',
    '',
    '| Header | Value |',
    '|---|---|',
    `| ${code(d.error)} | The error message (at most 4,000 characters). |`,
    `| ${code(d.errorKind)} | The error class, e.g. ${code('MalformedEnvelopeError')} or ${code('InvalidPayloadError')}. |`,
    `| ${code(d.consumer)} | The consumer group that gave up on it. |`,
    `| ${code(d.originalTopic)} | The topic it was read from. |`,
    `| ${code(d.originalPartition)} | Its partition there. |`,
    `| ${code(d.originalOffset)} | Its offset there. |`,
    `| ${code(d.attempts)} | How many times handling was tried. |`,
    `| ${code(d.failedAt)} | When it was dead-lettered (RFC 3339, UTC). |`,
    '',
    '## Versioning',
    '',
    'Consumers tolerate fields they do not know, so adding an optional field is not a breaking change.',
    'Removing or renaming a field, changing its type or meaning, or tightening a constraint is: such a',
    `change is a new version of the event (${code('.v2')}), published beside the old one until every consumer`,
    'has moved, and then the old version is retired.',
    '',
  ];
}

function renderOverview(): string[] {
  return [
    '## Overview',
    '',
    '| Event | Producer | Key | Consumers |',
    '|---|---|---|---|',
    ...allEventNames().map((n) => `| [${n}](#${n.toLowerCase()}) | ${EVENTS[n].producer} | ${code(EVENTS[n].key)} | ${consumersOf(n)} |`),
    '',
  ];
}

function renderEvent(name: EventName): string[] {
  const def = EVENTS[name];
  return [
    `### ${name}`,
    '',
    def.summary,
    '',
    '| | |',
    '|---|---|',
    `| CloudEvents type | ${code(eventType(name))} |`,
    `| Producer | ${def.producer} |`,
    `| Topic | ${code(topicOf(def.producer))} |`,
    `| Consumers | ${consumersOf(name)} |`,
    `| Kafka key and ${code(CE_HEADERS.subject)} | ${code(def.key)} |`,
    `| Payload class | ${code(def.payload.name)} |`,
    '',
    ...renderFields(def.payload),
    '',
    ...renderPersonalData(name),
  ];
}

/** Why each personal field of the event travels (libs/contracts personal-data.ts). */
function renderPersonalData(name: EventName): string[] {
  const fields = Object.entries(PERSONAL_DATA[name] ?? {});
  if (fields.length === 0) return [];
  return ['Personal data, and why it travels:', '', '| Field | Why |', '|---|---|', ...fields.map(([path, why]) => `| ${code(path)} | ${cell(why)} |`), ''];
}

/** The whole of docs/events.md. */
export function renderEventCatalogue(): string {
  const sections = SERVICE_NAMES.flatMap((service) => {
    const names = allEventNames().filter((n) => EVENTS[n].producer === service);
    if (names.length === 0) return [];
    return [`## Published by ${service} (${code(topicOf(service))})`, '', ...names.flatMap(renderEvent)];
  });
  return [...renderIntro(), ...renderOverview(), ...sections].join('\n').replace(/\n+$/, '\n');
}

/** The workspace root: the nearest directory above this file that holds nx.json (works from src and dist). */
export function workspaceRoot(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no nx.json above ${from}`);
  }
}

export function eventsDocPath(): string {
  return join(workspaceRoot(), DOCS_FILE);
}

function main(args: string[]): number {
  const rendered = renderEventCatalogue();
  if (args.includes('--write')) {
    writeFileSync(eventsDocPath(), rendered);
    process.stdout.write(`wrote ${DOCS_FILE} (${allEventNames().length} events)\n`);
    return 0;
  }
  if (args.includes('--check')) {
    const current = existsSync(eventsDocPath()) ? readFileSync(eventsDocPath(), 'utf8') : '';
    if (current === rendered) return 0;
    process.stderr.write(`${DOCS_FILE} is out of date: run npm run docs:events\n`);
    return 1;
  }
  process.stdout.write(rendered);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
