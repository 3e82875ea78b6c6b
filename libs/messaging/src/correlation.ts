import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What travels with a unit of work: the HTTP request or event that started it, and the event that caused it. */
export interface CorrelationContext {
  correlationId: string;
  /** The event being handled, when the work was caused by one. */
  causationId?: string;
}

const storage = new AsyncLocalStorage<CorrelationContext>();

export function runWithCorrelation<T>(context: CorrelationContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentCorrelation(): CorrelationContext | undefined {
  return storage.getStore();
}

export function correlationIdOrNew(): string {
  return storage.getStore()?.correlationId ?? randomUUID();
}
