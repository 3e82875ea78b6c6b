import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, eventType, SkbResultFinalized } from '@seleksi/contracts';
import { EventContext } from '@seleksi/messaging';
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
  @EventPattern(eventType('SkbResultFinalized'))
  async skbResultFinalized(@Payload() event: EventEnvelope<SkbResultFinalized>, @Ctx() ctx: EventContext) {
    if (event.data.outcome !== 'P/L' || !event.data.proceeds) return;
    if (await this.candidates.add(ctx.manager, event.data)) await this.placement.place(ctx.manager, [event.data.applicationId]);
  }
}
