/** The figures of the run beside the baseline, and the goals of issue 8 checked against them. */
import { BenchLine } from '@seleksi/testing';
import { StageReport } from './measure';

export function stageLines(reports: StageReport[], baselinePerSecond: number): BenchLine[] {
  // A period-wide step (one announcement event) has no throughput worth comparing.
  return reports
    .filter((r) => r.items > 1)
    .map((r) => ({ measure: `${r.stage} (${r.event}/s)`, pipeline: r.perSecond, baseline: baselinePerSecond, unit: 'events/s', higherIsBetter: true }));
}

export interface Goal {
  text: string;
  met: boolean;
}

export function goals(o: {
  reports: StageReport[];
  baselinePerSecond: number;
  steadyP99Ms: number;
  memory: Record<string, number>;
  pipelineSeconds: number;
  applications: number;
}): Goal[] {
  // The stages that carry one event per application through Kafka; period-wide steps of one event are not throughput.
  const bulk = o.reports.filter((r) => r.items >= Math.min(1_000, o.applications / 10));
  const slowest = bulk.reduce((a, b) => (b.perSecond < a.perSecond ? b : a), bulk[0]);
  const heaviest = Object.entries(o.memory).reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0] as [string, number]);
  return [
    {
      text: `throughput ≥ 0.5× baseline: slowest per-application stage "${slowest?.stage}" ${slowest?.perSecond.toFixed(0)}/s = ${((slowest?.perSecond ?? 0) / o.baselinePerSecond).toFixed(2)}× baseline ${o.baselinePerSecond.toFixed(0)}/s`,
      met: slowest !== undefined && slowest.perSecond >= 0.5 * o.baselinePerSecond,
    },
    { text: `submit→case visible p99 < 100 ms at half the maximum load (steady phase): ${o.steadyP99Ms.toFixed(0)} ms`, met: o.steadyP99Ms < 100 },
    { text: `no service over 512 MB: largest ${heaviest[0]} ${heaviest[1].toFixed(0)} MB`, met: heaviest[1] <= 512 },
    {
      text: `${o.applications.toLocaleString('en-US')} applications end to end in minutes: ${(o.pipelineSeconds / 60).toFixed(1)} min`,
      met: o.pipelineSeconds < 3600,
    },
  ];
}
