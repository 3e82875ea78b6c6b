import { computeRankings } from '../src/ranking/compute';
import { CandidateInputs } from '../src/ranking/score-integration';

const rules = { ruleVersion: 'v1', stageWeights: { skb: 60, interview: 40 }, tieBreakChain: ['HIGHER_SKB', 'HIGHER_CAT', 'HIGHER_GPA', 'OLDER'] as const };
const c = (id: string, formationId: string, skbTotal: number, interviewTotal: number | null, over: Partial<CandidateInputs> = {}) => ({
  applicationId: id,
  formationId,
  applicantId: `p-${id}`,
  skbOutcome: 'P/L',
  skbTotal,
  skbProceeds: true,
  cat: 400,
  gpa: 3.5,
  dateOfBirth: '1998-01-01',
  interviewOutcome: interviewTotal === null ? 'ABSENT' : 'SCORED',
  interviewTotal,
  skbEventId: `s-${id}`,
  interviewEventId: `i-${id}`,
  ...over,
});

describe(computeRankings.name, () => {
  const inputs = [c('a', 'f1', 80, 70), c('b', 'f1', 90, 90), c('c', 'f1', 99, null), c('d', 'f2', 70, 70), c('e', 'unknown', 100, 100)];

  it('ranks each known formation, keeps the not-ranked with their reason and leaves unknown formations out', () => {
    const { entries } = computeRankings(inputs, ['f1', 'f2'], rules);
    expect(entries.map((e) => [e.applicationId, e.formationId, e.rank, e.finalScore, e.notRankedBecause])).toEqual([
      ['c', 'f1', null, null, 'INTERVIEW_ABSENT'],
      ['b', 'f1', 1, 90, null],
      ['a', 'f1', 2, 76, null],
      ['d', 'f2', 1, 70, null],
    ]);
  });

  it('gives the same ranking and digest whatever the input order, and another digest when an input event changes', () => {
    const one = computeRankings(inputs, ['f1', 'f2'], rules);
    const two = computeRankings([...inputs].reverse(), ['f1', 'f2'], rules);
    expect(two.entries.filter((e) => e.rank !== null)).toEqual(one.entries.filter((e) => e.rank !== null));
    expect([...two.digests]).toEqual([...one.digests]);
    const corrected = computeRankings(
      [...inputs.slice(0, 4).map((x) => (x.applicationId === 'a' ? { ...x, interviewEventId: 'i-a-2' } : x))],
      ['f1', 'f2'],
      rules,
    );
    expect(corrected.digests.get('f1')).not.toBe(one.digests.get('f1'));
    expect(corrected.digests.get('f2')).toBe(one.digests.get('f2'));
  });
});
