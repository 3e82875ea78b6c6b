/**
 * Score integration (stage 6 of domain.md): final = Σ weight share × normalised stage score, with the
 * period's stage weights. Pure; the same functions serve the service, the tests and the bench. The
 * hot path (a million candidates) uses `ineligibility` and `finalScore`, which allocate nothing;
 * `explain` builds the per-candidate explanation when someone reads it.
 */

export interface StageWeightsRule {
  skb: number;
  interview: number;
}

/** What placement knows of one application, from the latest SkbResultFinalized and InterviewCompleted. */
export interface CandidateInputs {
  applicationId: string;
  formationId: string;
  applicantId: string | null;
  /** Null when no SKB result was heard. */
  skbOutcome: string | null;
  skbTotal: number | null;
  skbProceeds: boolean;
  /** Raw CAT component score, if the SKB result has a 'cat' component. */
  cat: number | null;
  gpa: number;
  dateOfBirth: string;
  /** Null when no interview result was heard. */
  interviewOutcome: string | null;
  interviewTotal: number | null;
}

export interface StageContribution {
  stage: 'skb' | 'interview';
  /** Normalised stage score, 0–100. */
  score: number;
  /** The period's weight of the stage, in percent. */
  weight: number;
  /** weight share × score, rounded like the final score. */
  contribution: number;
}

export interface Explanation {
  ruleVersion: string;
  components: StageContribution[];
  finalScore: number | null;
  /** Why the candidate is not ranked, when not eligible. */
  notRankedBecause?: IneligibleReason;
}

export type IneligibleReason = 'SKB_RESULT_MISSING' | 'SKB_NOT_PROCEEDED' | 'INTERVIEW_RESULT_MISSING' | 'INTERVIEW_ABSENT';

export type Integration =
  { eligible: true; finalScore: number; explanation: Explanation } | { eligible: false; reason: IneligibleReason; explanation: Explanation };

/**
 * Final scores are rounded to four decimals before anyone compares them, so two candidates whose
 * weighted sums differ only by floating-point noise tie (and the SQL baseline, which rounds the same
 * way in numeric, agrees).
 */
export const roundScore = (n: number): number => Math.round(n * 10_000) / 10_000;

/**
 * Eligible for ranking: the SKB result says the candidate proceeds, and the interview was SCORED.
 * An ABSENT interview, a missing interview result or an SKB result that does not proceed means the
 * candidate is not ranked (they still see why in their outcome).
 */
export function ineligibility(c: CandidateInputs): IneligibleReason | null {
  if (c.skbOutcome === null || c.skbTotal === null) return 'SKB_RESULT_MISSING';
  if (!c.skbProceeds) return 'SKB_NOT_PROCEEDED';
  if (c.interviewOutcome === null) return 'INTERVIEW_RESULT_MISSING';
  if (c.interviewOutcome !== 'SCORED' || c.interviewTotal === null) return 'INTERVIEW_ABSENT';
  return null;
}

/** Weights are shares of their sum, so 60/40 and 3/2 mean the same; with the usual sum of 100 this is Σ weight% × score. */
export function finalScore(skb: number, interview: number, weights: StageWeightsRule): number {
  const sum = weights.skb + weights.interview;
  return sum === 0 ? 0 : roundScore((weights.skb * skb + weights.interview * interview) / sum);
}

/** Each stage score that exists, with its weight and contribution, the final score and the rule version. */
export function explain(
  scores: { skbTotal: number | null; interviewTotal: number | null },
  weights: StageWeightsRule,
  ruleVersion: string,
  notRankedBecause: IneligibleReason | null,
): Explanation {
  const sum = weights.skb + weights.interview;
  const part = (stage: 'skb' | 'interview', score: number): StageContribution => ({
    stage,
    score,
    weight: weights[stage],
    contribution: sum === 0 ? 0 : roundScore((weights[stage] / sum) * score),
  });
  const components: StageContribution[] = [];
  if (scores.skbTotal !== null) components.push(part('skb', scores.skbTotal));
  if (scores.interviewTotal !== null) components.push(part('interview', scores.interviewTotal));
  if (notRankedBecause !== null || scores.skbTotal === null || scores.interviewTotal === null) {
    return { ruleVersion, components, finalScore: null, notRankedBecause: notRankedBecause ?? 'SKB_RESULT_MISSING' };
  }
  return { ruleVersion, components, finalScore: finalScore(scores.skbTotal, scores.interviewTotal, weights) };
}

export function integrateScore(c: CandidateInputs, weights: StageWeightsRule, ruleVersion: string): Integration {
  const reason = ineligibility(c);
  const explanation = explain(c, weights, ruleVersion, reason);
  if (reason !== null) return { eligible: false, reason, explanation };
  return { eligible: true, finalScore: explanation.finalScore as number, explanation };
}
