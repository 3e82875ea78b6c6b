import { createHash, randomUUID } from 'node:crypto';
import { EventName, FormationRequirements, PayloadOf, SkbRules } from '@seleksi/contracts';

const now = () => new Date().toISOString();
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export interface Ids {
  periodId: string;
  formationId: string;
  applicationId: string;
  ruleVersion: string;
}

export function newIds(overrides: Partial<Ids> = {}): Ids {
  const given = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  return { periodId: randomUUID(), formationId: randomUUID(), applicationId: randomUUID(), ruleVersion: 'permenpan-2024.1', ...given };
}

export function newRequirements(): FormationRequirements {
  return {
    educationLevels: ['S1', 'D4'],
    acceptedMajors: ['Teknik Informatika', 'Sistem Informasi', 'Ilmu Komputer'],
    minimumGpa: 3,
    minimumAge: 18,
    maximumAge: 35,
    documents: [
      { type: 'pas-foto', mediaType: 'image/jpeg', maxBytes: 200 * 1024 },
      { type: 'ktp', mediaType: 'image/jpeg', maxBytes: 200 * 1024 },
      { type: 'ijazah', mediaType: 'application/pdf', maxBytes: 800 * 1024 },
    ],
  };
}

/** The default SKB rules of domain.md: CAT 60% (imported, 0–500), practical 40% (entered, 0–100). */
export function newSkbRules(): SkbRules {
  return {
    components: [
      { component: 'cat', label: 'CAT', source: 'IMPORT', weight: 60, maxScore: 500, passingGrade: 250 },
      { component: 'practical', label: 'Tes praktik', source: 'MANUAL', weight: 40, maxScore: 100, passingGrade: 60 },
    ],
    totalPassingGrade: 60,
    proceedFactor: 3,
    disabilityExtraMinutes: 30,
  };
}

/**
 * A valid payload for any event, as its producer would write it. Overrides are merged shallowly,
 * so a test states only what it is about.
 */
