import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  EventEnvelope,
  eventType,
  FormationPublished,
  FormationQuotaChanged,
  InterviewCompleted,
  InterviewPeriodCompleted,
  PeriodOpened,
  SkbPeriodFinalized,
  SkbResultFinalized,
} from '@seleksi/contracts';
import { EventBatchContext, EventBatchPattern, EventContext } from '@seleksi/messaging';
import { HandoversService } from '../handovers/handovers.service';
import { InputsRepository, Stage, StageResultInput } from './inputs.repository';

/**
 * Inputs are stored whatever order they arrive in: a result for a period or formation not heard of
 * yet is kept (ranking joins on what is known when it runs), so nothing crash-loops on ordering.
 */
@Controller()
export class InputsHandler {
  private readonly logger = new Logger(InputsHandler.name);

  constructor(
    private readonly inputs: InputsRepository,
    private readonly handovers: HandoversService,
  ) {}

  @EventPattern(eventType('PeriodOpened'))
  periodOpened(@Payload() event: EventEnvelope<PeriodOpened>, @Ctx() ctx: EventContext) {
    return this.inputs.upsertPeriod(ctx.manager, event.data);
  }

  @EventPattern(eventType('FormationPublished'))
  formationPublished(@Payload() event: EventEnvelope<FormationPublished>, @Ctx() ctx: EventContext) {
    return this.inputs.upsertFormation(ctx.manager, event.data);
  }

  @EventPattern(eventType('FormationQuotaChanged'))
  formationQuotaChanged(@Payload() event: EventEnvelope<FormationQuotaChanged>, @Ctx() ctx: EventContext) {
    return this.inputs.changeQuota(ctx.manager, event.data, event.time);
  }

  /** Skb's closing count: what the ranking waits for. */
  @EventPattern(eventType('SkbPeriodFinalized'))
  skbPeriodFinalized(@Payload() event: EventEnvelope<SkbPeriodFinalized>, @Ctx() ctx: EventContext) {
    return this.handovers.skbPeriodFinalized(ctx.manager, event.data);
  }

  /** Interview's closing count: what the ranking waits for. */
  @EventPattern(eventType('InterviewPeriodCompleted'))
  interviewPeriodCompleted(@Payload() event: EventEnvelope<InterviewPeriodCompleted>, @Ctx() ctx: EventContext) {
    return this.handovers.interviewPeriodCompleted(ctx.manager, event.data);
  }

  /**
   * Before the announcement a re-issued result replaces the earlier one (the next recompute uses it).
   * After it the rankings are frozen: the correction is recorded in late_corrections for the record
   * and the stage result the frozen ranking came from stays as it was.
   */
  @EventBatchPattern(eventType('SkbResultFinalized'), eventType('InterviewCompleted'))
  async results(@Payload() events: EventEnvelope<SkbResultFinalized | InterviewCompleted>[], @Ctx() ctx: EventBatchContext): Promise<void> {
    const announced = await this.inputs.announcedAmong(ctx.manager, [...new Set(events.map((e) => e.data.periodId))]);
    const results: StageResultInput[] = [];
    for (const event of events) {
      const stage: Stage = event.type === eventType('SkbResultFinalized') ? 'skb' : 'interview';
      if (!announced.has(event.data.periodId)) {
        results.push({ stage, result: event.data, eventId: event.id, issuedAt: event.time });
        continue;
      }
      this.logger.warn(`late ${stage} result for application ${event.data.applicationId} after the announcement: recorded, ranking stays frozen`);
      await this.inputs.recordLateCorrection(ctx.manager, stage, event.data, event.id, event.time);
    }
    await this.inputs.recordResults(ctx.manager, results);
  }
}
