import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testInfra } from './infra';

/** Peak resident memory (VmHWM) of a process in MiB, from /proc; the kernel keeps the high-water mark. */
export function peakMemoryMb(pid: number = process.pid): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  if (!match) throw new Error(`no VmHWM for pid ${pid}`);
  return Number(match[1]) / 1024;
}

/** The p-th percentile (0–100) of the values, nearest-rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

/** Wall time of an async step in milliseconds. */
export async function timed<T>(step: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = process.hrtime.bigint();
  const result = await step();
  return { result, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

export interface BenchLine {
  measure: string;
  pipeline: number;
  baseline: number;
  unit: string;
  /** Whether a higher figure is better (throughput) or worse (time, latency). */
  higherIsBetter: boolean;
}

/**
 * Prints a table of figures beside their baseline with the ratio (pipeline / baseline for
 * throughput, baseline / pipeline for times, so 1.0 is parity and below 1 is slower), and writes
 * the run to .data/bench/<name>.json.
 */
export function reportBench(name: string, lines: BenchLine[], extra: Record<string, unknown> = {}): void {
  const rows = lines.map((l) => ({
    ...l,
    ratio: l.higherIsBetter ? l.pipeline / l.baseline : l.baseline / l.pipeline,
  }));
  const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2));
  process.stdout.write(`\n${name}: figures beside the baseline measured in this run\n`);
  for (const r of rows) {
    process.stdout.write(
      `  ${r.measure.padEnd(40)} ${fmt(r.pipeline).padStart(10)} ${r.unit.padEnd(8)} baseline ${fmt(r.baseline).padStart(10)}  ratio ${r.ratio.toFixed(2)}\n`,
    );
  }
  for (const [k, v] of Object.entries(extra)) process.stdout.write(`  ${k}: ${typeof v === 'number' ? fmt(v) : String(v)}\n`);
  const dir = join(testInfra().repoRoot, '.data', 'bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify({ name, at: new Date().toISOString(), lines: rows, ...extra }, null, 2));
}
