import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, eventType, FormationPublished, PeriodOpened, SkbPeriodFinalized } from '@seleksi/contracts';
import { EventContext } from '@seleksi/messaging';
import { HandoversService } from '../handovers/handovers.service';
import { PeriodsRepository } from './periods.repository';

/** Keeps our copy of each period's interview rules and of its formations (for panels and rubrics). */
@Controller()
export class PeriodsHandler {
  constructor(
    private readonly periods: PeriodsRepository,
    private readonly handovers: HandoversService,
  ) {}

  @EventPattern(eventType('PeriodOpened'))
  async periodOpened(@Payload() event: EventEnvelope<PeriodOpened>, @Ctx() ctx: EventContext) {
    await this.periods.addPeriod(ctx.manager, event.data);
  }

  @EventPattern(eventType('FormationPublished'))
  async formationPublished(@Payload() event: EventEnvelope<FormationPublished>, @Ctx() ctx: EventContext) {
    await this.periods.upsertFormation(ctx.manager, event.data);
  }

  /** Skb's closing count: what scheduling and the period's completion wait for. */
  @EventPattern(eventType('SkbPeriodFinalized'))
  async skbPeriodFinalized(@Payload() event: EventEnvelope<SkbPeriodFinalized>, @Ctx() ctx: EventContext) {
    await this.handovers.skbPeriodFinalized(ctx.manager, event.data);
  }
}
