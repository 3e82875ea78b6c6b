/**
 * NIK and KK checked in the browser the way registration checks them
 * (apps/registration/src/accounts/identity-numbers.ts, mirrored here, not imported: the portal never
 * depends on a service's code). The server still decides; this only tells the person sooner.
 * identity-numbers.spec.ts runs both on the same numbers and fails when they disagree.
 */
const PROVINCES = new Set([...range(11, 19), 21, ...range(31, 36), ...range(51, 53), ...range(61, 65), ...range(71, 76), 81, 82, ...range(91, 96)].map(String));

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export type IdentityProblem =
  'NOT_16_DIGITS' | 'UNKNOWN_PROVINCE' | 'INVALID_REGENCY' | 'INVALID_DISTRICT' | 'INVALID_BIRTH_DAY' | 'INVALID_BIRTH_MONTH' | 'INVALID_SEQUENCE';

export interface NikFacts {
  birthDay: number;
  birthMonth: number;
  birthYear2: number;
  gender: 'F' | 'M';
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function regionProblem(digits: string): IdentityProblem | undefined {
  if (!/^\d{16}$/.test(digits)) return 'NOT_16_DIGITS';
  if (!PROVINCES.has(digits.slice(0, 2))) return 'UNKNOWN_PROVINCE';
  if (digits.slice(2, 4) === '00') return 'INVALID_REGENCY';
  if (digits.slice(4, 6) === '00') return 'INVALID_DISTRICT';
  if (digits.slice(12) === '0000') return 'INVALID_SEQUENCE';
  return undefined;
}

export function checkNik(input: string): { ok: true; facts: NikFacts } | { ok: false; problem: IdentityProblem } {
  const digits = input.trim();
  const region = regionProblem(digits);
  if (region) return { ok: false, problem: region };
  const rawDay = Number(digits.slice(6, 8));
  const month = Number(digits.slice(8, 10));
  const year2 = Number(digits.slice(10, 12));
  if (month < 1 || month > 12) return { ok: false, problem: 'INVALID_BIRTH_MONTH' };
  const gender = rawDay > 40 ? 'F' : 'M';
  const day = gender === 'F' ? rawDay - 40 : rawDay;
  const maxDay = month === 2 && year2 % 4 !== 0 ? 28 : DAYS_IN_MONTH[month - 1];
  if (day < 1 || day > maxDay) return { ok: false, problem: 'INVALID_BIRTH_DAY' };
  return { ok: true, facts: { birthDay: day, birthMonth: month, birthYear2: year2, gender } };
}

export function checkKk(input: string): IdentityProblem | undefined {
  return regionProblem(input.trim());
}

export type NikWarningCode = 'NIK_BIRTH_DATE_MISMATCH' | 'NIK_GENDER_MISMATCH';

/** Disagreements between the NIK and what the person states: shown, never blocking (screening decides). */
export function nikWarnings(facts: NikFacts, stated: { dateOfBirth: string; gender: 'F' | 'M' | '' }): NikWarningCode[] {
  const warnings: NikWarningCode[] = [];
  if (/^\d{4}-\d{2}-\d{2}$/.test(stated.dateOfBirth)) {
    const [year, month, day] = stated.dateOfBirth.split('-').map(Number);
    if (facts.birthDay !== day || facts.birthMonth !== month || facts.birthYear2 !== year % 100) warnings.push('NIK_BIRTH_DATE_MISMATCH');
  }
  if (stated.gender && facts.gender !== stated.gender) warnings.push('NIK_GENDER_MISMATCH');
  return warnings;
}