export function newPayload<N extends EventName>(name: N, ids: Ids = newIds(), overrides: Partial<PayloadOf<N>> = {}): PayloadOf<N> {
  const { periodId, formationId, applicationId, ruleVersion } = ids;
  const app = { periodId, formationId, applicationId, ruleVersion };
  const base: Record<EventName, () => object> = {
    PeriodOpened: () => ({
      periodId,
      ruleVersion,
      agencyName: 'BKPSDM Kota Contoh',
      timeZone: 'WIB',
      registrationOpensAt: '2026-11-01T00:00:00.000Z',
      registrationClosesAt: '2026-11-30T16:59:59.000Z',
      ageReferenceDate: '2026-11-30',
      appealFilingDays: 3,
      appealAnsweringDays: 7,
      stageWeights: { skb: 60, interview: 40 },
      tieBreakChain: ['HIGHER_SKB', 'HIGHER_CAT', 'HIGHER_GPA', 'OLDER'],
      skb: newSkbRules(),
      interview: { scaleMin: 1, scaleMax: 5, calibrationThreshold: 2, minimumPanelSize: 3 },
      placement: { optimalisasiScope: 'POSITION_AND_EDUCATION', overrideNeedsSecondApproval: true, reportingDate: '2027-01-04' },
    }),
    PeriodClosed: () => ({ periodId, ruleVersion, closedAt: now(), submittedApplications: 312 }),
    FormationPublished: () => ({
      periodId,
      ruleVersion,
      formationId,
      code: 'PK-AP-01',
      position: 'Pranata Komputer Ahli Pertama',
      unit: 'Command Center',
      formationType: 'general',
      quota: 4,
      requirements: newRequirements(),
    }),
    FormationQuotaChanged: () => ({ periodId, ruleVersion, formationId, previousQuota: 4, quota: 5, reason: 'tambahan formasi', changedBy: randomUUID() }),
    ApplicationSubmitted: () => ({
      ...app,
      registrationNumber: `REG-${applicationId.slice(0, 8)}`,
      submittedAt: now(),
      submissionHash: sha(applicationId),
      applicant: {
        applicantId: randomUUID(),
        fullName: 'Siti Rahmawati',
        placeOfBirth: 'Bandung',
        dateOfBirth: '1998-04-12',
        gender: 'F',
        email: `siti.${applicationId.slice(0, 8)}@example.id`,
        phone: '+6281234567890',
        kkDigest: sha(`kk-${applicationId}`),
      },
      education: {
        level: 'S1',
        institution: 'Universitas Padjadjaran',
        major: 'Teknik Informatika',
        accreditation: 'A',
        gpa: 3.41,
        graduationDate: '2021-08-28',
      },
      documents: [{ type: 'ijazah', documentId: randomUUID(), mediaType: 'application/pdf', sizeBytes: 523_000, sha256: sha('ijazah') }],
      nikWarnings: [],
      requirements: newRequirements(),
      declarationsAccepted: true,
    }),
    ScreeningDecided: () => ({ ...app, result: 'MS', reasons: [], decidedBy: randomUUID(), decidedAt: now() }),
    AdministrativeResultsAnnounced: () => ({
      periodId,
      ruleVersion,
      announcedAt: now(),
      appealFilingClosesAt: now(),
      appealAnsweringClosesAt: now(),
      eligible: 250,
      ineligible: 62,
    }),
    AppealFiled: () => ({ ...app, appealId: randomUUID(), filedAt: now(), answerDueAt: now() }),
    AppealResolved: () => ({ ...app, appealId: randomUUID(), resolution: 'UPHELD', reason: 'berkas terbaca', resultingResult: 'MS', resolvedAt: now() }),
    ScreeningPeriodFinalized: () => ({ periodId, ruleVersion, finalizedAt: now(), finalized: 0, eligible: 0, eligibleByFormation: [] }),
    SkbPeriodFinalized: () => ({ periodId, ruleVersion, finalizedAt: now(), results: 0, proceeding: 0, resultsByFormation: [], proceedingByFormation: [] }),
    InterviewPeriodCompleted: () => ({ periodId, ruleVersion, completedAt: now(), completed: 0, completedByFormation: [] }),
    ScreeningFinalized: () => ({
      ...app,
      result: 'MS',
      reasons: [],
      finalizedAt: now(),
      applicantId: randomUUID(),
      fullName: 'Siti Rahmawati',
      registrationNumber: `REG-${applicationId.slice(0, 8)}`,
      photoDocumentId: randomUUID(),
      gpa: 3.41,
      dateOfBirth: '1998-04-12',
      kkDigest: sha(`kk-${applicationId}`),
    }),
    ParticipantScheduled: () => ({
      ...app,
      participantNumber: 'SKB-2026-00017',
      startsAt: now(),
      session: 'Sesi 1',
      venue: 'UPT CAT BKN',
      room: 'Ruang 2',
      extraMinutes: 0,
    }),
    SkbScoresRecorded: () => ({ ...app, participantNumber: 'SKB-2026-00017', scores: [{ component: 'cat', value: 81.5 }], attendance: 'SCORED' }),
    SkbResultFinalized: () => ({
      ...app,
      applicantId: randomUUID(),
      participantNumber: 'SKB-2026-00017',
      components: [
        { component: 'cat', value: 407 },
        { component: 'practical', value: 77 },
      ],
      total: 79.7,
      outcome: 'P/L',
      rank: 2,
      proceeds: true,
      gpa: 3.41,
      dateOfBirth: '1998-04-12',
      kkDigest: sha(`kk-${applicationId}`),
    }),
    InterviewScheduled: () => ({
      ...app,
      participantNumber: 'SKB-2026-00017',
      panelId: randomUUID(),
      startsAt: now(),
      endsAt: now(),
      place: 'Command Center, Lt. 2',
    }),
    InterviewCompleted: () => ({
      ...app,
      participantNumber: 'SKB-2026-00017',
      outcome: 'SCORED',
      total: 84,
      criteria: [
        { criterion: 'komunikasi', weight: 50, mean: 4.2 },
        { criterion: 'teknis', weight: 50, mean: 4.2 },
      ],
      rubricVersion: 'rubrik-it-v1',
      completedAt: now(),
    }),
    RankingComputed: () => ({
      periodId,
      ruleVersion,
      formationId,
      computedAt: now(),
      inputsDigest: sha(formationId),
      ranking: [{ applicationId, rank: 1, finalScore: 81.42 }],
    }),
    PlacementProposed: () => ({ ...app, proposalId: randomUUID(), kind: 'REGULAR', why: 'peringkat 1 dari kuota 4', rank: 1 }),
    CandidatePlaced: () => ({
      ...app,
      position: 'Pranata Komputer Ahli Pertama',
      unit: 'Command Center',
      reportingDate: '2027-01-04',
      kind: 'REGULAR',
      finalScore: 81.42,
    }),
    PlacementDeclined: () => ({ ...app, declinedAt: now(), reason: 'diterima di instansi lain' }),
    PlacementAnnounced: () => ({ periodId, ruleVersion, announcedAt: now(), placed: 20, vacancies: 0 }),
  };
  return { ...base[name](), ...overrides } as PayloadOf<N>;
}
