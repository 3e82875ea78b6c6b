import { applicantIdentity, ApplicantIdentity, nikFor } from '@seleksi/testing';
import { Prng } from './prng';

/**
 * The scenario's inputs: who applies where with what, who errs, who appeals, what scores are
 * given. Everything comes from a seeded generator and fixed rules on the applicant's index, so a
 * run is the same every time; the expected outcome is computed from these inputs alone (model.ts).
 */

export type FormationKey = 'A' | 'B' | 'C' | 'D';

export interface FormationSpec {
  key: FormationKey;
  code: string;
  position: string;
  unit: string;
  levels: string[];
  majors: string[];
  minimumGpa: number;
  quota: number;
}

/** Period rules the scenario sets explicitly, so the model reads them from here, never from a service. */
export const RULES = {
  ageReferenceDate: '2026-12-31',
  minimumAge: 18,
  maximumAge: 35,
  stageWeights: { skb: 60, interview: 40 },
  skb: {
    components: [
      { component: 'cat', label: 'CAT', source: 'IMPORT', weight: 60, maxScore: 500, passingGrade: 250 },
      { component: 'practical', label: 'Tes praktik', source: 'MANUAL', weight: 40, maxScore: 100, passingGrade: 60 },
    ],
    totalPassingGrade: 60,
    proceedFactor: 3,
    disabilityExtraMinutes: 30,
  },
  interview: { scaleMin: 1, scaleMax: 5, calibrationThreshold: 2, minimumPanelSize: 3 },
  criteria: [
    { key: 'teknis', label: 'Kompetensi teknis', weight: 50 },
    { key: 'komunikasi', label: 'Komunikasi', weight: 30 },
    { key: 'integritas', label: 'Integritas', weight: 20 },
  ],
  tieBreakChain: ['HIGHER_SKB', 'HIGHER_CAT', 'HIGHER_GPA', 'OLDER'],
  reportingDate: '2027-06-01',
} as const;

const PK = 'Pranata Komputer Ahli Pertama';
const IT_MAJORS = ['Teknik Informatika', 'Sistem Informasi', 'Ilmu Komputer'];

/** A and B share position and education levels, so B's empty seats go to A's candidates by optimalisasi. */
export const FORMATIONS: Record<FormationKey, FormationSpec> = {
  A: { key: 'A', code: 'PK-AP-CC', position: PK, unit: 'Command Center', levels: ['S1'], majors: IT_MAJORS, minimumGpa: 3, quota: 4 },
  B: { key: 'B', code: 'PK-AP-KOMINFO', position: PK, unit: 'Dinas Kominfo', levels: ['S1'], majors: IT_MAJORS, minimumGpa: 3, quota: 3 },
  C: {
    key: 'C',
    code: 'PROG-WEB',
    position: 'Pemrogram Website',
    unit: 'Command Center',
    levels: ['D3', 'S1'],
    majors: ['Teknik Informatika', 'Manajemen Informatika'],
    minimumGpa: 2.75,
    quota: 3,
  },
  D: {
    key: 'D',
    code: 'ANALIS-SI',
    position: 'Analis Sistem',
    unit: 'Command Center',
    levels: ['S1'],
    majors: ['Sistem Informasi', 'Teknik Informatika'],
    minimumGpa: 3,
    quota: 2,
  },
};

/** A sign-up that must be refused: the body change, the status and code, and the field named. */
export interface InvalidSignUp {
  change: 'NIK_MONTH_13' | 'NIK_PROVINCE_99' | 'NIK_SHORT' | 'EMAIL' | 'NIK_TAKEN';
  status: number;
  code: string;
  field: string;
  /** Whether the applicant then signs up correctly. */
  thenFixes: boolean;
}

export interface ApplicantSpec {
  index: number;
  identity: ApplicantIdentity;
  formation: FormationKey;
  education: { level: string; institution: string; major: string; accreditation: string; gpa: number; graduationDate: string };
  invalidSignUp: InvalidSignUp | null;
  nikWarning: 'NIK_BIRTH_DATE_MISMATCH' | 'NIK_GENDER_MISMATCH' | null;
  late: boolean;
  /** The verifier wrongly finds an eligible applicant TMS (an unreadable scan that was readable). */
  verifierError: boolean;
  appeals: boolean;
  attendance: 'PRESENT' | 'TH' | 'DIS';
  cat: number;
  practical: number;
  /** Interview: per panel member (by position in the panel) and criterion, the score given. */
  interviewScores: number[][];
}

export interface ScenarioInputs {
  seed: number;
  tag: string;
  applicants: ApplicantSpec[];
}

