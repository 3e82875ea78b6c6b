import { createHash } from 'node:crypto';
import { DecidedBy, rankFormation, RankInput, TieBreaker } from './rank-formation';
import { CandidateInputs, finalScore, IneligibleReason, ineligibility, StageWeightsRule } from './score-integration';

export interface RankingRules {
  ruleVersion: string;
  stageWeights: StageWeightsRule;
  tieBreakChain: readonly TieBreaker[];
}

/** The events a candidate's inputs came from, for the inputs digest. */
export interface InputEvents {
  skbEventId?: string;
  interviewEventId?: string | null;
}

/** One candidate's result: stage scores kept so the explanation can be rebuilt (`explain`) when read. */
export interface ComputedEntry {
  applicationId: string;
  formationId: string;
  applicantId: string | null;
  rank: number | null;
  finalScore: number | null;
  exactTie: boolean;
  decidedBy: DecidedBy;
  skbScore: number | null;
  interviewScore: number | null;
  notRankedBecause: IneligibleReason | null;
}

export interface ComputedRankings {
  entries: ComputedEntry[];
  /** Per formation: sha-256 over the rules and the exact input events (ids) it was computed from. */
  digests: Map<string, string>;
}

interface Item extends RankInput {
  c: CandidateInputs & InputEvents;
}

/**
 * Integrates and ranks every candidate of a period (pure): the service and the bench both call this.
 * Candidates of formations not in `formationIds` are left out (a result for a formation placement
 * has not heard of).
 */
export function computeRankings(
  candidates: readonly (CandidateInputs & InputEvents)[],
  formationIds: readonly string[],
  rules: RankingRules,
): ComputedRankings {
  const perFormation = new Map<string, Item[]>(formationIds.map((id) => [id, []]));
  const entries: ComputedEntry[] = [];
  for (const c of candidates) {
    const list = perFormation.get(c.formationId);
    if (!list) continue;
    const reason = ineligibility(c);
    if (reason !== null || c.skbTotal === null || c.interviewTotal === null) {
      entries.push({
        applicationId: c.applicationId,
        formationId: c.formationId,
        applicantId: c.applicantId,
        rank: null,
        finalScore: null,
        exactTie: false,
        decidedBy: null,
        skbScore: c.skbTotal,
        interviewScore: c.interviewTotal,
        notRankedBecause: reason ?? 'SKB_RESULT_MISSING',
      });
      continue;
    }
    list.push({
      applicationId: c.applicationId,
      finalScore: finalScore(c.skbTotal, c.interviewTotal, rules.stageWeights),
      skbTotal: c.skbTotal,
      cat: c.cat,
      gpa: c.gpa,
      dateOfBirth: c.dateOfBirth,
      c,
    });
  }
  const digests = new Map<string, string>();
  const head = JSON.stringify([rules.ruleVersion, rules.stageWeights, rules.tieBreakChain]);
  for (const formationId of formationIds) {
    const ranked = rankFormation(perFormation.get(formationId) ?? [], rules.tieBreakChain);
    // One update per formation: a million small updates cost more than the hashing itself.
    const lines: string[] = [head];
    for (const r of ranked) {
      const c = r.candidate.c;
      lines.push(`${c.applicationId}:${c.skbEventId ?? ''}/${c.interviewEventId ?? '-'}`);
      entries.push({
        applicationId: c.applicationId,
        formationId,
        applicantId: c.applicantId,
        rank: r.rank,
        finalScore: r.candidate.finalScore,
        exactTie: r.exactTie,
        decidedBy: r.decidedBy,
        skbScore: c.skbTotal,
        interviewScore: c.interviewTotal,
        notRankedBecause: null,
      });
    }
    digests.set(formationId, createHash('sha256').update(lines.join('\n')).digest('hex'));
  }
  return { entries, digests };
}
