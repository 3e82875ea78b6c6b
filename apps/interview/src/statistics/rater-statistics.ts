/** One counted score: a panelist's value for one criterion of one finalized candidate. */
export interface ScoreFact {
  applicationId: string;
  panelistId: string;
  criterion: string;
  value: number;
}

export interface RaterStatistics {
  panelistId: string;
  /** Candidates this panelist scored. */
  scored: number;
  /** Mean of (own score − the panel's mean) over their scored criteria: > 0 lenient, < 0 severe. */
  meanDeviation: number;
  /** Share of their scored criteria on which the panel's spread (max − min) exceeded the threshold. */
  disagreementRate: number;
  /** Standard deviation of their own scores: near 0 for a rater who gives everyone the same level. */
  spread: number;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

export function raterStatistics(facts: ScoreFact[], calibrationThreshold: number): RaterStatistics[] {
  const byItem = new Map<string, number[]>();
  for (const f of facts) {
    const key = `${f.applicationId}|${f.criterion}`;
    byItem.set(key, [...(byItem.get(key) ?? []), f.value]);
  }
  const item = new Map<string, { mean: number; disagreed: boolean }>();
  for (const [key, values] of byItem) {
    item.set(key, { mean: values.reduce((a, b) => a + b, 0) / values.length, disagreed: Math.max(...values) - Math.min(...values) > calibrationThreshold });
  }
  const byPanelist = new Map<string, { apps: Set<string>; deviation: number; disagreed: number; n: number; sum: number; squares: number }>();
  for (const f of facts) {
    const agg = byPanelist.get(f.panelistId) ?? { apps: new Set<string>(), deviation: 0, disagreed: 0, n: 0, sum: 0, squares: 0 };
    const it = item.get(`${f.applicationId}|${f.criterion}`)!;
    agg.apps.add(f.applicationId);
    agg.deviation += f.value - it.mean;
    agg.disagreed += it.disagreed ? 1 : 0;
    agg.n += 1;
    agg.sum += f.value;
    agg.squares += f.value * f.value;
    byPanelist.set(f.panelistId, agg);
  }
  return [...byPanelist.entries()]
    .map(([panelistId, a]) => ({
      panelistId,
      scored: a.apps.size,
      meanDeviation: round(a.deviation / a.n),
      disagreementRate: round(a.disagreed / a.n),
      spread: round(Math.sqrt(Math.max(0, a.squares / a.n - (a.sum / a.n) ** 2))),
    }))
    .sort((x, y) => x.panelistId.localeCompare(y.panelistId));
}
