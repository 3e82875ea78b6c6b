import { SkbRules } from '@seleksi/contracts';

/*
 * The SKB result rules in plain code. Finalize applies them to a whole period in one SQL statement
 * (ResultsRepository.finalize); the unit tests pin the rules here, and an integration test holds the
 * statement to them on a drawn period.
 */

export type Attendance = 'TH' | 'DIS' | null;
export type SkbOutcome = 'P/L' | 'P' | 'TL' | 'TH' | 'DIS';

export interface ParticipantScores {
  applicationId: string;
  formationId: string;
  attendance: Attendance;
  /** Raw scores by component. */
  scores: Record<string, number>;
}

export interface ComputedResult {
  applicationId: string;
  formationId: string;
  components: { component: string; value: number }[];
  total: number | null;
  outcome: SkbOutcome;
  rank: number | null;
  proceeds: boolean;
}

/** Totals are kept to 2 decimals, the precision announced; ranking and ties use that same figure. */
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Σ weight × raw / maxScore, over the weights' sum, as 0–100. */
export function skbTotal(rules: SkbRules, scores: Record<string, number>): number {
  const weightSum = rules.components.reduce((s, c) => s + c.weight, 0);
  const weighted = rules.components.reduce((s, c) => s + (c.weight * (scores[c.component] ?? 0)) / c.maxScore, 0);
  return weightSum === 0 ? 0 : round2((weighted / weightSum) * 100);
}

/** How many of a formation proceed before ties: floor(proceedFactor × quota). */
export function proceedCutoff(rules: SkbRules, quota: number): number {
  return Math.floor(rules.proceedFactor * quota + 1e-9);
}

/** Participants present but without every component scored; finalize waits for them. */
export function missingScores(rules: SkbRules, p: ParticipantScores): string[] {
  if (p.attendance) return [];
  return rules.components.filter((c) => p.scores[c.component] === undefined).map((c) => c.component);
}

/**
 * The SKB result of one formation. Absent (TH) and disqualified (DIS) participants get no total and
 * no rank. Passing needs every component at or above its passing grade and the total at or above
 * the period's. Passed participants are ranked by total (equal totals share a rank, the next rank
 * skips: 1, 1, 3); the first floor(proceedFactor × quota) proceed (P/L), and since a tie shares the
 * rank, everyone tied at the cut-off proceeds too. The rest who passed are P, those who failed TL.
 * Every present participant must have every component (see missingScores).
 */
export function formationResults(rules: SkbRules, quota: number, participants: ParticipantScores[]): ComputedResult[] {
  const cutoff = proceedCutoff(rules, quota);
  const scored = participants.map((p) => {
    const components = rules.components
      .filter((c) => p.scores[c.component] !== undefined)
      .map((c) => ({ component: c.component, value: p.scores[c.component] }));
    if (p.attendance) return { p, components, total: null, passed: false };
    const total = skbTotal(rules, p.scores);
    const passed = rules.components.every((c) => (p.scores[c.component] ?? -1) >= c.passingGrade) && total >= rules.totalPassingGrade;
    return { p, components, total, passed };
  });
  const passedTotals = scored
    .filter((s) => s.passed)
    .map((s) => s.total as number)
    .sort((a, b) => b - a);
  const rankOf = (total: number) => {
    // Competition ranking: 1 + how many passed with a strictly higher total.
    let lo = 0;
    let hi = passedTotals.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (passedTotals[mid] > total) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  return scored.map(({ p, components, total, passed }) => {
    const base = { applicationId: p.applicationId, formationId: p.formationId, components };
    if (p.attendance) return { ...base, total: null, outcome: p.attendance, rank: null, proceeds: false };
    if (!passed) return { ...base, total, outcome: 'TL', rank: null, proceeds: false };
    const rank = rankOf(total as number);
    const proceeds = rank <= cutoff;
    return { ...base, total, outcome: proceeds ? 'P/L' : 'P', rank, proceeds };
  });
}
