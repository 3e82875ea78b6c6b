import { raterStatistics, ScoreFact } from './rater-statistics';

const fact = (applicationId: string, panelistId: string, criterion: string, value: number): ScoreFact => ({ applicationId, panelistId, criterion, value });

describe(raterStatistics.name, () => {
  it('computes scored count, signed mean deviation, disagreement rate and the spread of own scores on a hand-checked set', () => {
    // Own scores: P1 5,4,5,3 (sd √0.6875), P2 3,4,3,2 (sd √0.5), P3 1,4 (sd 1.5).
    // A: k1 5/3/1 (mean 3, spread 4 > 2), k2 4/4/4 (mean 4). B (P1, P2 only): k1 5/3 (mean 4, spread 2), k2 3/2 (mean 2.5).
    const facts = [
      fact('A', 'P1', 'k1', 5),
      fact('A', 'P2', 'k1', 3),
      fact('A', 'P3', 'k1', 1),
      fact('A', 'P1', 'k2', 4),
      fact('A', 'P2', 'k2', 4),
      fact('A', 'P3', 'k2', 4),
      fact('B', 'P1', 'k1', 5),
      fact('B', 'P2', 'k1', 3),
      fact('B', 'P1', 'k2', 3),
      fact('B', 'P2', 'k2', 2),
    ];
    expect(raterStatistics(facts, 2)).toEqual([
      { panelistId: 'P1', scored: 2, meanDeviation: 0.875, disagreementRate: 0.25, spread: 0.8292 },
      { panelistId: 'P2', scored: 2, meanDeviation: -0.375, disagreementRate: 0.25, spread: 0.7071 },
      { panelistId: 'P3', scored: 1, meanDeviation: -1, disagreementRate: 0.5, spread: 1.5 },
    ]);
  });

  it.each([
    { threshold: 0, rates: [1, 1] },
    { threshold: 1, rates: [0, 0] },
  ])('counts a spread of exactly 1 as disagreement only when the threshold is below it ($threshold)', ({ threshold, rates }) => {
    const stats = raterStatistics([fact('A', 'P1', 'k', 3), fact('A', 'P2', 'k', 4)], threshold);
    expect(stats.map((s) => s.disagreementRate)).toEqual(rates);
    expect(stats.map((s) => s.meanDeviation)).toEqual([-0.5, 0.5]);
    expect(stats.map((s) => s.spread)).toEqual([0, 0]);
  });

  it('returns nothing without scores', () => {
    expect(raterStatistics([], 2)).toEqual([]);
  });
});
