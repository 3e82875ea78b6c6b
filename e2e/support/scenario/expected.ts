import { ApplicantSpec, FORMATIONS, FormationKey, ScenarioInputs } from './inputs';
import {
  administrative,
  fillSeats,
  finalScore,
  hasAccount,
  interviewPlan,
  interviewTotal,
  isFinalMs,
  isSubmitted,
  NOTHING,
  Outcome,
  RankedCandidate,
  rankFormation,
  Seat,
  SkbExpectation,
  skbResults,
} from './model';

/** Keys the system assigns that the rules use only to order: application ids (last tie-break) and formation ids. */
export interface SystemKeys {
  applicationIds: Map<number, string>;
  formationIds: Record<FormationKey, string>;
}

/** Every applicant's expected outcome, by index, from the inputs and the rules alone. */
export function expectedOutcomes(inputs: ScenarioInputs, keys: SystemKeys): Map<number, Outcome> {
  const out = new Map<number, Outcome>();
  const byIndex = new Map(inputs.applicants.map((a) => [a.index, a]));
  for (const a of inputs.applicants) {
    if (!hasAccount(a)) out.set(a.index, { ...NOTHING });
    else if (!isSubmitted(a)) out.set(a.index, { ...NOTHING, account: true });
    else out.set(a.index, { ...NOTHING, account: true, submitted: true, ...administrative(a) });
  }

  const skb = new Map<number, SkbExpectation>();
  for (const key of Object.keys(FORMATIONS) as FormationKey[]) {
    const participants = inputs.applicants.filter((a) => a.formation === key && isFinalMs(a));
    for (const [index, result] of skbResults(participants, FORMATIONS[key].quota)) skb.set(index, result);
  }
  for (const [index, result] of skb) Object.assign(out.get(index)!, { skb: result.outcome, skbTotal: result.total });

  const candidates = inputs.applicants.filter((a) => skb.get(a.index)?.proceeds);
  const plan = interviewPlan(candidates);
  const interview = new Map<number, number>();
  for (const a of candidates) {
    if (a.index === plan.absent) {
      Object.assign(out.get(a.index)!, { interview: 'ABSENT', interviewTotal: null });
      continue;
    }
    const members = a.index === plan.recused ? [0, 2, 3] : [0, 1, 2, 3];
    const total = interviewTotal(a, members);
    interview.set(a.index, total);
    Object.assign(out.get(a.index)!, { interview: 'SCORED', interviewTotal: total, placement: 'NOT_PLACED' });
  }

  const ranked = new Map<FormationKey, RankedCandidate[]>();
  for (const key of Object.keys(FORMATIONS) as FormationKey[]) {
    const entries = [...interview.entries()]
      .map(([index]) => byIndex.get(index)!)
      .filter((a: ApplicantSpec) => a.formation === key)
      .map((a) => {
        const skbTotal = skb.get(a.index)!.total!;
        return {
          index: a.index,
          formation: key,
          applicationId: keys.applicationIds.get(a.index)!,
          finalScore: finalScore(skbTotal, interview.get(a.index)!),
          skbTotal,
          cat: a.cat,
          gpa: a.education.gpa,
          dateOfBirth: a.identity.dateOfBirth,
        };
      });
    ranked.set(key, rankFormation(entries));
  }
  const order = (Object.keys(FORMATIONS) as FormationKey[]).sort((x, y) => (keys.formationIds[x] < keys.formationIds[y] ? -1 : 1));
  let seats: Seat[] = fillSeats(ranked, order, [], new Set(), false);

  // The officer swaps C's last regular seat for C's next candidate; a second officer approves.
  const rankedC = ranked.get('C') ?? [];
  const lastInC = seats
    .filter((s) => s.seat === 'C' && s.kind === 'REGULAR')
    .map((s) => rankedC.find((c) => c.index === s.index)!)
    .sort((x, y) => y.rank - x.rank)[0];
  const nextInC = lastInC && rankedC.find((c) => c.rank === lastInC.rank + 1);
  if (lastInC && nextInC) seats = [...seats.filter((s) => s.index !== lastInC.index), { index: nextInC.index, seat: 'C', kind: 'OVERRIDE' }];

  // After the announcement A's best candidate declines; the freed seat is refilled by the same rules.
  const bestOfA = (ranked.get('A') ?? [])[0];
  if (bestOfA && seats.some((s) => s.index === bestOfA.index)) {
    const kept = seats.filter((s) => s.index !== bestOfA.index);
    seats = [...kept, ...fillSeats(ranked, order, kept, new Set([bestOfA.index]), true)];
    Object.assign(out.get(bestOfA.index)!, { placement: 'DECLINED', placedIn: null, placementKind: null });
  }
  for (const s of seats) Object.assign(out.get(s.index)!, { placement: 'PLACED', placedIn: FORMATIONS[s.seat].code, placementKind: s.kind });
  return out;
}
