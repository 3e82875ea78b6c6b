import { CandidateInputs, integrateScore } from '../src/ranking/score-integration';

const candidate = (over: Partial<CandidateInputs> = {}): CandidateInputs => ({
  applicationId: 'a',
  formationId: 'f',
  applicantId: 'p',
  skbOutcome: 'P/L',
  skbTotal: 80,
  skbProceeds: true,
  cat: 400,
  gpa: 3.5,
  dateOfBirth: '1998-01-01',
  interviewOutcome: 'SCORED',
  interviewTotal: 70,
  ...over,
});

describe(integrateScore.name, () => {
  it.each([
    ['default 60/40', { skb: 60, interview: 40 }, 80, 70, 76],
    ['50/50', { skb: 50, interview: 50 }, 80, 70, 75],
    ['weights as shares of their sum (3/2 = 60/40)', { skb: 3, interview: 2 }, 80, 70, 76],
    ['SKB only', { skb: 100, interview: 0 }, 91.25, 10, 91.25],
    ['rounds to four decimals', { skb: 60, interview: 40 }, 79.7, 84.33333, 81.5533],
    ['zero scores', { skb: 60, interview: 40 }, 0, 0, 0],
    ['full scores', { skb: 60, interview: 40 }, 100, 100, 100],
  ])('integrates %s', (_name, weights, s, i, expected) => {
    const r = integrateScore(candidate({ skbTotal: s, interviewTotal: i }), weights, 'v1');
    expect(r.eligible).toBe(true);
    if (r.eligible) expect(r.finalScore).toBe(expected);
  });

  it('explains each component with its weight, contribution and the rule version', () => {
    const r = integrateScore(candidate(), { skb: 60, interview: 40 }, 'permenpan-2024.1');
    expect(r.explanation).toEqual({
      ruleVersion: 'permenpan-2024.1',
      finalScore: 76,
      components: [
        { stage: 'skb', score: 80, weight: 60, contribution: 48 },
        { stage: 'interview', score: 70, weight: 40, contribution: 28 },
      ],
    });
  });

  it.each([
    ['no SKB result', { skbOutcome: null, skbTotal: null }, 'SKB_RESULT_MISSING'],
    ['an SKB result without a total (TL/TH)', { skbTotal: null, skbOutcome: 'TH', skbProceeds: false }, 'SKB_RESULT_MISSING'],
    ['an SKB result that does not proceed', { skbProceeds: false, skbOutcome: 'P' }, 'SKB_NOT_PROCEEDED'],
    ['no interview result', { interviewOutcome: null, interviewTotal: null }, 'INTERVIEW_RESULT_MISSING'],
    ['an absent interview', { interviewOutcome: 'ABSENT', interviewTotal: null }, 'INTERVIEW_ABSENT'],
  ] as const)('does not rank a candidate with %s', (_name, over, reason) => {
    const r = integrateScore(candidate(over as Partial<CandidateInputs>), { skb: 60, interview: 40 }, 'v1');
    expect(r.eligible).toBe(false);
    if (!r.eligible) {
      expect(r.reason).toBe(reason);
      expect(r.explanation.notRankedBecause).toBe(reason);
      expect(r.explanation.finalScore).toBeNull();
    }
  });
});
