/** Ranking within one formation (domain.md stage 6): final score, then the period's tie-break chain. */

export type TieBreaker = 'HIGHER_SKB' | 'HIGHER_CAT' | 'HIGHER_GPA' | 'OLDER';

export interface RankInput {
  applicationId: string;
  finalScore: number;
  skbTotal: number;
  /** Raw CAT component score; a result without one ranks below any that has one on HIGHER_CAT. */
  cat: number | null;
  gpa: number;
  /** YYYY-MM-DD; earlier is older. */
  dateOfBirth: string;
}

/** What put a candidate below the one ranked just above: the final score, a tie-breaker, or nothing real. */
export type DecidedBy = 'FINAL_SCORE' | TieBreaker | 'APPLICATION_ID' | null;

export interface Ranked<T extends RankInput = RankInput> {
  candidate: T;
  rank: number;
  /** Null for rank 1. */
  decidedBy: DecidedBy;
  /**
   * Tied with a neighbour on the final score and on every link of the chain. Such a tie is reported,
   * not hidden: it is broken only by the application id (a stable, meaningless key) so that
   * recomputing gives the same order, and an officer can override if the agency's rules say so.
   */
  exactTie: boolean;
}

const num = (a: number | null): number => (a === null ? Number.NEGATIVE_INFINITY : a);

function compareBy(key: DecidedBy, a: RankInput, b: RankInput): number {
  switch (key) {
    case 'FINAL_SCORE':
      return b.finalScore - a.finalScore;
    case 'HIGHER_SKB':
      return b.skbTotal - a.skbTotal;
    case 'HIGHER_CAT':
      return num(b.cat) === num(a.cat) ? 0 : num(b.cat) > num(a.cat) ? 1 : -1;
    case 'HIGHER_GPA':
      return b.gpa - a.gpa;
    case 'OLDER':
      return a.dateOfBirth < b.dateOfBirth ? -1 : a.dateOfBirth > b.dateOfBirth ? 1 : 0;
    default:
      return a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0;
  }
}

/** The first key of [final score, ...chain] on which a and b differ, or null when they are tied on all. */
export function firstDifference(a: RankInput, b: RankInput, chain: readonly TieBreaker[]): { key: DecidedBy; order: number } {
  if (a.finalScore !== b.finalScore) return { key: 'FINAL_SCORE', order: b.finalScore - a.finalScore };
  for (const key of chain) {
    const order = compareBy(key, a, b);
    if (order !== 0) return { key, order };
  }
  return { key: null, order: 0 };
}

type Comparator = (a: RankInput, b: RankInput) => number;
const COMPARATORS: Record<TieBreaker | 'APPLICATION_ID', Comparator> = {
  HIGHER_SKB: (a, b) => compareBy('HIGHER_SKB', a, b),
  HIGHER_CAT: (a, b) => compareBy('HIGHER_CAT', a, b),
  HIGHER_GPA: (a, b) => compareBy('HIGHER_GPA', a, b),
  OLDER: (a, b) => compareBy('OLDER', a, b),
  APPLICATION_ID: (a, b) => compareBy('APPLICATION_ID', a, b),
};

/**
 * The sort order as one function, the chain resolved once: it runs n log n times per formation (the
 * bench sorts a million candidates), so it allocates nothing and switches on nothing.
 */
export function comparatorFor(chain: readonly TieBreaker[]): Comparator {
  const links = [...chain.map((k) => COMPARATORS[k]), COMPARATORS.APPLICATION_ID];
  return (a, b) => {
    if (a.finalScore !== b.finalScore) return b.finalScore - a.finalScore;
    for (let i = 0; i < links.length; i++) {
      const order = links[i](a, b);
      if (order !== 0) return order;
    }
    return 0;
  };
}

/** Ranks 1..n, strict (no shared ranks): an exact tie is flagged on both sides instead. */
export function rankFormation<T extends RankInput>(candidates: readonly T[], chain: readonly TieBreaker[]): Ranked<T>[] {
  const sorted = [...candidates].sort(comparatorFor(chain));
  const ranked: Ranked<T>[] = sorted.map((candidate, i) => ({ candidate, rank: i + 1, decidedBy: null, exactTie: false }));
  for (let i = 1; i < ranked.length; i++) {
    const { key } = firstDifference(ranked[i - 1].candidate, ranked[i].candidate, chain);
    if (key === null) {
      ranked[i].decidedBy = 'APPLICATION_ID';
      ranked[i].exactTie = true;
      ranked[i - 1].exactTie = true;
    } else {
      ranked[i].decidedBy = key;
    }
  }
  return ranked;
}
