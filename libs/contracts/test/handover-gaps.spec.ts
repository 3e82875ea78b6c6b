import { handoverGaps, idDigest } from '../src';

const F1 = '11111111-1111-4111-8111-111111111111';
const F2 = '22222222-2222-4222-8222-222222222222';
const [A, B, C] = ['aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', 'cccccccc-cccc-4ccc-8ccc-cccccccccccc'];
const count = (formationId: string, ids: string[]) => ({ formationId, count: ids.length, digest: idDigest(ids) });

describe(handoverGaps.name, () => {
  it.each([
    ['the same set, in any order', [count(F1, [A, B])], [count(F1, [B, A])], { missing: 0, byFormation: [] }],
    [
      'one missing',
      [count(F1, [A, B])],
      [count(F1, [A])],
      { missing: 1, byFormation: [{ formationId: F1, expected: 2, received: 1, missing: 1, digestMatches: false }] },
    ],
    [
      'a formation nobody reached',
      [count(F1, []), count(F2, [C])],
      [],
      { missing: 1, byFormation: [{ formationId: F2, expected: 1, received: 0, missing: 1, digestMatches: false }] },
    ],
    [
      'as many, but another id',
      [count(F1, [A])],
      [count(F1, [C])],
      { missing: 0, byFormation: [{ formationId: F1, expected: 1, received: 1, missing: 0, digestMatches: false }] },
    ],
    [
      'a case registration never counted',
      [count(F1, [A])],
      [count(F1, [A]), count(F2, [B])],
      { missing: 0, byFormation: [{ formationId: F2, expected: 0, received: 1, missing: 0, digestMatches: false }] },
    ],
  ])('%s', (_name, expected, held, want) => {
    const total = expected.reduce((s, e) => s + e.count, 0);
    expect(handoverGaps(total, expected, held)).toMatchObject(want);
  });

  it('compares only the total when the close predates per-formation counts', () => {
    expect(handoverGaps(3, null, [count(F1, [A, B])])).toEqual({ expected: 3, received: 2, missing: 1, byFormation: [] });
  });

  it('gives the empty set the digest of sixteen zeros, as the SQL aggregate does', () => {
    expect(idDigest([])).toBe('0000000000000000');
    expect(idDigest([A, B, A])).toBe(idDigest([B]));
  });
});
