import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, eventType, FormationPublished, ScreeningFinalized } from '@seleksi/contracts';
import { EventContext } from '@seleksi/messaging';
import { IntakeRepository } from './intake.repository';

@Controller()
export class IntakeHandler {
  constructor(private readonly intake: IntakeRepository) {}

  @EventPattern(eventType('FormationPublished'))
  formationPublished(@Payload() event: EventEnvelope<FormationPublished>, @Ctx() ctx: EventContext) {
    return this.intake.upsertFormation(ctx.manager, event.data);
  }

  /** TMS applications end here; MS ones become SKB participants. */
  @EventPattern(eventType('ScreeningFinalized'))
  async screeningFinalized(@Payload() event: EventEnvelope<ScreeningFinalized>, @Ctx() ctx: EventContext) {
    if (event.data.result === 'MS') await this.intake.addParticipant(ctx.manager, event.data);
  }
}
