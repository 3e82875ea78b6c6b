import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, eventType, FormationPublished, FormationQuotaChanged, InterviewCompleted, SkbResultFinalized } from '@seleksi/contracts';
import { EventContext } from '@seleksi/messaging';
import { InputsRepository } from './inputs.repository';

@Controller()
export class InputsHandler {
  constructor(private readonly inputs: InputsRepository) {}

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
    return this.inputs.recordResult(ctx.manager, 'skb', event.data, event.id, event.time);
  }

  @EventPattern(eventType('InterviewCompleted'))
  interviewCompleted(@Payload() event: EventEnvelope<InterviewCompleted>, @Ctx() ctx: EventContext) {
    return this.inputs.recordResult(ctx.manager, 'interview', event.data, event.id, event.time);
  }
}
