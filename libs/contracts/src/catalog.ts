import * as interview from './payloads/interview.payloads';
import * as placement from './payloads/placement.payloads';
import * as registration from './payloads/registration.payloads';
import * as screening from './payloads/screening.payloads';
import * as skb from './payloads/skb.payloads';
import { ServiceName, topicOf } from './topics';

type PayloadClass = new () => object;

/**
 * How an event is keyed in Kafka: per application (so one application's events stay in order)
 * or per period for period-wide events.
 */
export type EventKey = 'applicationId' | 'periodId';

export interface EventDefinition<P extends PayloadClass = PayloadClass> {
  name: string;
  version: number;
  producer: ServiceName;
  consumers: readonly ServiceName[];
  key: EventKey;
  payload: P;
  summary: string;
}

function define<P extends PayloadClass>(def: EventDefinition<P>): EventDefinition<P> {
  return def;
}

/**
 * Every event of ../shared/spec/pipeline.md: who publishes it, who consumes it, how it is keyed
 * and the class its payload is validated against. docs/events.md is generated from this table.
 */
export const EVENTS = {
  PeriodOpened: define({
    name: 'PeriodOpened',
    version: 1,
    producer: 'registration',
    consumers: ['screening', 'skb', 'interview', 'placement'],
    key: 'periodId',
    payload: registration.PeriodOpened,
    summary: 'A period moved from draft to open; carries its rules and windows.',
  }),
  PeriodClosed: define({
    name: 'PeriodClosed',
    version: 1,
    producer: 'registration',
    consumers: ['screening'],
    key: 'periodId',
    payload: registration.PeriodClosed,
    summary:
      "Registration for a period closed; carries the submitted applications per formation with a digest of their ids (screening's announcement barrier).",
  }),
  FormationPublished: define({
    name: 'FormationPublished',
    version: 1,
    producer: 'registration',
    consumers: ['screening', 'skb', 'interview', 'placement'],
    key: 'periodId',
    payload: registration.FormationPublished,
    summary: 'A formation (position, unit, type, quota, requirements) of an open period.',
  }),
  FormationQuotaChanged: define({
    name: 'FormationQuotaChanged',
    version: 1,
    producer: 'registration',
    consumers: ['skb', 'placement'],
    key: 'periodId',
    payload: registration.FormationQuotaChanged,
    summary: "An audited change of a formation's quota.",
  }),
  ApplicationSubmitted: define({
    name: 'ApplicationSubmitted',
    version: 1,
    producer: 'registration',
    consumers: ['screening'],
    key: 'applicationId',
    payload: registration.ApplicationSubmitted,
    summary: 'A final submission with the applicant snapshot, education, documents, NIK warnings and requirements.',
  }),
  ScreeningDecided: define({
    name: 'ScreeningDecided',
    version: 1,
    producer: 'screening',
    consumers: ['registration'],
    key: 'applicationId',
    payload: screening.ScreeningDecided,
    summary: "A verifier's MS/TMS decision with reasons.",
  }),
  AdministrativeResultsAnnounced: define({
    name: 'AdministrativeResultsAnnounced',
    version: 1,
    producer: 'screening',
    consumers: ['registration'],
    key: 'periodId',
    payload: screening.AdministrativeResultsAnnounced,
    summary: 'Administrative results of a period are public; the appeal window opens.',
  }),
  AppealFiled: define({
    name: 'AppealFiled',
    version: 1,
    producer: 'screening',
    consumers: ['registration'],
    key: 'applicationId',
    payload: screening.AppealFiled,
    summary: 'A TMS applicant filed an appeal (sanggah).',
  }),
  AppealResolved: define({
    name: 'AppealResolved',
    version: 1,
    producer: 'screening',
    consumers: ['registration'],
    key: 'applicationId',
    payload: screening.AppealResolved,
    summary: 'An appeal was upheld (now MS) or rejected, with a reason.',
  }),
  ScreeningFinalized: define({
    name: 'ScreeningFinalized',
    version: 1,
    producer: 'screening',
    consumers: ['registration', 'skb'],
    key: 'applicationId',
    payload: screening.ScreeningFinalized,
    summary: 'The final administrative result of an application after all appeals.',
  }),
  ScreeningPeriodFinalized: define({
    name: 'ScreeningPeriodFinalized',
    version: 1,
    producer: 'screening',
    consumers: ['skb'],
    key: 'periodId',
    payload: screening.ScreeningPeriodFinalized,
    summary: "The final administrative list is complete: MS applications per formation with a digest of their ids (skb's allocation and finalization barrier).",
  }),
  ParticipantScheduled: define({
    name: 'ParticipantScheduled',
    version: 1,
    producer: 'skb',
    consumers: ['registration'],
    key: 'applicationId',
    payload: skb.ParticipantScheduled,
    summary: 'A participant number and a seat in an SKB session.',
  }),
  SkbScoresRecorded: define({
    name: 'SkbScoresRecorded',
    version: 1,
    producer: 'skb',
    consumers: ['registration'],
    key: 'applicationId',
    payload: skb.SkbScoresRecorded,
    summary: "A participant's component scores, absence or disqualification.",
  }),
  SkbResultFinalized: define({
    name: 'SkbResultFinalized',
    version: 1,
    producer: 'skb',
    consumers: ['registration', 'interview', 'placement'],
    key: 'applicationId',
    payload: skb.SkbResultFinalized,
    summary: 'The SKB outcome (P/L, P, TL, TH, DIS), normalised total and rank in the formation.',
  }),
  SkbPeriodFinalized: define({
    name: 'SkbPeriodFinalized',
    version: 1,
    producer: 'skb',
    consumers: ['interview', 'placement'],
    key: 'periodId',
    payload: skb.SkbPeriodFinalized,
    summary:
      "SKB results are final: every result and those proceeding to the interview, per formation with a digest of their ids (interview's scheduling and completion barrier, placement's ranking barrier).",
  }),
  InterviewScheduled: define({
    name: 'InterviewScheduled',
    version: 1,
    producer: 'interview',
    consumers: ['registration'],
    key: 'applicationId',
    payload: interview.InterviewScheduled,
    summary: "A candidate's interview slot with a panel.",
  }),
  InterviewCompleted: define({
    name: 'InterviewCompleted',
    version: 1,
    producer: 'interview',
    consumers: ['registration', 'placement'],
    key: 'applicationId',
    payload: interview.InterviewCompleted,
    summary: 'The aggregated interview score (or absence) with per-criterion means and the rubric version.',
  }),
  InterviewPeriodCompleted: define({
    name: 'InterviewPeriodCompleted',
    version: 1,
    producer: 'interview',
    consumers: ['placement'],
    key: 'periodId',
    payload: interview.InterviewPeriodCompleted,
    summary: "Every candidate's interview is completed: the InterviewCompleted per formation with a digest of their ids (placement's ranking barrier).",
  }),
  RankingComputed: define({
    name: 'RankingComputed',
    version: 1,
    producer: 'placement',
    consumers: [],
    key: 'periodId',
    payload: placement.RankingComputed,
    summary: "A formation's ranking and the digest of the inputs it came from.",
  }),
  PlacementProposed: define({
    name: 'PlacementProposed',
    version: 1,
    producer: 'placement',
    consumers: [],
    key: 'applicationId',
    payload: placement.PlacementProposed,
    summary: "A proposed placement (regular, by optimalisasi, or an officers' override), with an applicant-facing why.",
  }),
  CandidatePlaced: define({
    name: 'CandidatePlaced',
    version: 1,
    producer: 'placement',
    consumers: ['registration'],
    key: 'applicationId',
    payload: placement.CandidatePlaced,
    summary: 'A confirmed placement: position, unit and reporting date.',
  }),
  PlacementDeclined: define({
    name: 'PlacementDeclined',
    version: 1,
    producer: 'placement',
    consumers: ['registration'],
    key: 'applicationId',
    payload: placement.PlacementDeclined,
    summary: 'A placed candidate declined; the seat moves to the next candidate.',
  }),
  PlacementAnnounced: define({
    name: 'PlacementAnnounced',
    version: 1,
    producer: 'placement',
    consumers: ['registration'],
    key: 'periodId',
    payload: placement.PlacementAnnounced,
    summary: 'Final placements of a period are announced; rankings freeze.',
  }),
} as const;

