import { distribute, VerifierLoad } from './distribution';

const v = (accountId: string, kkDigest: string, openCases = 0): VerifierLoad => ({ accountId, kkDigest, openCases });
const c = (applicationId: string, kkDigest: string | null = null) => ({ applicationId, kkDigest });

describe(distribute.name, () => {
  it.each([
    ['spreads cases evenly over idle verifiers', [c('1'), c('2'), c('3'), c('4')], [v('a', 'x'), v('b', 'y')], { a: 2, b: 2 }],
    ['fills the least loaded verifier first', [c('1'), c('2'), c('3')], [v('a', 'x', 3), v('b', 'y', 0)], { b: 3 }],
    ['evens out an uneven start', [c('1'), c('2'), c('3'), c('4')], [v('a', 'x', 2), v('b', 'y', 0)], { a: 1, b: 3 }],
    ['never gives a verifier a case of their own family', [c('1', 'x'), c('2', 'x'), c('3', 'x')], [v('a', 'x'), v('b', 'y')], { b: 3 }],
    ['breaks ties by account id', [c('1')], [v('b', 'y'), v('a', 'x')], { a: 1 }],
  ])('%s', (_what, cases, verifiers, expected) => {
    const { assignments, unassignable } = distribute(cases, verifiers);
    const counts: Record<string, number> = {};
    for (const a of assignments) counts[a.accountId] = (counts[a.accountId] ?? 0) + 1;
    expect(counts).toEqual(expected);
    expect(unassignable).toEqual([]);
  });

  it('leaves a case unassigned when every verifier shares its KK', () => {
    expect(distribute([c('1', 'x')], [v('a', 'x')])).toEqual({ assignments: [], unassignable: ['1'] });
  });

  it('assigns nothing without verifiers', () => {
    expect(distribute([c('1')], [])).toEqual({ assignments: [], unassignable: ['1'] });
  });

  it('keeps loads within one of each other over many cases', () => {
    const verifiers = [v('a', 'x', 5), v('b', 'y'), v('c', 'z', 1)];
    const cases = Array.from({ length: 1000 }, (_, i) => c(String(i), i % 7 === 0 ? 'y' : null));
    const { assignments } = distribute(cases, verifiers);
    const final = { a: 5, b: 0, c: 1 } as Record<string, number>;
    for (const a of assignments) final[a.accountId] += 1;
    const loads = Object.values(final);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(assignments.filter((a) => Number(a.applicationId) % 7 === 0).every((a) => a.accountId !== 'b')).toBe(true);
  });
});
