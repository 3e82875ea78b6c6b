import { EventEnvelope } from '@seleksi/contracts';
import { EntityManager } from 'typeorm';

/**
 * Handed to every event handler (`@Ctx()`): the transaction the inbox row was written in. A handler
 * writes its effect (and any outbox rows) through `manager`, so effect and inbox commit together.
 */
export class EventContext {
  constructor(
    readonly manager: EntityManager,
    readonly envelope: EventEnvelope,
    readonly topic: string,
    readonly partition: number,
    readonly offset: string,
  ) {}
}

/** Thrown by a handler when retrying cannot help (a rule violation in the event itself). */
export class PermanentEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentEventError';
  }
}
