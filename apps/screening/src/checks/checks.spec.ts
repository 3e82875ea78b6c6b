import { ageOn, meetsMaximumAge, meetsMinimumAge } from './age';
import { CheckInput, recommend, runChecks } from './checks';

const base = (): CheckInput => ({
  ruleVersion: 'permenpan-2024.1',
  ageReferenceDate: '2026-11-30',
  dateOfBirth: '1998-04-12',
  education: { level: 'S1', major: 'Teknik Informatika', gpa: 3.41 },
  documentTypes: ['pas-foto', 'ktp', 'ijazah'],
  nikWarnings: [],
  requirements: {
    educationLevels: ['S1', 'D4'],
    acceptedMajors: ['Teknik Informatika', 'Sistem Informasi'],
    minimumGpa: 3,
    minimumAge: 18,
    maximumAge: 35,
    documents: [{ type: 'pas-foto' }, { type: 'ktp' }, { type: 'ijazah' }],
  },
});

const result = (input: CheckInput, ruleId: string) => runChecks(input).find((c) => c.ruleId === ruleId)?.passed;

describe(meetsMaximumAge.name, () => {
  it.each([
    ['exactly 35 on the reference date', '1991-11-30', '2026-11-30', 35, true],
    ['35 and one day (one day over)', '1991-11-29', '2026-11-30', 35, false],
    ['one day short of 35', '1991-12-01', '2026-11-30', 35, true],
    ['36 and more', '1980-01-01', '2026-11-30', 35, false],
    ['leap-day birth, 35th anniversary on 1 March of a common year, reference 1 March', '1988-02-29', '2023-03-01', 35, true],
    ['leap-day birth, reference 2 March of a common year (one day over)', '1988-02-29', '2023-03-02', 35, false],
    ['born 28 February, reference 29 February of a leap year (one day over)', '1989-02-28', '2024-02-29', 35, false],
    ['leap-day birth, exactly 36 on 29 February of a leap year', '1988-02-29', '2024-02-29', 36, true],
  ])('%s', (_what, birth, on, max, expected) => {
    expect(meetsMaximumAge(birth, on, max)).toBe(expected);
  });
});

describe(meetsMinimumAge.name, () => {
  it.each([
    ['turns 18 on the reference date', '2008-11-30', '2026-11-30', true],
    ['turns 18 the day after', '2008-12-01', '2026-11-30', false],
    ['leap-day birth turns 18 on 1 March of a common year', '2008-02-29', '2026-03-01', true],
    ['leap-day birth not yet 18 on 28 February of a common year', '2008-02-29', '2026-02-28', false],
    ['well over 18', '1990-06-15', '2026-11-30', true],
  ])('%s', (_what, birth, on, expected) => {
    expect(meetsMinimumAge(birth, on, 18)).toBe(expected);
  });
});

describe(ageOn.name, () => {
  it.each([
    ['1991-11-30', '2026-11-30', { years: 35, days: 0 }],
    ['1991-11-29', '2026-11-30', { years: 35, days: 1 }],
    ['1991-12-01', '2026-11-30', { years: 34, days: 364 }],
    ['2000-02-29', '2025-02-28', { years: 24, days: 365 }],
    ['2000-02-29', '2025-03-01', { years: 25, days: 0 }],
    ['2000-02-29', '2028-02-29', { years: 28, days: 0 }],
  ])('born %s is %j on %s', (birth, on, expected) => {
    expect(ageOn(birth, on)).toEqual(expected);
  });
});

