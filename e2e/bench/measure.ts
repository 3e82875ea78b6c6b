/**
 * One stage of the run, measured the same way for every stage: the bench drives the stage through
 * the services' HTTP APIs (the trigger), then waits until every consumer of the stage's event has
 * applied all of them, printing progress every few seconds. Latency of an application = when the
 * stage's primary consumer applied its event (inbox transaction start, database clock) minus when
 * the HTTP response that caused it reached the bench (the submit, the bulk decision, the finalize…).
 */
import { EventName, EVENTS, ServiceName } from '@seleksi/contracts';
import { percentile, waitFor } from '@seleksi/testing';
import { LagSampler, Observer } from './observe';

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface StageReport {
  stage: string;
  /** What was counted: events applied by the primary consumer in this stage. */
  items: number;
  event: EventName;
  consumer: ServiceName;
  /** First trigger request to the last application applied by the primary consumer. */
  seconds: number;
  perSecond: number;
  /** Wall time of the HTTP calls alone. */
  httpSeconds: number;
  httpCalls: number;
  latency: LatencySummary | null;
  /** Largest consumer lag per service seen while the stage ran (sampled). */
  maxLag: Record<string, number>;
  notes: string[];
}

export function summarize(values: number[]): LatencySummary | null {
  if (values.length === 0) return null;
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  return { count: values.length, p50Ms: percentile(values, 50), p99Ms: percentile(values, 99), maxMs: max };
}

export interface Trigger {
  httpCalls: number;
  /** When the response that caused each application's event reached the bench (ms since the epoch), by key. */
  issuedAt(key: string): number | undefined;
  notes?: string[];
}

export interface StageSpec {
  stage: string;
  event: EventName;
  consumer: ServiceName;
  /** The payload field naming what `issuedAt` is keyed by, when it is not the application id (the message key). */
  keyField?: string;
  timeoutMs: number;
  run(): Promise<Trigger>;
}

export class StageRunner {
  readonly reports: StageReport[] = [];

  constructor(
    private readonly observer: Observer,
    private readonly lag: LagSampler,
    private readonly log: (line: string) => void,
  ) {}

  async measure(spec: StageSpec): Promise<StageReport> {
    const consumers = EVENTS[spec.event].consumers as readonly ServiceName[];
    const producedBefore = await this.observer.produced(spec.event);
    const appliedBefore = new Map<ServiceName, number>();
    for (const c of consumers) appliedBefore.set(c, await this.observer.applied(spec.event, c));
    const startedAt = Date.now();
    this.log(`[${spec.stage}] started`);
    const trigger = await spec.run();
    const httpSeconds = (Date.now() - startedAt) / 1000;
    const expected = (await this.observer.produced(spec.event)) - producedBefore;
    let lastPrint = 0;
    await waitFor(
      `${spec.stage}: ${expected} ${spec.event} applied by ${consumers.join(', ')}`,
      async () => {
        const counts = await Promise.all(consumers.map(async (c) => [c, (await this.observer.applied(spec.event, c)) - appliedBefore.get(c)!] as const));
        const done = counts.every(([, n]) => n >= expected);
        if (done || Date.now() - lastPrint >= 5_000) {
          lastPrint = Date.now();
          const lag =
            Object.entries(this.lag.latest())
              .filter(([, n]) => n > 0)
              .map(([s, n]) => `${s} ${n}`)
              .join(', ') || 'none';
          this.log(
            `[${spec.stage}] ${counts.map(([c, n]) => `${c} ${n.toLocaleString('en-US')}/${expected.toLocaleString('en-US')}`).join(' · ')} ${spec.event} applied; lag: ${lag}; ${((Date.now() - startedAt) / 1000).toFixed(0)} s`,
          );
        }
        return done;
      },
      { timeoutMs: spec.timeoutMs, intervalMs: 500 },
    );
    const times = await this.observer.appliedTimes(spec.event, spec.consumer, spec.keyField);
    const latencies: number[] = [];
    let last = startedAt;
    for (const [key, at] of times) {
      const issued = trigger.issuedAt(key);
      if (issued === undefined) continue;
      latencies.push(at - issued);
      if (at > last) last = at;
    }
    const seconds = Math.max(0.001, (last - startedAt) / 1000);
    const report: StageReport = {
      stage: spec.stage,
      items: latencies.length,
      event: spec.event,
      consumer: spec.consumer,
      seconds,
      perSecond: latencies.length / seconds,
      httpSeconds,
      httpCalls: trigger.httpCalls,
      latency: summarize(latencies),
      maxLag: this.lag.maxBetween(startedAt, Date.now()),
      notes: trigger.notes ?? [],
    };
    this.reports.push(report);
    const l = report.latency;
    this.log(
      `[${spec.stage}] done: ${report.items.toLocaleString('en-US')} in ${seconds.toFixed(1)} s (${report.perSecond.toFixed(0)}/s), ` +
        `${report.httpCalls} HTTP calls in ${httpSeconds.toFixed(1)} s` +
        (l ? `; latency p50 ${l.p50Ms.toFixed(0)} ms, p99 ${l.p99Ms.toFixed(0)} ms` : ''),
    );
    return report;
  }
}
