import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, eventType } from '@seleksi/contracts';
import { EventContext } from '@seleksi/messaging';
import { OutcomeMail } from '../mail/outcome-mail';
import { TimelineRepository } from './timeline.repository';

type Outcome = EventEnvelope<{ periodId: string; applicationId?: string }>;

/** Every stage's outcome for an applicant lands on their timeline, once. */
@Controller()
export class TimelineHandler {
  constructor(
    private readonly timeline: TimelineRepository,
    private readonly outcomeMail: OutcomeMail,
  ) {}

  /** A published outcome: on the timeline and, in the same transaction, in the applicant's mail. */
  private async publish(event: Outcome, ctx: EventContext): Promise<void> {
    await this.timeline.append(ctx.manager, event);
    await this.outcomeMail.queue(ctx.manager, event);
  }

  @EventPattern(eventType('ScreeningDecided'))
  screeningDecided(@Payload() event: Outcome, @Ctx() ctx: EventContext) {
    return this.timeline.append(ctx.manager, event);
  }

  @EventPattern(eventType('AdministrativeResultsAnnounced'))
  administrativeResultsAnnounced(@Payload() event: Outcome, @Ctx() ctx: EventContext) {
    return this.publish(event, ctx);
  }

  @EventPattern(eventType('AppealFiled'))
  appealFiled(@Payload() event: Outcome, @Ctx() ctx: EventContext) {
    return this.timeline.append(ctx.manager, event);
  }

  @EventPattern(eventType('AppealResolved'))
  appealResolved(@Payload() event: Outcome, @Ctx() ctx: EventContext) {
    return this.timeline.append(ctx.manager, event);
  }

  @EventPattern(eventType('ScreeningFinalized'))
  screeningFinalized(@Payload() event: Outcome, @Ctx() ctx: EventContext) {
    return this.publish(event, ctx);
  }

  @EventPattern(eventType('ParticipantScheduled'))
  participantScheduled(@Payload() event: Outcome, @Ctx() ctx: EventContext) {
    return this.publish(event, ctx);
  }

  @EventPattern(eventType('SkbScoresRecorded'))
  skbScoresRecorded(@Payload() event: Outcome, @Ctx() ctx: EventContext) {
    return this.timeline.append(ctx.manager, event);
  }

  @EventPattern(eventType('SkbResultFinalized'))
  skbResultFinalized(@Payload() event: Outcome, @Ctx() ctx: EventContext) {
    return this.publish(event, ctx);
  }

  @EventPattern(eventType('InterviewScheduled'))
  interviewScheduled(@Payload() event: Outcome, @Ctx() ctx: EventContext) {
    return this.timeline.append(ctx.manager, event);
  }

  @EventPattern(eventType('InterviewCompleted'))
  interviewCompleted(@Payload() event: Outcome, @Ctx() ctx: EventContext) {
    return this.timeline.append(ctx.manager, event);
  }

  @EventPattern(eventType('CandidatePlaced'))
  candidatePlaced(@Payload() event: Outcome, @Ctx() ctx: EventContext) {
    return this.timeline.append(ctx.manager, event);
  }

  @EventPattern(eventType('PlacementDeclined'))
  placementDeclined(@Payload() event: Outcome, @Ctx() ctx: EventContext) {
    return this.timeline.append(ctx.manager, event);
  }

  @EventPattern(eventType('PlacementAnnounced'))
  placementAnnounced(@Payload() event: Outcome, @Ctx() ctx: EventContext) {
    return this.publish(event, ctx);
  }
}
