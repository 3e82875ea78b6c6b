import fc from 'fast-check';
import { allocate, Allocation, AllocationRequest, OptimalisasiScope, RankedEntry, SeatFormation } from '../src/allocation/allocate';
import { rankFormation } from '../src/ranking/rank-formation';
import { checkInvariants } from './allocation-invariants';

const f = (id: string, quota: number, position = 'Pranata Komputer', educationLevels = ['S1']): SeatFormation => ({
  formationId: id,
  code: id.toUpperCase(),
  position,
  educationLevels,
  quota,
});
const e = (applicationId: string, formationId: string, rank: number, finalScore: number): RankedEntry => ({ applicationId, formationId, rank, finalScore });
const seats = (out: Allocation[]) => out.map((a) => `${a.applicationId}@${a.seatFormationId}:${a.kind}`);

describe(allocate.name, () => {
  it('places the top quota of each formation as REGULAR, saying why', () => {
    const out = allocate({ formations: [f('f1', 2)], ranked: [e('a', 'f1', 1, 90), e('b', 'f1', 2, 80), e('c', 'f1', 3, 70)], scope: 'NONE' });
    expect(seats(out)).toEqual(['a@f1:REGULAR', 'b@f1:REGULAR']);
    expect(out[0].why).toBe('rank 1 of 3 in F1, within its quota of 2');
  });

  it.each<[string, OptimalisasiScope, SeatFormation[], string[]]>([
    ['same position and education', 'POSITION_AND_EDUCATION', [f('f1', 1), f('f2', 3)], ['a@f1:REGULAR', 'b@f2:OPTIMALISASI']],
    ['different education is out of scope', 'POSITION_AND_EDUCATION', [f('f1', 1), f('f2', 3, 'Pranata Komputer', ['D3'])], ['a@f1:REGULAR']],
    [
      'education levels compare as sets',
      'POSITION_AND_EDUCATION',
      [f('f1', 1, 'P', ['S1', 'D4']), f('f2', 3, 'P', ['D4', 'S1'])],
      ['a@f1:REGULAR', 'b@f2:OPTIMALISASI'],
    ],
    ['POSITION ignores education', 'POSITION', [f('f1', 1), f('f2', 3, 'Pranata Komputer', ['D3'])], ['a@f1:REGULAR', 'b@f2:OPTIMALISASI']],
    ['a different position is never in scope', 'POSITION', [f('f1', 1), f('f2', 3, 'Analis Sistem')], ['a@f1:REGULAR']],
    ['NONE leaves seats empty', 'NONE', [f('f1', 1), f('f2', 3)], ['a@f1:REGULAR']],
  ])('optimalisasi with %s', (_name, scope, formations, expected) => {
    const out = allocate({ formations, ranked: [e('a', 'f1', 1, 90), e('b', 'f1', 2, 80)], scope });
    expect(seats(out)).toEqual(expected);
  });

  it('offers empty seats by final score across donor formations, then by own rank', () => {
    const ranked = [e('a1', 'f1', 1, 90), e('a2', 'f1', 2, 70), e('a3', 'f1', 3, 60), e('b1', 'f2', 1, 95), e('b2', 'f2', 2, 70)];
    const out = allocate({ formations: [f('f1', 1), f('f2', 1), f('f3', 3)], ranked, scope: 'POSITION' });
    expect(seats(out)).toEqual(['a1@f1:REGULAR', 'b1@f2:REGULAR', 'a2@f3:OPTIMALISASI', 'b2@f3:OPTIMALISASI', 'a3@f3:OPTIMALISASI']);
    expect(out[2].why).toContain('rank 2 in F1');
  });

  it('skips declined candidates and leaves taken seats alone, filling freed seats as REPLACEMENT', () => {
    const ranked = [e('a', 'f1', 1, 90), e('b', 'f1', 2, 80), e('c', 'f1', 3, 70), e('d', 'f2', 1, 99)];
    const out = allocate({
      formations: [f('f1', 2), f('f2', 0)],
      ranked,
      scope: 'POSITION',
      taken: [{ applicationId: 'b', seatFormationId: 'f1' }],
      excluded: new Set(['a']),
      mode: 'REPLACEMENT',
    });
    expect(seats(out)).toEqual(['c@f1:REPLACEMENT']);
  });

  it('never exceeds a quota lowered below the seats already taken', () => {
    const out = allocate({
      formations: [f('f1', 1)],
      ranked: [e('a', 'f1', 1, 90), e('b', 'f1', 2, 80)],
      scope: 'NONE',
      taken: [
        { applicationId: 'a', seatFormationId: 'f1' },
        { applicationId: 'x', seatFormationId: 'f1' },
      ],
    });
    expect(out).toEqual([]);
  });
});

