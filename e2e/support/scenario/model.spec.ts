import { applicantIdentity } from '@seleksi/testing';
import { ApplicantSpec, FormationKey } from './inputs';
import { fillSeats, finalScore, ineligibilityReasons, interviewTotal, RankedCandidate, rankFormation, skbResults, skbTotal } from './model';

/** The scenario's own model of domain.md, checked on cases worked out by hand, so its expectations can be trusted. */
function applicant(index: number, overrides: Partial<ApplicantSpec> = {}): ApplicantSpec {
  return {
    index,
    identity: applicantIdentity(index, 'model'),
    formation: 'A',
    education: { level: 'S1', institution: 'Universitas Contoh', major: 'Teknik Informatika', accreditation: 'Unggul', gpa: 3.5, graduationDate: '2020-08-20' },
    invalidSignUp: null,
    nikWarning: null,
    late: false,
    verifierError: false,
    appeals: false,
    attendance: 'PRESENT',
    cat: 400,
    practical: 80,
    interviewScores: [
      [3, 3, 3],
      [3, 3, 3],
      [3, 3, 3],
      [3, 3, 3],
    ],
    ...overrides,
  };
}

const born = (dateOfBirth: string) => ({ ...applicantIdentity(0, 'model'), dateOfBirth });

describe('scenario model', () => {
  it.each([
    ['1991-12-31', []],
    ['1991-12-30', ['AGE_OVER_LIMIT']],
    ['2008-12-31', []],
    ['2009-01-01', ['AGE_UNDER_LIMIT']],
  ])('judges the age of someone born %s to the day on 2026-12-31', (dateOfBirth, reasons) => {
    expect(ineligibilityReasons(applicant(1, { identity: born(dateOfBirth) }))).toEqual(reasons);
  });

  it('gives every reason that applies, in code order', () => {
    const a = applicant(1, { education: { level: 'D3', institution: 'X', major: 'Akuntansi', accreditation: 'A', gpa: 2.9, graduationDate: '2020-01-01' } });
    expect(ineligibilityReasons(a)).toEqual(['EDUCATION_LEVEL_NOT_ACCEPTED', 'GPA_BELOW_MINIMUM', 'MAJOR_NOT_ACCEPTED']);
  });

  it.each([
    [500, 100, 100],
    [250, 60, 54],
    [450, 85, 88],
    [400, 100, 88],
  ])('weighs CAT %d/500 and practical %d/100 to an SKB total of %d', (cat, practical, total) => {
    expect(skbTotal(cat, practical)).toBe(total);
  });

  it('lets everyone tied at the cut-off proceed and ranks the rest as P, TL, TH', () => {
    // Quota 1, factor 3: three proceed; the third and fourth tie, so four do.
    const people = [
      applicant(1, { cat: 480, practical: 95 }),
      applicant(2, { cat: 450, practical: 90 }),
      applicant(3, { cat: 400, practical: 80 }),
      applicant(4, { cat: 400, practical: 80 }),
      applicant(5, { cat: 300, practical: 70 }),
      applicant(6, { cat: 240, practical: 99 }),
      applicant(7, { attendance: 'TH' }),
    ];
    const results = skbResults(people, 1);
    expect(people.map((a) => [results.get(a.index)!.outcome, results.get(a.index)!.rank])).toEqual([
      ['P/L', 1],
      ['P/L', 2],
      ['P/L', 3],
      ['P/L', 3],
      ['P', 5],
      ['TL', null],
      ['TH', null],
    ]);
  });

  it('averages the scoring members per criterion and weighs the criteria on the scale', () => {
    const a = applicant(1, {
      interviewScores: [
        [5, 4, 3],
        [4, 4, 3],
        [3, 4, 3],
        [1, 1, 1],
      ],
    });
    // Means without member 3: 4, 4, 3 → (50×0.75 + 30×0.75 + 20×0.5) / 100 × 100 = 70.
    expect(interviewTotal(a, [0, 1, 2])).toBe(70);
    expect(finalScore(88, 70)).toBe(80.8);
  });

  it('breaks an equal final score by SKB, then CAT, then GPA, then age', () => {
    const base = { formation: 'A' as FormationKey, finalScore: 80, skbTotal: 80, cat: 400, gpa: 3.5, dateOfBirth: '1995-01-01' };
    const ranked = rankFormation([
      { ...base, index: 1, applicationId: 'e' },
      { ...base, index: 2, applicationId: 'd', dateOfBirth: '1994-01-01' },
      { ...base, index: 3, applicationId: 'c', gpa: 3.6 },
      { ...base, index: 4, applicationId: 'b', cat: 410 },
      { ...base, index: 5, applicationId: 'a', skbTotal: 81 },
      { ...base, index: 6, applicationId: 'f', finalScore: 80.0001 },
    ]);
    expect(ranked.map((r) => r.index)).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it('fills an empty seat of a formation from another of the same position and education, and refills a declined seat', () => {
    const entry = (index: number, formation: FormationKey, finalScore: number, rank: number): RankedCandidate => ({
      index,
      formation,
      applicationId: `id-${index}`,
      finalScore,
      skbTotal: 0,
      cat: 0,
      gpa: 0,
      dateOfBirth: '1995-01-01',
      rank,
    });
    const ranked = new Map<FormationKey, RankedCandidate[]>([
      ['A', [1, 2, 3, 4, 5, 6].map((i) => entry(i, 'A', 90 - i, i))],
      ['B', [entry(7, 'B', 70, 1)]],
    ]);
    const seats = fillSeats(ranked, ['A', 'B'], [], new Set(), false);
    expect(seats).toEqual([
      { index: 1, seat: 'A', kind: 'REGULAR' },
      { index: 2, seat: 'A', kind: 'REGULAR' },
      { index: 3, seat: 'A', kind: 'REGULAR' },
      { index: 4, seat: 'A', kind: 'REGULAR' },
      { index: 7, seat: 'B', kind: 'REGULAR' },
      { index: 5, seat: 'B', kind: 'OPTIMALISASI' },
      { index: 6, seat: 'B', kind: 'OPTIMALISASI' },
    ]);
    const kept = seats.filter((s) => s.index !== 1);
    expect(fillSeats(ranked, ['A', 'B'], kept, new Set([1]), true)).toEqual([]);
    const fewer = seats.filter((s) => s.index !== 1 && s.index !== 6);
    expect(fillSeats(ranked, ['A', 'B'], fewer, new Set([1]), true)).toEqual([{ index: 6, seat: 'A', kind: 'REPLACEMENT' }]);
  });
});
