/**
 * The submission window of the national-scale run, compressed. The real window is 30 days with most
 * applicants arriving in the last 48 hours (domain.md: in 2023, 39% had not submitted on the final
 * morning). The bench plays it in three phases and maps each onto a part of the window:
 *
 * - opening (day 1): a small share submitted as fast as the service takes them; this measures the
 *   capacity C of the submit path;
 * - steady (days 2–28): submitted open-loop at C / 2, i.e. at half the maximum load, where the
 *   submit-to-status latency goal is measured;
 * - surge (the last 48 hours): the majority submitted as fast as the service takes them, at the
 *   bench's full concurrency: the deadline at saturation.
 *
 * The mapping is piecewise linear: the steady phase is compressed far more than the surge, so the
 * arrival curve over simulated time keeps the real shape while the run lasts minutes.
 */
export type Phase = 'opening' | 'steady' | 'surge';

export const WINDOW_HOURS = 30 * 24;
export const SURGE_HOURS = 48;
const OPENING_HOURS = 24;

export interface ArrivalPlan {
  opening: number;
  steady: number;
  surge: number;
}

/** How many of `total` submissions fall in each phase. */
export function planArrivals(total: number, shares: { opening: number; surge: number } = { opening: 0.02, surge: 0.6 }): ArrivalPlan {
  if (!Number.isInteger(total) || total < 1) throw new Error(`the number of applications must be a positive integer (got ${total})`);
  if (shares.opening < 0 || shares.surge < 0 || shares.opening + shares.surge > 1) throw new Error('phase shares must be within 0..1 and sum to at most 1');
  const opening = Math.min(total, Math.max(Math.min(50, total), Math.round(total * shares.opening)));
  const surge = Math.min(total - opening, Math.round(total * shares.surge));
  return { opening, steady: total - opening - surge, surge };
}

/** Hours since the window opened that a submission at `fraction` (0..1) of its phase stands for. */
export function simulatedHour(phase: Phase, fraction: number): number {
  const f = Math.min(1, Math.max(0, fraction));
  if (phase === 'opening') return f * OPENING_HOURS;
  if (phase === 'steady') return OPENING_HOURS + f * (WINDOW_HOURS - SURGE_HOURS - OPENING_HOURS);
  return WINDOW_HOURS - SURGE_HOURS + f * SURGE_HOURS;
}

/** Start offsets (ms from the phase start) of `count` arrivals at a constant rate. */
export function openLoopOffsets(count: number, ratePerSecond: number): number[] {
  if (!(ratePerSecond > 0)) throw new Error(`an arrival rate must be positive (got ${ratePerSecond})`);
  return Array.from({ length: count }, (_, i) => (i * 1000) / ratePerSecond);
}

/** Counts per bucket of `bucketHours` over [0, spanHours); a value at the very end falls in the last bucket. */
export function histogram(hours: readonly number[], bucketHours: number, spanHours = WINDOW_HOURS): number[] {
  const buckets = new Array<number>(Math.ceil(spanHours / bucketHours)).fill(0);
  for (const h of hours) {
    const i = Math.min(buckets.length - 1, Math.max(0, Math.floor(h / bucketHours)));
    buckets[i] += 1;
  }
  return buckets;
}

/** The share of arrivals within the last `lastHours` of the window. */
export function shareInLast(hours: readonly number[], lastHours: number, spanHours = WINDOW_HOURS): number {
  if (hours.length === 0) return 0;
  return hours.filter((h) => h >= spanHours - lastHours).length / hours.length;
}
