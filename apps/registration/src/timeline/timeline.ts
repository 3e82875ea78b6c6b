import { AgencyTimeZone } from '@seleksi/contracts';
import { MessageParams, messageParams } from '@seleksi/messaging';
import { formatLocalDate, formatLocalTime } from '@seleksi/time';

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
  /** What happened, in order, each with the local time; `code` and `params` say it as data (README). */
  entries: TimelineEntry[];
}

export interface TimelineEntry {
  code: string;
  params: MessageParams;
  what: string;
  at: string;
  atLocal: string;
  details: Record<string, unknown>;
}

export interface NextStep {
  code: string;
  params: MessageParams;
  what: string;
  when: string | null;
}

export interface Timeline {
  stages: TimelineStage[];
  next: NextStep;
}

export interface TimelineInput {
  timeZone: AgencyTimeZone;
  registrationClosesAt: Date;
  application: { status: 'draft' | 'submitted'; submittedAt: Date | null; registrationNumber: string | null };
  events: HeardEvent[];
}

// The API's sentences are English, so their times are too; the portal formats `params` itself.
const local = (d: Date | string, zone: AgencyTimeZone) => formatLocalTime(d, zone, 'en');
const reasonCodes = (reasons: TimelineStage['reasons'] | undefined) => (reasons ?? []).map((r) => r.code);

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
  const entry = (
    code: string,
    params: Parameters<typeof messageParams>[0],
    what: string,
    e: HeardEvent,
    details: Record<string, unknown> = {},
  ): TimelineEntry => ({
    code,
    params: messageParams(params),
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
  let next: NextStep;
  const step = (code: string, params: Parameters<typeof messageParams>[0], what: string, when: string | null): NextStep => ({
    code,
    params: messageParams(params),
    what,
    when,
  });

  if (input.application.status === 'draft') {
    registration.status = 'in-progress';
    const closesAt = input.registrationClosesAt.toISOString();
    next = step(
      'SUBMIT_BEFORE_CLOSE',
      { registrationClosesAt: closesAt, zone: timeZone },
      'Complete your application and submit it before registration closes',
      local(closesAt, timeZone),
    );
    return { stages: [registration, administrative, skb, interview, placement], next };
  }
  registration.status = 'done';
  registration.outcome = 'SUBMITTED';
  if (input.application.submittedAt) {
    const at = input.application.submittedAt;
    const registrationNumber = input.application.registrationNumber;
    registration.entries.push({
      code: 'APPLICATION_SUBMITTED',
      params: messageParams({ registrationNumber, submittedAt: at.toISOString(), zone: timeZone }),
      what: `Submitted as ${registrationNumber}`,
      at: at.toISOString(),
      atLocal: local(at, timeZone),
      details: {},
    });
  }
  next = step(
    'AWAIT_ADMINISTRATIVE_RESULTS',
    {},
    'Administrative selection: your documents are being verified; results are announced for everyone at once',
    null,
  );

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
    administrative.entries.push(
      entry(
        'ADMINISTRATIVE_RESULTS_ANNOUNCED',
        { result: p.result, reasons: reasonCodes(p.reasons), appealFilingClosesAt: a.appealFilingClosesAt, zone: timeZone },
        `Administrative result announced: ${p.result}`,
        announced,
        { appealFilingClosesAt: a.appealFilingClosesAt },
      ),
    );
    if (p.result === 'TMS' && !filed) {
      next = step(
        'APPEAL_OPEN',
        { appealFilingClosesAt: a.appealFilingClosesAt, zone: timeZone },
        'You may file an appeal (sanggah) against this result until',
        local(a.appealFilingClosesAt, timeZone),
      );
    } else if (p.result === 'MS') {
      next = step(
        'AWAIT_FINAL_ADMINISTRATIVE_LIST',
        { appealAnsweringClosesAt: a.appealAnsweringClosesAt, zone: timeZone },
        'Wait for the final administrative list, announced after the appeal period',
        local(a.appealAnsweringClosesAt, timeZone),
      );
    }
  }
  if (filed) {
    const p = filed.payload as { answerDueAt: string };
    administrative.entries.push(entry('APPEAL_FILED', { answerDueAt: p.answerDueAt, zone: timeZone }, 'Appeal filed', filed, { answerDueAt: p.answerDueAt }));
    next = step('AWAIT_APPEAL_ANSWER', { answerDueAt: p.answerDueAt, zone: timeZone }, 'Your appeal will be answered by', local(p.answerDueAt, timeZone));
  }
  if (resolved) {
    const p = resolved.payload as { resolution: string; reason: string; resultingResult: string };
    administrative.entries.push(
      entry(
        'APPEAL_RESOLVED',
        { resolution: p.resolution, resultingResult: p.resultingResult, answer: p.reason },
        `Appeal ${p.resolution === 'UPHELD' ? 'upheld' : 'rejected'}: ${p.reason}`,
        resolved,
        { resultingResult: p.resultingResult },
      ),
    );
    administrative.outcome = p.resultingResult;
    if (p.resolution === 'UPHELD') administrative.reasons = [];
    next = step('AWAIT_FINAL_ADMINISTRATIVE_LIST', {}, 'Wait for the final administrative list', null);
  }
  if (finalized) {
    const p = finalized.payload as { result: string; reasons: TimelineStage['reasons'] };
    administrative.outcome = p.result;
    administrative.reasons = p.reasons;
    administrative.status = p.result === 'MS' ? 'done' : 'stopped';
    administrative.entries.push(
      entry('SCREENING_FINALIZED', { result: p.result, reasons: reasonCodes(p.reasons) }, `Final administrative result: ${p.result}`, finalized),
    );
    next =
      p.result === 'MS'
        ? step('AWAIT_EXAM_CARD', {}, 'SKB: your exam card (date, session, venue) will be published', null)
        : step('ENDED_AT_ADMINISTRATIVE', {}, 'Your application ends at the administrative selection', null);
  }

  // SKB.
  const scheduled = last('ParticipantScheduled');
  const scores = last('SkbScoresRecorded');
  const skbResult = last('SkbResultFinalized');
  if (scheduled) {
    const p = scheduled.payload as { participantNumber: string; startsAt: string; session: string; venue: string; room: string };
    skb.status = 'in-progress';
    const seat = { participantNumber: p.participantNumber, startsAt: p.startsAt, zone: timeZone, session: p.session, venue: p.venue, room: p.room };
    skb.entries.push(entry('PARTICIPANT_SCHEDULED', seat, `Scheduled as participant ${p.participantNumber}`, scheduled, { ...p }));
    next = step('SIT_SKB', seat, `Sit the SKB at ${p.venue}, ${p.room} (${p.session}); download your exam card`, local(p.startsAt, timeZone));
  }
  if (scores) {
    const p = scores.payload as { attendance: string };
    skb.status = 'in-progress';
    skb.entries.push(
      entry(
        'SKB_SCORES_RECORDED',
        { attendance: p.attendance },
        p.attendance === 'SCORED' ? 'SKB scores recorded' : `SKB attendance recorded: ${p.attendance}`,
        scores,
      ),
    );
    next = step('AWAIT_SKB_RESULTS', {}, 'SKB results are finalized for everyone at once', null);
  }
  if (skbResult) {
    const p = skbResult.payload as { outcome: string; total: number | null; rank: number | null; proceeds: boolean };
    skb.outcome = p.outcome;
    skb.status = p.proceeds ? 'done' : 'stopped';
    skb.entries.push(
      entry('SKB_RESULT_FINALIZED', { outcome: p.outcome, total: p.total, rank: p.rank, proceeds: p.proceeds }, `SKB result: ${p.outcome}`, skbResult, {
        total: p.total,
        rank: p.rank,
      }),
    );
    next = p.proceeds
      ? step('AWAIT_INTERVIEW_SLOT', {}, 'Interview: your slot will be scheduled', null)
      : step('ENDED_AT_SKB', {}, 'Your application ends at the SKB', null);
  }

  // Interview.
  const interviewSlot = last('InterviewScheduled');
  const interviewDone = last('InterviewCompleted');
  if (interviewSlot) {
    const p = interviewSlot.payload as { startsAt: string; place: string };
    interview.status = 'in-progress';
    const slot = { startsAt: p.startsAt, zone: timeZone, place: p.place };
    interview.entries.push(entry('INTERVIEW_SCHEDULED', slot, 'Interview scheduled', interviewSlot, { startsAt: p.startsAt, place: p.place }));
    next = step('ATTEND_INTERVIEW', slot, `Attend your interview at ${p.place}`, local(p.startsAt, timeZone));
  }
  if (interviewDone) {
    const p = interviewDone.payload as { outcome: string; total: number | null };
    interview.outcome = p.outcome;
    interview.status = p.outcome === 'SCORED' ? 'done' : 'stopped';
    interview.entries.push(
      entry('INTERVIEW_COMPLETED', { outcome: p.outcome, total: p.total }, `Interview ${p.outcome === 'SCORED' ? 'scored' : 'missed'}`, interviewDone, {
        total: p.total,
      }),
    );
    next =
      p.outcome === 'SCORED'
        ? step('AWAIT_PLACEMENT', {}, 'Final ranking and placement are announced for everyone at once', null)
        : step('ENDED_AT_INTERVIEW', {}, 'Your application ends at the interview', null);
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
      const seat = { position: p.position, unit: p.unit, reportingDate: p.reportingDate, kind: p.kind, finalScore: p.finalScore };
      placement.entries.push(entry('CANDIDATE_PLACED', seat, `Placed as ${p.position}, ${p.unit}`, placed, { ...p }));
      // reportingDate is an agency-local calendar date; read at UTC midnight it stays that date in every zone (all are ahead of UTC).
      next = step(
        'REPORT_FOR_DUTY',
        { unit: p.unit, reportingDate: p.reportingDate },
        `Report for duty at ${p.unit}`,
        formatLocalDate(`${p.reportingDate}T00:00:00.000Z`, timeZone, 'en'),
      );
    } else if (declined) {
      placement.status = 'stopped';
      placement.outcome = 'DECLINED';
      const p = declined.payload as { declinedAt?: string; reason?: string };
      placement.entries.push(
        entry('PLACEMENT_DECLINED', { declinedAt: p.declinedAt, zone: timeZone, reason: p.reason }, 'Placement declined', declined, { ...declined.payload }),
      );
      next = step('ENDED_DECLINED', {}, 'You declined your placement', null);
    } else if (interview.status === 'done') {
      placement.status = 'stopped';
      placement.outcome = 'NOT_PLACED';
      placement.entries.push(entry('PLACEMENT_ANNOUNCED', { outcome: 'NOT_PLACED' }, 'Placement announced: not placed', placementAnnounced));
      next = step('ENDED_NOT_PLACED', {}, 'You were not placed in this period', null);
    }
  }
  return { stages: [registration, administrative, skb, interview, placement], next };
}

/** `id.seleksi.screening.ScreeningDecided.v1` → `ScreeningDecided` */
export function eventNameOfType(type: string): string {
  return type.split('.')[3] ?? type;
}
