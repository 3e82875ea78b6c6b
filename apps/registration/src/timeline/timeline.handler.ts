import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EventEnvelope, eventType } from '@seleksi/contracts';
import { EventBatchContext, EventBatchPattern } from '@seleksi/messaging';
import { OutcomeMail } from '../mail/outcome-mail';
import { TimelineRepository } from './timeline.repository';

type Outcome = EventEnvelope<{ periodId: string; applicationId?: string }>;

/** The later stages' outcomes an applicant sees on their timeline. */
export const TIMELINE_EVENT_TYPES = [
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
] as const;

/** Every stage's outcome for an applicant lands on their timeline, once; a chunk of them in one insert. */
@Controller()
export class TimelineHandler {
  constructor(
    private readonly timeline: TimelineRepository,
    private readonly outcomeMail: OutcomeMail,
  ) {}

  /**
   * A chunk of outcomes on the timelines in one insert and, in the same transaction, the published
   * ones (results, final list, exam card, SKB result, final outcome) in the applicants' mail.
   */
  @EventBatchPattern(...TIMELINE_EVENT_TYPES.map((name) => eventType(name)))
  async outcomes(@Payload() events: Outcome[], @Ctx() ctx: EventBatchContext) {
    await this.timeline.appendAll(ctx.manager, events);
    for (const event of events) await this.outcomeMail.queue(ctx.manager, event);
  }
}
