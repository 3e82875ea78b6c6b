import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EventEnvelope, eventType, SkbResultFinalized } from '@seleksi/contracts';
import { EventBatchContext, EventBatchPattern } from '@seleksi/messaging';
import { CandidatePlacementService } from '../panels/candidate-placement.service';
import { CandidatesRepository } from './candidates.repository';

@Controller()
export class CandidatesHandler {
  constructor(
    private readonly candidates: CandidatesRepository,
    private readonly placement: CandidatePlacementService,
  ) {}

  /**
   * Only those ranked in (P/L) go on to the interview. A candidate whose formation or period we have
   * not heard of yet is kept WAITING and placed when a panel is given the formation.
   */
  @EventBatchPattern(eventType('SkbResultFinalized'))
  async skbResultsFinalized(@Payload() events: EventEnvelope<SkbResultFinalized>[], @Ctx() ctx: EventBatchContext) {
    const proceeding = events.map((e) => e.data).filter((r) => r.outcome === 'P/L' && r.proceeds);
    if (proceeding.length === 0) return;
    await this.placement.place(ctx.manager, await this.candidates.addAll(ctx.manager, proceeding));
  }
}