// ---- properties over random periods ----

const POSITIONS = ['Pranata Komputer', 'Analis Sistem', 'Desainer Grafis'];
const EDUCATION = [['S1'], ['D3'], ['S1', 'D4']];

const periodArb = fc
  .record({
    formations: fc.array(fc.record({ p: fc.nat(2), ed: fc.nat(2), quota: fc.nat(4) }), { minLength: 1, maxLength: 6 }),
    candidates: fc.array(
      fc.record({
        f: fc.nat(5),
        score: fc.integer({ min: 60, max: 64 }),
        skb: fc.integer({ min: 60, max: 62 }),
        cat: fc.option(fc.integer({ min: 300, max: 301 })),
        gpa: fc.constantFrom(3, 3.5),
        dob: fc.constantFrom('1995-01-01', '1996-01-01'),
      }),
      { maxLength: 40 },
    ),
    declines: fc.array(fc.nat(39), { maxLength: 8 }),
    scope: fc.constantFrom<OptimalisasiScope>('POSITION_AND_EDUCATION', 'POSITION', 'NONE'),
  })
  .map(({ formations, candidates, declines, scope }) => {
    const fs = formations.map((x, i) => f(`f${i}`, x.quota, POSITIONS[x.p], EDUCATION[x.ed]));
    const cs = candidates.map((x, i) => ({
      applicationId: `a${String(i).padStart(2, '0')}`,
      formationId: fs[x.f % fs.length].formationId,
      finalScore: x.score,
      skbTotal: x.skb,
      cat: x.cat,
      gpa: x.gpa,
      dateOfBirth: x.dob,
    }));
    const ranked: RankedEntry[] = fs.flatMap((form) =>
      rankFormation(
        cs.filter((c) => c.formationId === form.formationId),
        ['HIGHER_SKB', 'HIGHER_CAT', 'HIGHER_GPA', 'OLDER'],
      ).map((r) => e(r.candidate.applicationId, form.formationId, r.rank, r.candidate.finalScore)),
    );
    const declined = new Set(declines.filter((d) => d < cs.length).map((d) => cs[d].applicationId));
    return { formations: fs, ranked, scope, declined };
  });

describe('allocation properties', () => {
  it('keeps every invariant for a proposal over random periods with many ties and declines', () => {
    fc.assert(
      fc.property(periodArb, (p) => {
        const req: AllocationRequest = { formations: p.formations, ranked: p.ranked, scope: p.scope, excluded: p.declined };
        const out = allocate(req);
        checkInvariants(p, out, p.declined);
        // recomputation (inputs in another order) gives the same result
        expect(allocate({ ...req, formations: [...p.formations].reverse(), ranked: [...p.ranked].reverse() })).toEqual(out);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every invariant when placed candidates decline and their seats are refilled', () => {
    fc.assert(
      fc.property(periodArb, fc.array(fc.nat(20), { maxLength: 5 }), (p, pick) => {
        const first = allocate({ formations: p.formations, ranked: p.ranked, scope: p.scope });
        const declined = new Set(pick.filter((i) => i < first.length).map((i) => first[i].applicationId));
        const taken = first.filter((a) => !declined.has(a.applicationId));
        const refill = allocate({ formations: p.formations, ranked: p.ranked, scope: p.scope, taken, excluded: declined, mode: 'REPLACEMENT' });
        for (const a of refill) expect(a.kind).toBe('REPLACEMENT');
        // a replacement only ever fills a freed seat
        expect(refill.length).toBeLessThanOrEqual(declined.size);
        checkInvariants({ ...p, declined }, [...taken, ...refill], declined);
      }),
      { numRuns: 300 },
    );
  });
});
