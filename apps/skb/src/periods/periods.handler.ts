import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, eventType, PeriodOpened } from '@seleksi/contracts';
import { EventContext } from '@seleksi/messaging';
import { PeriodsRepository } from './periods.repository';

@Controller()
export class PeriodsHandler {
  constructor(private readonly periods: PeriodsRepository) {}

  @EventPattern(eventType('PeriodOpened'))
  periodOpened(@Payload() event: EventEnvelope<PeriodOpened>, @Ctx() ctx: EventContext) {
    return this.periods.store(ctx.manager, event.data);
  }
}
