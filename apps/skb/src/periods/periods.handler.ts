import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, eventType, PeriodOpened, ScreeningPeriodFinalized } from '@seleksi/contracts';
import { EventContext } from '@seleksi/messaging';
import { HandoversService } from '../handovers/handovers.service';
import { PeriodsRepository } from './periods.repository';

@Controller()
export class PeriodsHandler {
  constructor(
    private readonly periods: PeriodsRepository,
    private readonly handovers: HandoversService,
  ) {}

  @EventPattern(eventType('PeriodOpened'))
  periodOpened(@Payload() event: EventEnvelope<PeriodOpened>, @Ctx() ctx: EventContext) {
    return this.periods.store(ctx.manager, event.data);
  }

  @EventPattern(eventType('ScreeningPeriodFinalized'))
  screeningPeriodFinalized(@Payload() event: EventEnvelope<ScreeningPeriodFinalized>, @Ctx() ctx: EventContext) {
    return this.handovers.screeningPeriodFinalized(ctx.manager, event.data);
  }
}
