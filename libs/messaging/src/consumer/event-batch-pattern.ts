import { EventPattern } from '@nestjs/microservices';
import { EventEnvelope } from '@seleksi/contracts';
import { EntityManager } from 'typeorm';

const BATCH_SUFFIX = '#batch';

/** The pattern a batch form is registered under beside the per-event ones. */
export function batchPatternOf(type: string): string {
  return `${type}${BATCH_SUFFIX}`;
}

/**
 * Declares a handler's batch form: the method receives the fresh events of a chunk (`@Payload()`,
 * in partition order, those already applied left out) and an `EventBatchContext` (`@Ctx()`), and
 * applies them all in the chunk's transaction or throws. Consecutive events of the listed types
 * reach it in one call, so a method may take several types (one multi-row write for them all).
 * Events of one key keep their order in the array; a batch form applies them in that order (the
 * last write for a key wins as it would one by one). A type with a batch form is never delivered to
 * an `@EventPattern` method of the same type.
 */
export function EventBatchPattern(...types: string[]): MethodDecorator {
  return EventPattern(types.map(batchPatternOf));
}

/** Handed to a batch form (`@Ctx()`): the chunk's transaction, where its inbox rows were written. */
export class EventBatchContext {
  constructor(
    readonly manager: EntityManager,
    readonly events: readonly EventEnvelope[],
    readonly topic: string,
    readonly partition: number,
  ) {}
}
