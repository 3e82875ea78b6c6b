import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, eventType, SkbResultFinalized } from '@seleksi/contracts';
import { EventContext } from '@seleksi/messaging';
import { CandidatesRepository } from './candidates.repository';

@Controller()
export class CandidatesHandler {
  constructor(private readonly candidates: CandidatesRepository) {}

  /** Only those ranked in (P/L) go on to the interview. */
  @EventPattern(eventType('SkbResultFinalized'))
  async skbResultFinalized(@Payload() event: EventEnvelope<SkbResultFinalized>, @Ctx() ctx: EventContext) {
    if (event.data.outcome === 'P/L' && event.data.proceeds) await this.candidates.add(ctx.manager, event.data);
  }
}
