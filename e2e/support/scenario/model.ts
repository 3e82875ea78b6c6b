import { ApplicantSpec, FORMATIONS, FormationKey, RULES, ScenarioInputs } from './inputs';

/**
 * The expected outcome of every applicant, computed from the scenario's inputs and the rules of
 * domain.md as this file reads them, without asking any service. Where a rule needs a key the
 * system assigns (an application id as the last tie-break, formation ids for the order in which
 * empty seats are offered), the caller passes it in as an input.
 */

export interface Outcome {
  account: boolean;
  submitted: boolean;
  administrative: 'MS' | 'TMS' | null;
  /** Reason codes of the final administrative result, sorted. */
  reasons: string[];
  appeal: 'UPHELD' | 'REJECTED' | null;
  skb: string | null;
  skbTotal: number | null;
  interview: 'SCORED' | 'ABSENT' | null;
  interviewTotal: number | null;
  placement: 'PLACED' | 'NOT_PLACED' | 'DECLINED' | null;
  /** Formation code of the seat. */
  placedIn: string | null;
  placementKind: string | null;
}

export const NOTHING: Outcome = {
  account: false,
  submitted: false,
  administrative: null,
  reasons: [],
  appeal: null,
  skb: null,
  skbTotal: null,
  interview: null,
  interviewTotal: null,
  placement: null,
  placedIn: null,
  placementKind: null,
};

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

export function hasAccount(a: ApplicantSpec): boolean {
  return !a.invalidSignUp || a.invalidSignUp.thenFixes;
}

export function isSubmitted(a: ApplicantSpec): boolean {
  return hasAccount(a) && !a.late;
}

