import { RankInput, rankFormation, TieBreaker } from '../src/ranking/rank-formation';

const DEFAULT: TieBreaker[] = ['HIGHER_SKB', 'HIGHER_CAT', 'HIGHER_GPA', 'OLDER'];
const c = (id: string, over: Partial<RankInput> = {}): RankInput => ({
  applicationId: id,
  finalScore: 80,
  skbTotal: 80,
  cat: 400,
  gpa: 3.5,
  dateOfBirth: '1998-01-01',
  ...over,
});
const order = (cs: RankInput[], chain = DEFAULT) => rankFormation(cs, chain).map((r) => r.candidate.applicationId);

describe(rankFormation.name, () => {
  it.each([
    ['final score first', [c('a', { finalScore: 70, skbTotal: 99 }), c('b', { finalScore: 71 })], DEFAULT, ['b', 'a']],
    ['then higher SKB', [c('a', { skbTotal: 79 }), c('b', { skbTotal: 81 })], DEFAULT, ['b', 'a']],
    ['then higher CAT', [c('a', { cat: 399 }), c('b', { cat: 401 })], DEFAULT, ['b', 'a']],
    ['a missing CAT ranks below any CAT', [c('a', { cat: null }), c('b', { cat: 0 })], DEFAULT, ['b', 'a']],
    ['then higher GPA', [c('a', { gpa: 3.1 }), c('b', { gpa: 3.2 })], DEFAULT, ['b', 'a']],
    ['then older', [c('a', { dateOfBirth: '1999-05-02' }), c('b', { dateOfBirth: '1999-05-01' })], DEFAULT, ['b', 'a']],
    [
      "in the period's order: GPA before SKB",
      [c('a', { skbTotal: 90, gpa: 3 }), c('b', { skbTotal: 70, gpa: 3.9 })],
      ['HIGHER_GPA', 'HIGHER_SKB'] as TieBreaker[],
      ['b', 'a'],
    ],
    ['an empty chain goes straight to the id', [c('b', { gpa: 4 }), c('a', { gpa: 2 })], [] as TieBreaker[], ['a', 'b']],
  ])('orders by %s', (_name, cs, chain, expected) => {
    expect(order(cs, chain)).toEqual(expected);
  });

  it('says which rule decided each place', () => {
    const r = rankFormation([c('a', { finalScore: 90 }), c('b', { gpa: 3.9 }), c('c', { gpa: 3.1 }), c('d', { gpa: 3.1, dateOfBirth: '1990-01-01' })], DEFAULT);
    expect(r.map((x) => [x.candidate.applicationId, x.rank, x.decidedBy])).toEqual([
      ['a', 1, null],
      ['b', 2, 'FINAL_SCORE'],
      ['d', 3, 'HIGHER_GPA'],
      ['c', 4, 'OLDER'],
    ]);
  });

  it('reports an exact tie after the chain on both sides and breaks it by application id', () => {
    const r = rankFormation([c('z'), c('m'), c('a', { finalScore: 10 })], DEFAULT);
    expect(r.map((x) => [x.candidate.applicationId, x.rank, x.exactTie, x.decidedBy])).toEqual([
      ['m', 1, true, null],
      ['z', 2, true, 'APPLICATION_ID'],
      ['a', 3, false, 'FINAL_SCORE'],
    ]);
  });

  it('gives the same ranking whatever the input order', () => {
    const cs = [c('a'), c('b', { gpa: 3 }), c('c', { finalScore: 90 }), c('d'), c('e', { cat: 300 })];
    expect(order([...cs].reverse())).toEqual(order(cs));
  });
});
