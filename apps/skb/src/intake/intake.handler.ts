import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, eventType, FormationPublished, FormationQuotaChanged, ScreeningFinalized } from '@seleksi/contracts';
import { EventBatchContext, EventBatchPattern, EventContext } from '@seleksi/messaging';
import { IntakeService } from './intake.service';

@Controller()
export class IntakeHandler {
  constructor(private readonly intake: IntakeService) {}

  @EventPattern(eventType('FormationPublished'))
  formationPublished(@Payload() event: EventEnvelope<FormationPublished>, @Ctx() ctx: EventContext) {
    return this.intake.formationPublished(ctx.manager, event.data);
  }

  /** The 3 × quota cut uses the quota in force when results are computed (registration refuses changes once the period is closed). */
  @EventPattern(eventType('FormationQuotaChanged'))
  formationQuotaChanged(@Payload() event: EventEnvelope<FormationQuotaChanged>, @Ctx() ctx: EventContext) {
    return this.intake.formationQuotaChanged(ctx.manager, event.data);
  }

  /** TMS applications end here; MS ones become SKB participants (a chunk of results at a time). */
  @EventBatchPattern(eventType('ScreeningFinalized'))
  screeningsFinalized(@Payload() events: EventEnvelope<ScreeningFinalized>[], @Ctx() ctx: EventBatchContext) {
    return this.intake.screeningsFinalized(
      ctx.manager,
      events.map((e) => e.data),
    );
  }
}
