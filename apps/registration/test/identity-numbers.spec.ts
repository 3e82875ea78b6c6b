import { applicantIdentity, nikFor } from '@seleksi/testing';
import { kkProblem, maskIdentityNumber, nikWarnings, parseNik } from '../src/accounts/identity-numbers';
import { normalisePhone } from '../src/accounts/phone';

describe(parseNik.name, () => {
  it.each([
    ['3273014412980001', { birthDay: 4, birthMonth: 12, birthYear2: 98, gender: 'F', province: '32' }],
    ['3273010412980001', { birthDay: 4, birthMonth: 12, birthYear2: 98, gender: 'M' }],
    ['1171017101000001', { birthDay: 31, birthMonth: 1, birthYear2: 0, gender: 'F' }],
    ['9471012902040001', { birthDay: 29, birthMonth: 2, birthYear2: 4, gender: 'M' }],
    ['9471016902000001', { birthDay: 29, birthMonth: 2, birthYear2: 0, gender: 'F' }],
    ['3171013112999999', { birthDay: 31, birthMonth: 12, sequence: '9999' }],
  ])('reads %s', (nik, expected) => {
    const parsed = parseNik(nik);
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.nik).toMatchObject(expected);
  });

  it.each([
    ['327301441298000', 'NOT_16_DIGITS', 'fifteen digits'],
    ['32730144129800011', 'NOT_16_DIGITS', 'seventeen digits'],
    ['3273014412980O01', 'NOT_16_DIGITS', 'a letter O for a zero'],
    ['', 'NOT_16_DIGITS', 'nothing'],
    ['2073014412980001', 'UNKNOWN_PROVINCE', 'province 20'],
    ['1073014412980001', 'UNKNOWN_PROVINCE', 'province 10'],
    ['3773014412980001', 'UNKNOWN_PROVINCE', 'province 37'],
    ['9773014412980001', 'UNKNOWN_PROVINCE', 'province 97'],
    ['3200014412980001', 'INVALID_REGENCY', 'regency 00'],
    ['3273004412980001', 'INVALID_DISTRICT', 'district 00'],
    ['3273014413980001', 'INVALID_BIRTH_MONTH', 'month 13'],
    ['3273014400980001', 'INVALID_BIRTH_MONTH', 'month 00'],
    ['3273013212980001', 'INVALID_BIRTH_DAY', 'day 32'],
    ['3273010012980001', 'INVALID_BIRTH_DAY', 'day 00'],
    ['3273014012980001', 'INVALID_BIRTH_DAY', 'day 40 (a woman born on day 0)'],
    ['3273017212980001', 'INVALID_BIRTH_DAY', 'day 72'],
    ['3273013104980001', 'INVALID_BIRTH_DAY', '31 April'],
    ['3273012902990001', 'INVALID_BIRTH_DAY', '29 February of a non-leap year'],
    ['3273013002040001', 'INVALID_BIRTH_DAY', '30 February'],
    ['3273014412980000', 'INVALID_SEQUENCE', 'sequence 0000'],
  ])('refuses %s (%s: %s)', (nik, problem) => {
    expect(parseNik(nik)).toEqual({ ok: false, problem });
  });

  it('accepts every NIK the test identities generate', () => {
    for (let i = 0; i < 500; i++) expect(parseNik(applicantIdentity(i).nik).ok).toBe(true);
  });
});

describe(nikWarnings.name, () => {
  const nik = (dob: string, gender: 'F' | 'M') => {
    const parsed = parseNik(nikFor('327301', dob, gender, 1));
    if (!parsed.ok) throw new Error('test NIK invalid');
    return parsed.nik;
  };

  it('has nothing to say when the NIK agrees with what is stated', () => {
    expect(nikWarnings(nik('1998-12-04', 'F'), { dateOfBirth: '1998-12-04', gender: 'F' })).toEqual([]);
  });

  it.each([
    ['another day', '1998-12-05', 'F', ['NIK_BIRTH_DATE_MISMATCH']],
    ['another month', '1998-11-04', 'F', ['NIK_BIRTH_DATE_MISMATCH']],
    ['another year', '1997-12-04', 'F', ['NIK_BIRTH_DATE_MISMATCH']],
    ['another gender', '1998-12-04', 'M', ['NIK_GENDER_MISMATCH']],
    ['another day and gender', '1998-12-14', 'M', ['NIK_BIRTH_DATE_MISMATCH', 'NIK_GENDER_MISMATCH']],
  ])('warns, never refuses, on %s', (_, dateOfBirth, gender, codes) => {
    const warnings = nikWarnings(nik('1998-12-04', 'F'), { dateOfBirth, gender: gender as 'F' | 'M' });
    expect(warnings.map((w) => w.code)).toEqual(codes);
  });

  it('matches a 2000 birth year against the two digits 00', () => {
    expect(nikWarnings(nik('2000-02-29', 'M'), { dateOfBirth: '2000-02-29', gender: 'M' })).toEqual([]);
  });
});

describe(kkProblem.name, () => {
  it.each([
    ['3273011009180003', undefined],
    ['3273011009180', 'NOT_16_DIGITS'],
    ['9973011009180003', 'UNKNOWN_PROVINCE'],
    ['3200011009180003', 'INVALID_REGENCY'],
    ['3273001009180003', 'INVALID_DISTRICT'],
    ['3273011009180000', 'INVALID_SEQUENCE'],
  ])('%s → %s', (kk, problem) => {
    expect(kkProblem(kk)).toBe(problem);
  });

  it('accepts every KK the test identities generate', () => {
    for (let i = 0; i < 500; i++) expect(kkProblem(applicantIdentity(i).kkNumber)).toBeUndefined();
  });
});

describe(maskIdentityNumber.name, () => {
  it('keeps the region and the sequence and hides the birth date', () => {
    expect(maskIdentityNumber('3273014412980001')).toBe('3273********0001');
  });
});

describe(normalisePhone.name, () => {
  it.each([
    ['081234567890', '+6281234567890'],
    ['0812-3456-7890', '+6281234567890'],
    ['0812 3456 7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['(022) 2501234', '+62222501234'],
    ['021-5551234', '+62215551234'],
  ])('%s → %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each([['12345'], ['+6512345678'], ['08123'], ['+620812345678'], ['0812345678901234'], ['phone'], ['']])('refuses %s', (input) => {
    expect(normalisePhone(input)).toBeUndefined();
  });
});
