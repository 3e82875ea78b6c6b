/** The bench's HTTP client: one call with a bearer token and a JSON or raw body, and a bounded pool of workers. */

import { httpCall, HttpCallOptions, HttpReply, inParallel } from '@seleksi/testing';

export type CallOptions = HttpCallOptions;
export type CallResult = HttpReply;
export const call = httpCall;

/** Fails loudly with the service's own error body when a call did not get an expected status. */
export function expectStatus(result: CallResult, expected: number | number[], what: string): CallResult {
  const ok = Array.isArray(expected) ? expected : [expected];
  if (!ok.includes(result.status)) throw new Error(`${what}: HTTP ${result.status} ${JSON.stringify(result.body).slice(0, 600)}`);
  return result;
}

/** Runs `work` over the items with at most `concurrency` in flight (a closed loop: the next starts when one ends). */
export async function pool<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  await inParallel(items, concurrency, work);
}

/** The wall clock (ms since the epoch) that a performance.now() reading corresponds to. */
export function epochMs(performanceNow: number): number {
  return performance.timeOrigin + performanceNow;
}
