import { meetsMaximumAge, meetsMinimumAge, ageOn } from './age';

/** BLOCKING checks make the recommendation; WARNING ones (NIK inconsistencies) are shown, never decisive. */
export type CheckSeverity = 'BLOCKING' | 'WARNING';

export interface CheckResult {
  ruleId: string;
  ruleVersion: string;
  severity: CheckSeverity;
  /** The fact from the submission the rule looked at. */
  fact: unknown;
  /** What the rule required. */
  expected: unknown;
  /** null when the rule could not be evaluated (the period's reference date is not known yet). */
  passed: boolean | null;
}

/** MS or TMS as the automatic checks see it; null when a blocking check could not run. A verifier decides. */
export type Recommendation = 'MS' | 'TMS' | null;

export interface CheckInput {
  ruleVersion: string;
  /** The period's age reference date, or null when PeriodOpened has not been heard yet. */
  ageReferenceDate: string | null;
  dateOfBirth: string;
  education: { level: string; major: string; gpa: number };
  documentTypes: string[];
  nikWarnings: { code: string; message: string }[];
  requirements: {
    educationLevels: string[];
    acceptedMajors: string[];
    minimumGpa: number;
    minimumAge: number;
    maximumAge: number;
    documents: { type: string }[];
  };
}

export function normaliseMajor(major: string): string {
  return major.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Two decimals, so 2.999999 from a float sum never fails a 3.00 minimum. */
const hundredths = (n: number) => Math.round(n * 100);

export function runChecks(input: CheckInput): CheckResult[] {
  const { ruleVersion, requirements: req } = input;
  const check = (ruleId: string, fact: unknown, expected: unknown, passed: boolean | null, severity: CheckSeverity = 'BLOCKING'): CheckResult => ({
    ruleId,
    ruleVersion,
    severity,
    fact,
    expected,
    passed,
  });
  const ref = input.ageReferenceDate;
  const ageFact = { dateOfBirth: input.dateOfBirth, referenceDate: ref, age: ref ? ageOn(input.dateOfBirth, ref) : null };
  const results: CheckResult[] = [
    check('AGE_MINIMUM', ageFact, { minimumAge: req.minimumAge }, ref ? meetsMinimumAge(input.dateOfBirth, ref, req.minimumAge) : null),
    check('AGE_MAXIMUM', ageFact, { maximumAge: req.maximumAge }, ref ? meetsMaximumAge(input.dateOfBirth, ref, req.maximumAge) : null),
    check('EDUCATION_LEVEL', { level: input.education.level }, { educationLevels: req.educationLevels }, req.educationLevels.includes(input.education.level)),
    check(
      'MAJOR',
      { major: input.education.major },
      { acceptedMajors: req.acceptedMajors },
      req.acceptedMajors.map(normaliseMajor).includes(normaliseMajor(input.education.major)),
    ),
    check('MINIMUM_GPA', { gpa: input.education.gpa }, { minimumGpa: req.minimumGpa }, hundredths(input.education.gpa) >= hundredths(req.minimumGpa)),
    ...req.documents.map((d) =>
      check(`REQUIRED_DOCUMENT:${d.type}`, { submittedTypes: input.documentTypes }, { type: d.type }, input.documentTypes.includes(d.type)),
    ),
    ...input.nikWarnings.map((w) => check(`NIK_WARNING:${w.code}`, { message: w.message }, { consistentNik: true }, false, 'WARNING')),
  ];
  return results;
}

export function recommend(checks: CheckResult[]): Recommendation {
  const blocking = checks.filter((c) => c.severity === 'BLOCKING');
  if (blocking.some((c) => c.passed === false)) return 'TMS';
  if (blocking.some((c) => c.passed === null)) return null;
  return 'MS';
}
