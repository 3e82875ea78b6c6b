import { envelopeFromKafka, EventEnvelope, ServiceName, validatePayloadOfType } from '@seleksi/contracts';
import { headersAsStrings, TopicNames } from '@seleksi/messaging';
import { readTopic, testKafka } from '@seleksi/testing';
import { Pipeline } from '../pipeline';
import { ScenarioContext } from './context';

type Event = EventEnvelope<Record<string, unknown>>;

const nameOf = (e: Event) => e.type.split('.')[3] ?? e.type;

/** A service's valid events of this run, once per event id (a redelivered copy is the same event); malformed ones are left out. */
export async function producedEvents(prefix: string, producer: ServiceName): Promise<Event[]> {
  const messages = await readTopic(testKafka('scenario-check'), new TopicNames(prefix).of(producer));
  const byId = new Map<string, Event>();
  for (const { message } of messages) {
    try {
      const e = envelopeFromKafka(headersAsStrings(message.headers), message.value) as Event;
      validatePayloadOfType(e.type, e.data);
      byId.set(e.id, e);
    } catch {
      // Malformed messages are the fault drill's; the dead-letter check is its business.
    }
  }
  return [...byId.values()];
}

/**
 * Exactly-once, from both ends: on the topics, one event per one-shot fact (a second id for the
 * same application would mean a command or an effect ran twice); in the consumers, every event of
 * the run recorded in the inbox and its effect present once (timeline rows, cases, participants,
 * candidates, stage results).
 */
export async function exactlyOnceProblems(pipeline: Pipeline, ctx: ScenarioContext, periodId: string): Promise<string[]> {
  const problems: string[] = [];
  const events = new Map<ServiceName, Event[]>();
  for (const s of ['registration', 'screening', 'skb', 'interview', 'placement'] as ServiceName[]) {
    events.set(
      s,
      (await producedEvents(pipeline.prefix, s)).filter((e) => (e.data.periodId ?? periodId) === periodId),
    );
  }
  const all = [...events.values()].flat();
  const ofType = (name: string) => all.filter((e) => nameOf(e) === name);

  // One event per application for facts that happen once.
  for (const name of [
    'ApplicationSubmitted',
    'ScreeningDecided',
    'ScreeningFinalized',
    'ParticipantScheduled',
    'SkbResultFinalized',
    'InterviewCompleted',
    'AppealFiled',
    'AppealResolved',
  ]) {
    const perApplication = new Map<string, number>();
    for (const e of ofType(name)) perApplication.set(String(e.data.applicationId), (perApplication.get(String(e.data.applicationId)) ?? 0) + 1);
    for (const [applicationId, n] of perApplication) if (n > 1) problems.push(`${name} published ${n} times (distinct ids) for application ${applicationId}`);
  }
  for (const name of ['AdministrativeResultsAnnounced', 'PlacementAnnounced']) {
    if (ofType(name).length !== 1) problems.push(`${name} published ${ofType(name).length} times, expected once`);
  }

  const count = (service: ServiceName, sql: string) => ctx.count(service, sql, [periodId]);
  const expectEqual = async (what: string, actual: Promise<number> | number, expected: number) => {
    const n = await actual;
    if (n !== expected) problems.push(`${what}: ${n}, expected ${expected}`);
  };
  const submitted = ofType('ApplicationSubmitted').length;
  const ms = ofType('ScreeningFinalized').filter((e) => e.data.result === 'MS').length;
  const proceeding = ofType('SkbResultFinalized').filter((e) => e.data.proceeds === true).length;
  await expectEqual('screening cases', count('screening', `SELECT count(*) AS n FROM screening.cases WHERE period_id = $1`), submitted);
  await expectEqual('ScreeningFinalized events', ofType('ScreeningFinalized').length, submitted);
  await expectEqual('skb participants', count('skb', `SELECT count(*) AS n FROM skb.participants WHERE period_id = $1`), ms);
  await expectEqual('SkbResultFinalized events', ofType('SkbResultFinalized').length, ms);
  await expectEqual('interview candidates', count('interview', `SELECT count(*) AS n FROM interview.candidates WHERE period_id = $1`), proceeding);
  await expectEqual('InterviewCompleted events', ofType('InterviewCompleted').length, proceeding);
  await expectEqual(
    'placement SKB results',
    count('placement', `SELECT count(*) AS n FROM placement.stage_results WHERE period_id = $1 AND stage = 'skb'`),
    ms,
  );
  await expectEqual(
    'placement interview results',
    count('placement', `SELECT count(*) AS n FROM placement.stage_results WHERE period_id = $1 AND stage = 'interview'`),
    proceeding,
  );

  // Every event a consumer must apply is in its inbox; registration's timeline holds each exactly once.
  const consumes: Record<ServiceName, string[]> = {
    registration: [
      'ScreeningDecided',
      'AdministrativeResultsAnnounced',
      'AppealFiled',
      'AppealResolved',
      'ScreeningFinalized',
      'ParticipantScheduled',
      'SkbScoresRecorded',
      'SkbResultFinalized',
      'InterviewScheduled',
      'InterviewCompleted',
      'CandidatePlaced',
      'PlacementDeclined',
      'PlacementAnnounced',
    ],
    screening: ['ApplicationSubmitted'],
    skb: ['ScreeningFinalized'],
    interview: ['SkbResultFinalized'],
    placement: ['SkbResultFinalized', 'InterviewCompleted'],
  };
  for (const [service, names] of Object.entries(consumes) as [ServiceName, string[]][]) {
    const ids = names.flatMap((n) => ofType(n).map((e) => e.id));
    const db = await ctx.db(service);
    const rows: { event_id: string; n: string }[] = await db.query(
      `SELECT event_id, count(*) AS n FROM ${service}.inbox WHERE event_id = ANY($1::uuid[]) GROUP BY event_id`,
      [ids],
    );
    const seen = new Map(rows.map((r) => [r.event_id, Number(r.n)]));
    const missing = ids.filter((id) => !seen.has(id));
    if (missing.length > 0) problems.push(`${service} inbox lacks ${missing.length} of the ${ids.length} events it consumes (e.g. ${missing[0]})`);
    const twice = rows.filter((r) => Number(r.n) > 1);
    if (twice.length > 0) problems.push(`${service} inbox holds ${twice.length} events more than once (e.g. ${twice[0].event_id})`);
  }
  const timelineIds = consumes.registration.flatMap((n) => ofType(n).map((e) => e.id));
  const timelineRows: { event_id: string }[] = await (
    await ctx.db('registration')
  ).query(`SELECT event_id FROM registration.timeline_entries WHERE period_id = $1`, [periodId]);
  const onTimeline = new Set(timelineRows.map((r) => r.event_id));
  const notOnTimeline = timelineIds.filter((id) => !onTimeline.has(id));
  if (notOnTimeline.length > 0) problems.push(`${notOnTimeline.length} outcome events never reached the timeline (e.g. ${notOnTimeline[0]})`);
  if (timelineRows.length !== timelineIds.length) problems.push(`timeline holds ${timelineRows.length} entries for ${timelineIds.length} outcome events`);
  return problems;
}