describe(runChecks.name, () => {
  const cases: [string, (i: CheckInput) => void, string, boolean | null][] = [
    ['passes a typical applicant on age', () => undefined, 'AGE_MAXIMUM', true],
    ['fails an applicant one day over the maximum age', (i) => (i.dateOfBirth = '1991-11-29'), 'AGE_MAXIMUM', false],
    ['passes an applicant exactly at the maximum age', (i) => (i.dateOfBirth = '1991-11-30'), 'AGE_MAXIMUM', true],
    ['fails an applicant under the minimum age', (i) => (i.dateOfBirth = '2010-01-01'), 'AGE_MINIMUM', false],
    ['uses the period reference date, not today', (i) => (i.ageReferenceDate = '2040-01-01'), 'AGE_MAXIMUM', false],
    ['leaves age undecided when the reference date is unknown', (i) => (i.ageReferenceDate = null), 'AGE_MAXIMUM', null],
    ['fails an education level not accepted', (i) => (i.education.level = 'D3'), 'EDUCATION_LEVEL', false],
    ['accepts any listed education level', (i) => (i.education.level = 'D4'), 'EDUCATION_LEVEL', true],
    ['accepts a major differing only in case and spaces', (i) => (i.education.major = '  teknik   INFORMATIKA '), 'MAJOR', true],
    ['fails a major not accepted', (i) => (i.education.major = 'Teknik Sipil'), 'MAJOR', false],
    ['passes a GPA equal to the minimum', (i) => (i.education.gpa = 3), 'MINIMUM_GPA', true],
    ['passes a GPA equal to the minimum despite float noise', (i) => (i.education.gpa = 0.1 * 3 * 10 - 0.0000001), 'MINIMUM_GPA', true],
    ['fails a GPA one hundredth below the minimum', (i) => (i.education.gpa = 2.99), 'MINIMUM_GPA', false],
    ['fails a missing required document', (i) => (i.documentTypes = ['ktp', 'ijazah']), 'REQUIRED_DOCUMENT:pas-foto', false],
    ['passes a present required document', () => undefined, 'REQUIRED_DOCUMENT:ijazah', true],
  ];
  it.each(cases)('%s', (_what, change, ruleId, expected) => {
    const input = base();
    change(input);
    expect(result(input, ruleId)).toBe(expected);
  });

  it('stamps every check with the rule version, the fact and what was expected', () => {
    const checks = runChecks({ ...base(), dateOfBirth: '1991-11-29' });
    const age = checks.find((c) => c.ruleId === 'AGE_MAXIMUM');
    expect(age).toEqual({
      ruleId: 'AGE_MAXIMUM',
      ruleVersion: 'permenpan-2024.1',
      severity: 'BLOCKING',
      fact: { dateOfBirth: '1991-11-29', referenceDate: '2026-11-30', age: { years: 35, days: 1 } },
      expected: { maximumAge: 35 },
      passed: false,
    });
    expect(checks.every((c) => c.ruleVersion === 'permenpan-2024.1')).toBe(true);
  });

  it('carries NIK warnings as warnings', () => {
    const checks = runChecks({ ...base(), nikWarnings: [{ code: 'NIK_BIRTH_DATE_MISMATCH', message: 'tanggal lahir berbeda' }] });
    expect(checks.find((c) => c.ruleId === 'NIK_WARNING:NIK_BIRTH_DATE_MISMATCH')).toMatchObject({ severity: 'WARNING', passed: false });
  });
});

describe(recommend.name, () => {
  it.each([
    ['recommends MS when everything passes', base(), 'MS'],
    ['recommends TMS when one blocking check fails', { ...base(), dateOfBirth: '1980-01-01' }, 'TMS'],
    ['recommends MS despite a NIK warning', { ...base(), nikWarnings: [{ code: 'NIK_GENDER_MISMATCH', message: 'x' }] }, 'MS'],
    ['recommends nothing while the age rule cannot run', { ...base(), ageReferenceDate: null }, null],
    ['recommends TMS on a failure even when age cannot run', { ...base(), ageReferenceDate: null, education: { level: 'SMA', major: 'x', gpa: 1 } }, 'TMS'],
  ] as [string, CheckInput, string | null][])('%s', (_what, input, expected) => {
    expect(recommend(runChecks(input))).toBe(expected);
  });
});
