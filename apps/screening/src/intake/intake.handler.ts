import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ApplicationSubmitted, EventEnvelope, eventType, FormationPublished, PeriodClosed, PeriodOpened } from '@seleksi/contracts';
import { EventBatchContext, EventBatchPattern, EventContext } from '@seleksi/messaging';
import { HandoversService } from '../handovers/handovers.service';
import { IntakeService } from './intake.service';

/** What screening needs to know before a verifier sees a case: the period, its formations, the submission. */
@Controller()
export class IntakeHandler {
  constructor(
    private readonly intake: IntakeService,
    private readonly handovers: HandoversService,
  ) {}

  @EventPattern(eventType('PeriodOpened'))
  periodOpened(@Payload() event: EventEnvelope<PeriodOpened>, @Ctx() ctx: EventContext) {
    return this.intake.periodOpened(ctx.manager, event.data, event.time);
  }

  @EventPattern(eventType('PeriodClosed'))
  periodClosed(@Payload() event: EventEnvelope<PeriodClosed>, @Ctx() ctx: EventContext) {
    return this.handovers.periodClosed(ctx.manager, event.data);
  }

  @EventPattern(eventType('FormationPublished'))
  formationPublished(@Payload() event: EventEnvelope<FormationPublished>, @Ctx() ctx: EventContext) {
    return this.intake.formationPublished(ctx.manager, event.data);
  }

  @EventBatchPattern(eventType('ApplicationSubmitted'))
  applicationsSubmitted(@Payload() events: EventEnvelope<ApplicationSubmitted>[], @Ctx() ctx: EventBatchContext) {
    return this.intake.applicationsSubmitted(
      ctx.manager,
      events.map((e) => e.data),
    );
  }
}