/** The day someone turns `years` old; Date.UTC rolls 29 February over to 1 March in common years. */
function birthday(dateOfBirth: string, years: number): string {
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/** TMS reasons the rules give for this application, empty when it meets every requirement. */
export function ineligibilityReasons(a: ApplicantSpec): string[] {
  const f = FORMATIONS[a.formation];
  const reasons: string[] = [];
  // Exactly 35 on the reference date passes, 35 years and a day fails.
  if (birthday(a.identity.dateOfBirth, RULES.maximumAge) < RULES.ageReferenceDate) reasons.push('AGE_OVER_LIMIT');
  if (birthday(a.identity.dateOfBirth, RULES.minimumAge) > RULES.ageReferenceDate) reasons.push('AGE_UNDER_LIMIT');
  if (!f.levels.includes(a.education.level)) reasons.push('EDUCATION_LEVEL_NOT_ACCEPTED');
  if (!f.majors.includes(a.education.major)) reasons.push('MAJOR_NOT_ACCEPTED');
  if (a.education.gpa < f.minimumGpa) reasons.push('GPA_BELOW_MINIMUM');
  return reasons.sort();
}

/** What the verifier decides: the rules' reasons, or the verifier's own mistake. */
export function verifierDecision(a: ApplicantSpec): { result: 'MS' | 'TMS'; reasons: string[] } {
  const reasons = ineligibilityReasons(a);
  if (reasons.length > 0) return { result: 'TMS', reasons };
  if (a.verifierError) return { result: 'TMS', reasons: ['SCAN_UNREADABLE'] };
  return { result: 'MS', reasons: [] };
}

/** An appeal is upheld only when the error was not the applicant's (domain.md stage 3). */
export function administrative(a: ApplicantSpec): Pick<Outcome, 'administrative' | 'reasons' | 'appeal'> {
  const decision = verifierDecision(a);
  if (decision.result === 'MS') return { administrative: 'MS', reasons: [], appeal: null };
  if (!a.appeals) return { administrative: 'TMS', reasons: decision.reasons, appeal: null };
  const upheld = ineligibilityReasons(a).length === 0;
  return upheld ? { administrative: 'MS', reasons: [], appeal: 'UPHELD' } : { administrative: 'TMS', reasons: decision.reasons, appeal: 'REJECTED' };
}

export function isFinalMs(a: ApplicantSpec): boolean {
  return isSubmitted(a) && administrative(a).administrative === 'MS';
}

export function skbTotal(cat: number, practical: number): number {
  const raw: Record<string, number> = { cat, practical };
  const weights = RULES.skb.components.reduce((s, c) => s + c.weight, 0);
  return round((RULES.skb.components.reduce((s, c) => s + (c.weight * raw[c.component]) / c.maxScore, 0) / weights) * 100, 2);
}

function passes(a: ApplicantSpec): boolean {
  const raw: Record<string, number> = { cat: a.cat, practical: a.practical };
  return RULES.skb.components.every((c) => raw[c.component] >= c.passingGrade) && skbTotal(a.cat, a.practical) >= RULES.skb.totalPassingGrade;
}

export interface SkbExpectation {
  outcome: 'P/L' | 'P' | 'TL' | 'TH' | 'DIS';
  total: number | null;
  rank: number | null;
  proceeds: boolean;
}

/** SKB results of one formation: pass marks per component and total, ranks shared on equal totals, ties at the cut-off go on. */
export function skbResults(participants: ApplicantSpec[], quota: number): Map<number, SkbExpectation> {
  const out = new Map<number, SkbExpectation>();
  const passed: ApplicantSpec[] = [];
  for (const a of participants) {
    if (a.attendance !== 'PRESENT') out.set(a.index, { outcome: a.attendance, total: null, rank: null, proceeds: false });
    else if (!passes(a)) out.set(a.index, { outcome: 'TL', total: skbTotal(a.cat, a.practical), rank: null, proceeds: false });
    else passed.push(a);
  }
  const totals = passed.map((a) => skbTotal(a.cat, a.practical));
  const cutOff = Math.floor(RULES.skb.proceedFactor * quota);
  passed.forEach((a, i) => {
    const rank = 1 + totals.filter((t) => t > totals[i]).length;
    const proceeds = rank <= cutOff;
    out.set(a.index, { outcome: proceeds ? 'P/L' : 'P', total: totals[i], rank, proceeds });
  });
  return out;
}

/**
 * Two of A's candidates get the same SKB total from different CAT scores (54 + 34 and 48 + 40 points)
 * and the same interview sheets: equal final and SKB scores, so the chain's HIGHER_CAT decides.
 */
export function withChainTie(inputs: ScenarioInputs): { inputs: ScenarioInputs; pair: [number, number] | null } {
  const applicants = inputs.applicants.map((a) => ({ ...a }));
  const [higherCat, lowerCat] = applicants.filter((a) => a.formation === 'A' && isFinalMs(a) && a.attendance === 'PRESENT');
  if (!higherCat || !lowerCat) return { inputs, pair: null };
  // Top marks from every panelist make them A's best two, so the order between them decides who declines.
  const best = RULES.criteria.map(() => RULES.interview.scaleMax);
  Object.assign(higherCat, { cat: 450, practical: 85, interviewScores: [0, 1, 2, 3].map(() => [...best]) });
  Object.assign(lowerCat, { cat: 400, practical: 100, interviewScores: [0, 1, 2, 3].map(() => [...best]) });
  return { inputs: { ...inputs, applicants }, pair: [higherCat.index, lowerCat.index] };
}

/** Makes the first candidate past each formation's cut-off score exactly like the last one within it. */
export function withTiesAtCutOff(inputs: ScenarioInputs): { inputs: ScenarioInputs; tied: number[][] } {
  const tied: number[][] = [];
  const applicants = inputs.applicants.map((a) => ({ ...a }));
  for (const key of Object.keys(FORMATIONS) as FormationKey[]) {
    const cutOff = Math.floor(RULES.skb.proceedFactor * FORMATIONS[key].quota);
    const ranked = applicants
      .filter((a) => a.formation === key && isFinalMs(a) && a.attendance === 'PRESENT' && passes(a))
      .sort((x, y) => skbTotal(y.cat, y.practical) - skbTotal(x.cat, x.practical) || x.index - y.index);
    if (ranked.length <= cutOff) continue;
    const last = ranked[cutOff - 1];
    const first = ranked[cutOff];
    first.cat = last.cat;
    first.practical = last.practical;
    tied.push([last.index, first.index]);
  }
  return { inputs: { ...inputs, applicants }, tied };
}

/** Who the scenario's panels treat specially, chosen by applicant index among each panel's candidates. */
export interface InterviewPlan {
  /** Panel of formations A and B: member 1 declares a conflict with its last candidate by applicant. */
  recused: number | null;
  /** Panel of formations C and D: the chair records its first candidate by applicant absent. */
  absent: number | null;
}

export const PANEL_OF: Record<FormationKey, 0 | 1> = { A: 0, B: 0, C: 1, D: 1 };

export function interviewPlan(candidates: ApplicantSpec[]): InterviewPlan {
  const of = (panel: 0 | 1) =>
    candidates
      .filter((a) => PANEL_OF[a.formation] === panel)
      .map((a) => a.index)
      .sort((x, y) => x - y);
  return { recused: of(0).at(-1) ?? null, absent: of(1)[0] ?? null };
}

/** Mean per criterion over the members who score, then the weighted, scale-normalised total, rounded to 3 decimals. */
export function interviewTotal(a: ApplicantSpec, members: number[]): number {
  const { scaleMin, scaleMax } = RULES.interview;
  let sum = 0;
  let weights = 0;
  RULES.criteria.forEach((c, k) => {
    const mean = members.reduce((s, m) => s + a.interviewScores[m][k], 0) / members.length;
    sum += (c.weight * (mean - scaleMin)) / (scaleMax - scaleMin);
    weights += c.weight;
  });
  return round((sum / weights) * 100, 3);
}

export interface RankedCandidate {
  index: number;
  formation: FormationKey;
  applicationId: string;
  finalScore: number;
  skbTotal: number;
  cat: number;
  gpa: number;
  dateOfBirth: string;
  rank: number;
}

/** Final score with the period's weights, then the tie-break chain: SKB, CAT, GPA, the older, and the application id last. */
export function rankFormation(entries: Omit<RankedCandidate, 'rank'>[]): RankedCandidate[] {
  const sorted = [...entries].sort(
    (x, y) =>
      y.finalScore - x.finalScore ||
      y.skbTotal - x.skbTotal ||
      y.cat - x.cat ||
      y.gpa - x.gpa ||
      (x.dateOfBirth < y.dateOfBirth ? -1 : x.dateOfBirth > y.dateOfBirth ? 1 : 0) ||
      (x.applicationId < y.applicationId ? -1 : 1),
  );
  return sorted.map((e, i) => ({ ...e, rank: i + 1 }));
}

export function finalScore(skb: number, interview: number): number {
  const w = RULES.stageWeights;
  return round((w.skb * skb + w.interview * interview) / (w.skb + w.interview), 4);
}

export interface Seat {
  index: number;
  seat: FormationKey;
  kind: 'REGULAR' | 'OPTIMALISASI' | 'OVERRIDE' | 'REPLACEMENT';
}

/**
 * Fills free seats: each formation's own ranking first, then optimalisasi within formations of the
 * same position and education levels, best final score first (then own rank, then application id).
 */
export function fillSeats(
  ranked: Map<FormationKey, RankedCandidate[]>,
  formationOrder: FormationKey[],
  taken: Seat[],
  excluded: Set<number>,
  replacement: boolean,
): Seat[] {
  const busy = new Set([...taken.map((s) => s.index), ...excluded]);
  const used = new Map<FormationKey, number>();
  for (const s of taken) used.set(s.seat, (used.get(s.seat) ?? 0) + 1);
  const free = (f: FormationKey) => FORMATIONS[f].quota - (used.get(f) ?? 0);
  const out: Seat[] = [];
  const place = (c: RankedCandidate, seat: FormationKey, kind: Seat['kind']) => {
    out.push({ index: c.index, seat, kind });
    busy.add(c.index);
    used.set(seat, (used.get(seat) ?? 0) + 1);
  };
  for (const f of formationOrder) {
    for (const c of ranked.get(f) ?? []) {
      if (free(f) <= 0) break;
      if (!busy.has(c.index)) place(c, f, replacement ? 'REPLACEMENT' : 'REGULAR');
    }
  }
  const group = (f: FormationKey) => `${FORMATIONS[f].position}|${[...FORMATIONS[f].levels].sort().join(',')}`;
  for (const key of [...new Set(formationOrder.map(group))].sort()) {
    const members = formationOrder.filter((f) => group(f) === key);
    const pool = members
      .flatMap((f) => ranked.get(f) ?? [])
      .filter((c) => !busy.has(c.index))
      .sort((x, y) => y.finalScore - x.finalScore || x.rank - y.rank || (x.applicationId < y.applicationId ? -1 : 1));
    let next = 0;
    for (const f of members) {
      while (free(f) > 0 && next < pool.length) place(pool[next++], f, replacement ? 'REPLACEMENT' : 'OPTIMALISASI');
    }
  }
  return out;
}
