import { SkbRules } from '@seleksi/contracts';
import { formationResults, missingScores, ParticipantScores, proceedCutoff, skbTotal } from '../src/results/results.rules';

const rules: SkbRules = {
  components: [
    { component: 'cat', label: 'CAT', source: 'IMPORT', weight: 60, maxScore: 500, passingGrade: 250 },
    { component: 'practical', label: 'Praktik', source: 'MANUAL', weight: 40, maxScore: 100, passingGrade: 60 },
  ],
  totalPassingGrade: 60,
  proceedFactor: 1,
  disabilityExtraMinutes: 30,
};

let n = 0;
const p = (cat: number | undefined, practical: number | undefined, attendance: 'TH' | 'DIS' | null = null): ParticipantScores => {
  const scores: Record<string, number> = {};
  if (cat !== undefined) scores.cat = cat;
  if (practical !== undefined) scores.practical = practical;
  return { applicationId: `a${++n}`, formationId: 'f', attendance, scores };
};

describe('skbTotal', () => {
  it.each([
    [500, 100, 100],
    [0, 0, 0],
    [250, 60, 54],
    [400, 80, 80],
    [407, 77, 79.64],
    [333, 66.5, 66.56],
  ])('weights cat %p and practical %p to %p', (cat, practical, total) => {
    expect(skbTotal(rules, { cat, practical })).toBe(total);
  });

  it('normalises when the weights do not add up to 100', () => {
    const half = { ...rules, components: rules.components.map((c) => ({ ...c, weight: c.weight / 2 })) };
    expect(skbTotal(half, { cat: 400, practical: 80 })).toBe(80);
  });
});

describe('proceedCutoff', () => {
  it.each([
    [3, 4, 12],
    [1, 0, 0],
    [1.5, 3, 4],
    [2.5, 2, 5],
  ])('factor %p × quota %p proceeds %p', (factor, quota, cutoff) => {
    expect(proceedCutoff({ ...rules, proceedFactor: factor }, quota)).toBe(cutoff);
  });
});

describe('formationResults', () => {
  const outcomes = (factor: number, quota: number, people: ParticipantScores[]) =>
    formationResults({ ...rules, proceedFactor: factor }, quota, people).map((r) => [r.outcome, r.rank, r.proceeds]);

  it('ranks the passed by total and lets the top factor × quota proceed', () => {
    expect(outcomes(1, 2, [p(450, 90), p(400, 80), p(350, 70)])).toEqual([
      ['P/L', 1, true],
      ['P/L', 2, true],
      ['P', 3, false],
    ]);
  });

  it('lets everyone tied at the cut-off proceed', () => {
    expect(outcomes(1, 2, [p(450, 90), p(400, 80), p(400, 80), p(350, 70)])).toEqual([
      ['P/L', 1, true],
      ['P/L', 2, true],
      ['P/L', 2, true],
      ['P', 4, false],
    ]);
  });

  it('shares a rank among a tie above the cut-off and skips the next rank', () => {
    expect(outcomes(1, 2, [p(450, 90), p(450, 90), p(400, 80)])).toEqual([
      ['P/L', 1, true],
      ['P/L', 1, true],
      ['P', 3, false],
    ]);
  });

  it('fails a participant below one component passing grade even with a high total', () => {
    // 500/500 CAT, 59/100 practical: total 83.6 but practical below 60.
    expect(outcomes(3, 4, [p(500, 59)])).toEqual([['TL', null, false]]);
  });

  it('fails a participant with every component passed but the total below the period passing grade', () => {
    // 250/500 and 60/100: 54 < 60.
    expect(outcomes(3, 4, [p(250, 60)])).toEqual([['TL', null, false]]);
  });

  it('passes exactly at the passing grades', () => {
    const lenient = { ...rules, totalPassingGrade: 54 };
    expect(formationResults(lenient, 1, [p(250, 60)]).map((r) => r.outcome)).toEqual(['P/L']);
  });

  it('records absent and disqualified participants as TH and DIS without total or rank', () => {
    const results = formationResults(rules, 4, [p(undefined, undefined, 'TH'), p(480, 95, 'DIS'), p(400, 80)]);
    expect(results.map((r) => [r.outcome, r.total, r.rank, r.proceeds])).toEqual([
      ['TH', null, null, false],
      ['DIS', null, null, false],
      ['P/L', 80, 1, true],
    ]);
  });

  it('lets nobody proceed from a formation with quota 0', () => {
    expect(outcomes(3, 0, [p(450, 90)])).toEqual([['P', 1, false]]);
  });

  it('does not rank the failed among the passed', () => {
    expect(outcomes(1, 1, [p(100, 10), p(400, 80)])).toEqual([
      ['TL', null, false],
      ['P/L', 1, true],
    ]);
  });
});

describe('missingScores', () => {
  it.each([
    [p(400, 80), []],
    [p(400, undefined), ['practical']],
    [p(undefined, undefined), ['cat', 'practical']],
    [p(undefined, undefined, 'TH'), []],
  ])('lists what a participant still needs (%#)', (participant, missing) => {
    expect(missingScores(rules, participant)).toEqual(missing);
  });
});
