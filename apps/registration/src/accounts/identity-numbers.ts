/**
 * NIK and KK numbers as domain.md describes them: 16 digits `PP KK CC DDMMYY SSSS`. A malformed
 * number is refused; a NIK whose birth date or gender disagrees with what the applicant states is
 * only a warning, because a NIK is never corrected and screening decides what it means.
 */

/** Province codes of the official list (Kemendagri), as of the 2022 Papua split. */
export const PROVINCE_CODES: ReadonlySet<string> = new Set(
  [...range(11, 19), 21, ...range(31, 36), ...range(51, 53), ...range(61, 65), ...range(71, 76), 81, 82, ...range(91, 96)].map((n) => String(n)),
);

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export type IdentityProblem =
  'NOT_16_DIGITS' | 'UNKNOWN_PROVINCE' | 'INVALID_REGENCY' | 'INVALID_DISTRICT' | 'INVALID_BIRTH_DAY' | 'INVALID_BIRTH_MONTH' | 'INVALID_SEQUENCE';

export interface ParsedNik {
  province: string;
  regency: string;
  district: string;
  /** Day of birth as printed, without the +40 for women. */
  birthDay: number;
  birthMonth: number;
  /** Two-digit year: the century is not in the NIK. */
  birthYear2: number;
  gender: 'F' | 'M';
  sequence: string;
}

export type NikResult = { ok: true; nik: ParsedNik } | { ok: false; problem: IdentityProblem };

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function regionProblem(digits: string): IdentityProblem | undefined {
  if (!/^\d{16}$/.test(digits)) return 'NOT_16_DIGITS';
  if (!PROVINCE_CODES.has(digits.slice(0, 2))) return 'UNKNOWN_PROVINCE';
  if (digits.slice(2, 4) === '00') return 'INVALID_REGENCY';
  if (digits.slice(4, 6) === '00') return 'INVALID_DISTRICT';
  if (digits.slice(12) === '0000') return 'INVALID_SEQUENCE';
  return undefined;
}

export function parseNik(input: string): NikResult {
  const digits = input.trim();
  const region = regionProblem(digits);
  if (region) return { ok: false, problem: region };
  const rawDay = Number(digits.slice(6, 8));
  const month = Number(digits.slice(8, 10));
  const year2 = Number(digits.slice(10, 12));
  if (month < 1 || month > 12) return { ok: false, problem: 'INVALID_BIRTH_MONTH' };
  const gender = rawDay > 40 ? 'F' : 'M';
  const day = gender === 'F' ? rawDay - 40 : rawDay;
  // With a two-digit year, 00 is 2000 (a leap year) as well as 1900 (not one); accept 29 Feb for
  // any year divisible by four rather than refuse a NIK that may be real.
  const maxDay = month === 2 && year2 % 4 !== 0 ? 28 : DAYS_IN_MONTH[month - 1];
  if (day < 1 || day > maxDay) return { ok: false, problem: 'INVALID_BIRTH_DAY' };
  return {
    ok: true,
    nik: {
      province: digits.slice(0, 2),
      regency: digits.slice(2, 4),
      district: digits.slice(4, 6),
      birthDay: day,
      birthMonth: month,
      birthYear2: year2,
      gender,
      sequence: digits.slice(12),
    },
  };
}

/** A KK number has the NIK's region prefix; its middle digits are the issue date, not checked here. */
export function kkProblem(input: string): IdentityProblem | undefined {
  return regionProblem(input.trim());
}

export interface NikWarning {
  code: 'NIK_BIRTH_DATE_MISMATCH' | 'NIK_GENDER_MISMATCH';
  message: string;
}

/** What a valid NIK says against what the applicant states; each disagreement is a warning for screening. */
export function nikWarnings(nik: ParsedNik, stated: { dateOfBirth: string; gender: 'F' | 'M' }): NikWarning[] {
  const warnings: NikWarning[] = [];
  const [year, month, day] = stated.dateOfBirth.split('-').map(Number);
  if (nik.birthDay !== day || nik.birthMonth !== month || nik.birthYear2 !== year % 100) {
    const printed = `${pad(nik.birthDay)}-${pad(nik.birthMonth)}-${pad(nik.birthYear2)}`;
    warnings.push({
      code: 'NIK_BIRTH_DATE_MISMATCH',
      message: `the NIK encodes birth date ${printed} (DD-MM-YY) but ${stated.dateOfBirth} was stated`,
    });
  }
  if (nik.gender !== stated.gender) {
    warnings.push({
      code: 'NIK_GENDER_MISMATCH',
      message: `the NIK encodes gender ${nik.gender} but ${stated.gender} was stated`,
    });
  }
  return warnings;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** For logs and cards: region and sequence kept, the birth date hidden. */
export function maskIdentityNumber(digits: string): string {
  return digits.length === 16 ? `${digits.slice(0, 4)}********${digits.slice(12)}` : '****';
}

export const IDENTITY_PROBLEM_MESSAGES: Record<IdentityProblem, string> = {
  NOT_16_DIGITS: 'must be exactly 16 digits',
  UNKNOWN_PROVINCE: 'starts with a province code that is not on the official list',
  INVALID_REGENCY: 'has regency/city code 00',
  INVALID_DISTRICT: 'has district code 00',
  INVALID_BIRTH_DAY: 'has an impossible day of birth (01–31, or 41–71 for women, within the month)',
  INVALID_BIRTH_MONTH: 'has an impossible month of birth (01–12)',
  INVALID_SEQUENCE: 'has sequence 0000 (sequences start at 0001)',
};