export type EventName = keyof typeof EVENTS;
export type PayloadOf<N extends EventName> = InstanceType<(typeof EVENTS)[N]['payload']>;

/** `id.seleksi.<producer>.<Name>.v<version>`, the CloudEvents `type`. */
export function eventType(name: EventName): string {
  const def = EVENTS[name];
  return `id.seleksi.${def.producer}.${def.name}.v${def.version}`;
}

const BY_TYPE = new Map<string, EventDefinition>((Object.keys(EVENTS) as EventName[]).map((name) => [eventType(name), EVENTS[name]]));

export function definitionOfType(type: string): EventDefinition | undefined {
  return BY_TYPE.get(type);
}

export function allEventNames(): EventName[] {
  return Object.keys(EVENTS) as EventName[];
}

export function eventsProducedBy(service: ServiceName): EventName[] {
  return allEventNames().filter((n) => EVENTS[n].producer === service);
}

export function eventsConsumedBy(service: ServiceName): EventName[] {
  return allEventNames().filter((n) => (EVENTS[n].consumers as readonly string[]).includes(service));
}

/** The topics a service must read: those of every producer whose events it consumes. */
export function topicsConsumedBy(service: ServiceName): string[] {
  return [...new Set(eventsConsumedBy(service).map((n) => topicOf(EVENTS[n].producer)))].sort();
}