const INVALID: Record<number, InvalidSignUp> = {
  3: { change: 'NIK_MONTH_13', status: 400, code: 'NIK_INVALID', field: 'nik', thenFixes: true },
  7: { change: 'EMAIL', status: 400, code: 'VALIDATION_FAILED', field: 'email', thenFixes: true },
  11: { change: 'NIK_PROVINCE_99', status: 400, code: 'NIK_INVALID', field: 'nik', thenFixes: false },
  13: { change: 'NIK_SHORT', status: 400, code: 'NIK_INVALID', field: 'nik', thenFixes: false },
  17: { change: 'NIK_TAKEN', status: 409, code: 'NIK_TAKEN', field: 'nik', thenFixes: false },
};

function formationOf(i: number): FormationKey {
  if ([19, 39, 59, 79].includes(i)) return 'B';
  const r = i % 20;
  if (r <= 8) return 'A';
  if (r <= 14) return 'C';
  return 'D';
}

function withBirthDate(who: ApplicantIdentity, dateOfBirth: string): ApplicantIdentity {
  return { ...who, dateOfBirth, nik: nikFor(who.nik.slice(0, 6), dateOfBirth, who.gender, Number(who.nik.slice(12))) };
}

export function scenarioInputs(count: number, seed: number, tag: string, identityBase: number): ScenarioInputs {
  const rng = new Prng(seed);
  const applicants: ApplicantSpec[] = [];
  for (let i = 0; i < count; i += 1) {
    let identity = applicantIdentity(identityBase + i, tag);
    const formation = formationOf(i);
    const spec = FORMATIONS[formation];
    // Exactly 35 on the reference date passes; one day older fails (domain.md: to the day).
    if (i === 21) identity = withBirthDate(identity, '1991-12-31');
    if (i === 23) identity = withBirthDate(identity, '1991-12-30');
    let nikWarning: ApplicantSpec['nikWarning'] = null;
    if (i % 37 === 5) {
      // The NIK says another day of birth: kept as a warning, never a refusal.
      const day = Number(identity.dateOfBirth.slice(8, 10));
      const other = `${identity.dateOfBirth.slice(0, 8)}${String(day === 28 ? 27 : day + 1).padStart(2, '0')}`;
      identity = { ...identity, nik: nikFor(identity.nik.slice(0, 6), other, identity.gender, Number(identity.nik.slice(12))) };
      nikWarning = 'NIK_BIRTH_DATE_MISMATCH';
    } else if (i % 37 === 9) {
      identity = {
        ...identity,
        nik: nikFor(identity.nik.slice(0, 6), identity.dateOfBirth, identity.gender === 'F' ? 'M' : 'F', Number(identity.nik.slice(12))),
      };
      nikWarning = 'NIK_GENDER_MISMATCH';
    }

    let level = formation === 'C' && rng.chance(0.4) ? 'D3' : 'S1';
    if (formation !== 'C' && rng.chance(0.04)) level = 'D3';
    let major = rng.pick(spec.majors);
    if (rng.chance(0.06)) major = 'Akuntansi';
    let gpa = Math.round((2.5 + rng.next() * 1.45) * 100) / 100;
    // B is the small formation: one ineligible, one absent at the SKB, two who pass everything.
    if (formation === 'B') {
      level = 'S1';
      major = 'Teknik Informatika';
      gpa = i === 19 ? 2.6 : 3.5;
    }
    let cat = rng.int(180, 480);
    let practical = rng.int(45, 98);
    let attendance: ApplicantSpec['attendance'] = i % 31 === 6 ? 'TH' : i % 97 === 40 ? 'DIS' : 'PRESENT';
    if (i === 39) attendance = 'TH';
    if (i === 59 || i === 79) {
      cat = 380 + (i % 7);
      practical = 80 + (i % 5);
      attendance = 'PRESENT';
    }
    const interviewScores = Array.from({ length: 4 }, () => [] as number[]);
    for (let k = 0; k < RULES.criteria.length; k += 1) {
      const base = rng.int(2, 4);
      for (let m = 0; m < 4; m += 1) interviewScores[m].push(Math.min(5, Math.max(1, base + rng.int(-1, 1))));
    }
    const verifierError = i % 23 === 4;
    applicants.push({
      index: i,
      identity,
      formation,
      education: {
        level,
        institution: rng.pick([
          'Universitas Padjadjaran',
          'Institut Teknologi Bandung',
          'Universitas Gadjah Mada',
          'Universitas Brawijaya',
          'Politeknik Negeri Jakarta',
        ]),
        major,
        accreditation: rng.pick(['Unggul', 'Baik Sekali', 'A']),
        gpa,
        graduationDate: `20${String(18 + (i % 7)).padStart(2, '0')}-08-${String(10 + (i % 18)).padStart(2, '0')}`,
      },
      invalidSignUp: INVALID[i] ?? null,
      nikWarning,
      late: i % 29 === 28,
      verifierError,
      appeals: verifierError ? i % 3 !== 0 : i % 5 === 0,
      attendance,
      cat,
      practical,
      interviewScores,
    });
  }
  return { seed, tag, applicants };
}
