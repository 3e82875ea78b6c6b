import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, eventType, FormationPublished, FormationQuotaChanged, InterviewCompleted, PeriodOpened, SkbResultFinalized } from '@seleksi/contracts';
import { EventContext } from '@seleksi/messaging';
import { InputsRepository, Stage } from './inputs.repository';

/**
 * Inputs are stored whatever order they arrive in: a result for a period or formation not heard of
 * yet is kept (ranking joins on what is known when it runs), so nothing crash-loops on ordering.
 */
@Controller()
export class InputsHandler {
  private readonly logger = new Logger(InputsHandler.name);

  constructor(private readonly inputs: InputsRepository) {}

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

  @EventPattern(eventType('SkbResultFinalized'))
  skbResultFinalized(@Payload() event: EventEnvelope<SkbResultFinalized>, @Ctx() ctx: EventContext) {
    return this.result(ctx, 'skb', event);
  }

  @EventPattern(eventType('InterviewCompleted'))
  interviewCompleted(@Payload() event: EventEnvelope<InterviewCompleted>, @Ctx() ctx: EventContext) {
    return this.result(ctx, 'interview', event);
  }

  /**
   * Before the announcement a re-issued result replaces the earlier one (the next recompute uses it).
   * After it the rankings are frozen: the correction is recorded in late_corrections for the record
   * and the stage result the frozen ranking came from stays as it was.
   */
  private async result(ctx: EventContext, stage: Stage, event: EventEnvelope<SkbResultFinalized | InterviewCompleted>): Promise<void> {
    if (await this.inputs.isAnnounced(ctx.manager, event.data.periodId)) {
      this.logger.warn(`late ${stage} result for application ${event.data.applicationId} after the announcement: recorded, ranking stays frozen`);
      await this.inputs.recordLateCorrection(ctx.manager, stage, event.data, event.id, event.time);
      return;
    }
    await this.inputs.recordResult(ctx.manager, stage, event.data, event.id, event.time);
  }
}
