import { AgencyTimeZone } from '@seleksi/contracts';
import { formatLocal } from '../common/local-time';

/** One event the applicant's application heard, as stored by the timeline handler. */
export interface HeardEvent {
  name: string;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

export type StageName = 'registration' | 'administrative' | 'skb' | 'interview' | 'placement';
export type StageStatus = 'done' | 'in-progress' | 'waiting' | 'stopped';

export interface TimelineStage {
  stage: StageName;
  status: StageStatus;
  /** MS/TMS, P/L, P, TL, TH, DIS, SCORED, ABSENT, PLACED, NOT_PLACED, DECLINED, SUBMITTED. */
  outcome: string | null;
  reasons: { code: string; label: string; note?: string }[];
  /** What happened, in order, each with the local time. */
  entries: { what: string; at: string; atLocal: string; details: Record<string, unknown> }[];
}

export interface Timeline {
  stages: TimelineStage[];
  next: { what: string; when: string | null };
}

export interface TimelineInput {
  timeZone: AgencyTimeZone;
  registrationClosesAt: Date;
  application: { status: 'draft' | 'submitted'; submittedAt: Date | null; registrationNumber: string | null };
  events: HeardEvent[];
}

const local = (d: Date, zone: AgencyTimeZone) => formatLocal(d, zone);

/**
 * The applicant's view of their application: each stage, its outcome and reasons, and what comes
 * next and when. Verifier decisions stay hidden until the period's results are announced, and
 * placements until the placement announcement, as the rules require.
 */
export function buildTimeline(input: TimelineInput): Timeline {
  const { timeZone } = input;
  const events = [...input.events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const all = (name: string) => events.filter((e) => e.name === name);
  const last = (name: string) => all(name).at(-1);
  const entry = (what: string, e: HeardEvent, details: Record<string, unknown> = {}) => ({
    what,
    at: e.occurredAt.toISOString(),
    atLocal: local(e.occurredAt, timeZone),
    details,
  });
  const stage = (name: StageName): TimelineStage => ({ stage: name, status: 'waiting', outcome: null, reasons: [], entries: [] });

  const registration = stage('registration');
  const administrative = stage('administrative');
  const skb = stage('skb');
  const interview = stage('interview');
  const placement = stage('placement');
  let next: Timeline['next'];

  if (input.application.status === 'draft') {
    registration.status = 'in-progress';
    next = { what: 'Complete your application and submit it before registration closes', when: local(input.registrationClosesAt, timeZone) };
    return { stages: [registration, administrative, skb, interview, placement], next };
  }
  registration.status = 'done';
  registration.outcome = 'SUBMITTED';
  if (input.application.submittedAt) {
    const at = input.application.submittedAt;
    registration.entries.push({ what: `Submitted as ${input.application.registrationNumber}`, at: at.toISOString(), atLocal: local(at, timeZone), details: {} });
  }
  next = { what: 'Administrative selection: your documents are being verified; results are announced for everyone at once', when: null };

  // Administrative selection and appeal.
  const announced = last('AdministrativeResultsAnnounced');
  const decided = last('ScreeningDecided');
  const filed = last('AppealFiled');
  const resolved = last('AppealResolved');
  const finalized = last('ScreeningFinalized');
  if (decided || announced) administrative.status = 'in-progress';
  if (announced && decided) {
    const p = decided.payload as { result: string; reasons: TimelineStage['reasons'] };
    const a = announced.payload as { appealFilingClosesAt: string; appealAnsweringClosesAt: string };
    administrative.outcome = p.result;
    administrative.reasons = p.reasons;
    administrative.entries.push(entry(`Administrative result announced: ${p.result}`, announced, { appealFilingClosesAt: a.appealFilingClosesAt }));
    if (p.result === 'TMS' && !filed) {
      next = { what: 'You may file an appeal (sanggah) against this result until', when: local(new Date(a.appealFilingClosesAt), timeZone) };
    } else if (p.result === 'MS') {
      next = { what: 'Wait for the final administrative list, announced after the appeal period', when: local(new Date(a.appealAnsweringClosesAt), timeZone) };
    }
  }
  if (filed) {
    const p = filed.payload as { answerDueAt: string };
    administrative.entries.push(entry('Appeal filed', filed, { answerDueAt: p.answerDueAt }));
    next = { what: 'Your appeal will be answered by', when: local(new Date(p.answerDueAt), timeZone) };
  }
  if (resolved) {
    const p = resolved.payload as { resolution: string; reason: string; resultingResult: string };
    administrative.entries.push(entry(`Appeal ${p.resolution === 'UPHELD' ? 'upheld' : 'rejected'}: ${p.reason}`, resolved, { resultingResult: p.resultingResult }));
    administrative.outcome = p.resultingResult;
    if (p.resolution === 'UPHELD') administrative.reasons = [];
    next = { what: 'Wait for the final administrative list', when: null };
  }
  if (finalized) {
    const p = finalized.payload as { result: string; reasons: TimelineStage['reasons'] };
    administrative.outcome = p.result;
    administrative.reasons = p.reasons;
    administrative.status = p.result === 'MS' ? 'done' : 'stopped';
    administrative.entries.push(entry(`Final administrative result: ${p.result}`, finalized));
    next = p.result === 'MS'
      ? { what: 'SKB: your exam card (date, session, venue) will be published', when: null }
      : { what: 'Your application ends at the administrative selection', when: null };
  }

  // SKB.
  const scheduled = last('ParticipantScheduled');
  const scores = last('SkbScoresRecorded');
  const skbResult = last('SkbResultFinalized');
  if (scheduled) {
    const p = scheduled.payload as { participantNumber: string; startsAt: string; session: string; venue: string; room: string };
    skb.status = 'in-progress';
    skb.entries.push(entry(`Scheduled as participant ${p.participantNumber}`, scheduled, { ...p }));
    next = { what: `Sit the SKB at ${p.venue}, ${p.room} (${p.session}); download your exam card`, when: local(new Date(p.startsAt), timeZone) };
  }
  if (scores) {
    const p = scores.payload as { attendance: string };
    skb.status = 'in-progress';
    skb.entries.push(entry(p.attendance === 'SCORED' ? 'SKB scores recorded' : `SKB attendance recorded: ${p.attendance}`, scores));
    next = { what: 'SKB results are finalized for everyone at once', when: null };
  }
  if (skbResult) {
    const p = skbResult.payload as { outcome: string; total: number | null; rank: number | null; proceeds: boolean };
    skb.outcome = p.outcome;
    skb.status = p.proceeds ? 'done' : 'stopped';
    skb.entries.push(entry(`SKB result: ${p.outcome}`, skbResult, { total: p.total, rank: p.rank }));
    next = p.proceeds ? { what: 'Interview: your slot will be scheduled', when: null } : { what: 'Your application ends at the SKB', when: null };
  }

  // Interview.
  const interviewSlot = last('InterviewScheduled');
  const interviewDone = last('InterviewCompleted');
  if (interviewSlot) {
    const p = interviewSlot.payload as { startsAt: string; place: string };
    interview.status = 'in-progress';
    interview.entries.push(entry('Interview scheduled', interviewSlot, { startsAt: p.startsAt, place: p.place }));
    next = { what: `Attend your interview at ${p.place}`, when: local(new Date(p.startsAt), timeZone) };
  }
  if (interviewDone) {
    const p = interviewDone.payload as { outcome: string; total: number | null };
    interview.outcome = p.outcome;
    interview.status = p.outcome === 'SCORED' ? 'done' : 'stopped';
    interview.entries.push(entry(`Interview ${p.outcome === 'SCORED' ? 'scored' : 'missed'}`, interviewDone, { total: p.total }));
    next = p.outcome === 'SCORED' ? { what: 'Final ranking and placement are announced for everyone at once', when: null } : { what: 'Your application ends at the interview', when: null };
  }

  // Placement: only after the announcement.
  const placementAnnounced = last('PlacementAnnounced');
  if (placementAnnounced) {
    const placed = last('CandidatePlaced');
    const declined = last('PlacementDeclined');
    if (placed && (!declined || placed.occurredAt > declined.occurredAt)) {
      const p = placed.payload as { position: string; unit: string; reportingDate: string; kind: string; finalScore: number };
      placement.status = 'done';
      placement.outcome = 'PLACED';
      placement.entries.push(entry(`Placed as ${p.position}, ${p.unit}`, placed, { ...p }));
      next = { what: `Report for duty at ${p.unit}`, when: p.reportingDate };
    } else if (declined) {
      placement.status = 'stopped';
      placement.outcome = 'DECLINED';
      placement.entries.push(entry('Placement declined', declined, { ...declined.payload }));
      next = { what: 'You declined your placement', when: null };
    } else if (interview.status === 'done') {
      placement.status = 'stopped';
      placement.outcome = 'NOT_PLACED';
      placement.entries.push(entry('Placement announced: not placed', placementAnnounced));
      next = { what: 'You were not placed in this period', when: null };
    }
  }
  return { stages: [registration, administrative, skb, interview, placement], next };
}

/** `id.seleksi.screening.ScreeningDecided.v1` → `ScreeningDecided` */
export function eventNameOfType(type: string): string {
  return type.split('.')[3] ?? type;
}
