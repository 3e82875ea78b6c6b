import { EventName, EVENTS, eventType, InvalidPayloadError, PayloadOf, validatePayload, validatePayloadOfType } from '@seleksi/contracts';

const PERIOD_ID = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const FORMATION_ID = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
const APPLICATION_ID = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const SHA256 = 'a'.repeat(64);

function newRequirements(): PayloadOf<'FormationPublished'>['requirements'] {
  return {
    educationLevels: ['S1', 'D4'],
    acceptedMajors: ['Teknik Informatika', 'Sistem Informasi'],
    minimumGpa: 3,
    minimumAge: 18,
    maximumAge: 35,
    documents: [{ type: 'ijazah', mediaType: 'application/pdf', maxBytes: 1_000_000 }],
  };
}

function newPeriodOpened(): PayloadOf<'PeriodOpened'> {
  return {
    periodId: PERIOD_ID,
    ruleVersion: '2026.1',
    agencyName: 'Kementerian Contoh',
    timeZone: 'WIB',
    registrationOpensAt: '2026-03-01T00:00:00+07:00',
    registrationClosesAt: '2026-03-15T23:59:59+07:00',
    ageReferenceDate: '2026-03-01',
    appealFilingDays: 3,
    appealAnsweringDays: 7,
    stageWeights: { skb: 60, interview: 40 },
    tieBreakChain: ['HIGHER_SKB', 'OLDER'],
    skb: {
      components: [{ component: 'cat', label: 'CAT', source: 'IMPORT', weight: 100, maxScore: 500, passingGrade: 250 }],
      totalPassingGrade: 50,
      proceedFactor: 3,
      disabilityExtraMinutes: 30,
    },
    interview: { scaleMin: 1, scaleMax: 5, calibrationThreshold: 2, minimumPanelSize: 3 },
    placement: { optimalisasiScope: 'POSITION', overrideNeedsSecondApproval: false, reportingDate: '2026-06-01' },
  };
}

function newFormationPublished(): PayloadOf<'FormationPublished'> {
  return {
    periodId: PERIOD_ID,
    ruleVersion: '2026.1',
    formationId: FORMATION_ID,
    code: 'F-001',
    position: 'Pranata Komputer Ahli Pertama',
    unit: 'Pusat Data',
    formationType: 'general',
    quota: 4,
    requirements: newRequirements(),
  };
}

function newApplicationSubmitted(): PayloadOf<'ApplicationSubmitted'> {
  return {
    periodId: PERIOD_ID,
    ruleVersion: '2026.1',
    applicationId: APPLICATION_ID,
    formationId: FORMATION_ID,
    registrationNumber: 'REG-2026-000001',
    submittedAt: '2026-03-05T10:00:00+07:00',
    submissionHash: SHA256,
    applicant: {
      applicantId: '4d5e6f7a-8b9c-4d0e-8f1a-2b3c4d5e6f7a',
      fullName: 'Siti Rahmawati',
      placeOfBirth: 'Bandung',
      dateOfBirth: '1998-04-12',
      gender: 'F',
      email: 'siti@example.id',
      phone: '+6281234567890',
      kkDigest: 'kk-digest',
    },
    education: {
      level: 'S1',
      institution: 'Universitas Contoh',
      major: 'Teknik Informatika',
      accreditation: 'A',
      gpa: 3.6,
      graduationDate: '2020-08-30',
    },
    documents: [{ type: 'ijazah', documentId: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b', mediaType: 'application/pdf', sizeBytes: 20_000, sha256: SHA256 }],
    nikWarnings: [],
    requirements: newRequirements(),
    declarationsAccepted: true,
  };
}

function newScreeningDecided(): PayloadOf<'ScreeningDecided'> {
  return {
    periodId: PERIOD_ID,
    ruleVersion: '2026.1',
    applicationId: APPLICATION_ID,
    formationId: FORMATION_ID,
    result: 'TMS',
    reasons: [{ code: 'GPA_BELOW_MINIMUM', label: 'IPK di bawah syarat' }],
    decidedBy: '6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c',
    decidedAt: '2026-03-20T09:00:00Z',
  };
}

function newSkbResultFinalized(): PayloadOf<'SkbResultFinalized'> {
  return {
    periodId: PERIOD_ID,
    ruleVersion: '2026.1',
    applicationId: APPLICATION_ID,
    formationId: FORMATION_ID,
    applicantId: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
    participantNumber: 'SKB-0001',
    components: [{ component: 'teknis', value: 82.5 }],
    total: null,
    outcome: 'TH',
    rank: null,
    proceeds: false,
    gpa: 3.6,
    dateOfBirth: '1998-04-12',
    kkDigest: 'kk-digest',
  };
}

function newInterviewCompleted(): PayloadOf<'InterviewCompleted'> {
  return {
    periodId: PERIOD_ID,
    ruleVersion: '2026.1',
    applicationId: APPLICATION_ID,
    formationId: FORMATION_ID,
    participantNumber: 'SKB-0001',
    outcome: 'SCORED',
    total: 78,
    criteria: [{ criterion: 'integritas', weight: 0.5, mean: 80 }],
    rubricVersion: 'r1',
    completedAt: '2026-05-02T15:00:00Z',
  };
}

function newRankingComputed(): PayloadOf<'RankingComputed'> {
  return {
    periodId: PERIOD_ID,
    ruleVersion: '2026.1',
    formationId: FORMATION_ID,
    computedAt: '2026-05-10T08:00:00Z',
    inputsDigest: SHA256,
    ranking: [{ applicationId: APPLICATION_ID, rank: 1, finalScore: 80.2 }],
  };
}

function newCandidatePlaced(): PayloadOf<'CandidatePlaced'> {
  return {
    periodId: PERIOD_ID,
    ruleVersion: '2026.1',
    applicationId: APPLICATION_ID,
    formationId: FORMATION_ID,
    position: 'Pranata Komputer Ahli Pertama',
    unit: 'Pusat Data',
    reportingDate: '2027-01-04',
    kind: 'REGULAR',
    finalScore: 80.2,
  };
}

function newPlacementAnnounced(): PayloadOf<'PlacementAnnounced'> {
  return { periodId: PERIOD_ID, ruleVersion: '2026.1', announcedAt: '2026-06-01T08:00:00Z', placed: 3, vacancies: 1 };
}

const FACTORIES = {
  PeriodOpened: newPeriodOpened,
  FormationPublished: newFormationPublished,
  ApplicationSubmitted: newApplicationSubmitted,
  ScreeningDecided: newScreeningDecided,
  SkbResultFinalized: newSkbResultFinalized,
  InterviewCompleted: newInterviewCompleted,
  RankingComputed: newRankingComputed,
  CandidatePlaced: newCandidatePlaced,
  PlacementAnnounced: newPlacementAnnounced,
} satisfies { [N in EventName]?: () => PayloadOf<N> };

type Factored = keyof typeof FACTORIES;

/** A payload as parsed JSON, open to any edit: the cases below break payloads on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonObject = Record<string, any>;
const FACTORED = Object.keys(FACTORIES) as Factored[];

/** A valid payload of `name` as a plain JSON object, with `change` applied to it. */
function payload(name: Factored, change: (p: JsonObject) => void = () => undefined): unknown {
  const data = JSON.parse(JSON.stringify(FACTORIES[name]())) as JsonObject;
  change(data);
  return data;
}

function problemsOf(type: string, data: unknown): string[] {
  try {
    validatePayloadOfType(type, data);
  } catch (error) {
    if (error instanceof InvalidPayloadError) return error.problems;
    throw error;
  }
  throw new Error(`expected ${type} to be rejected`);
}

describe(validatePayloadOfType.name, () => {
  it.each(FACTORED)('accepts a valid %s', (name) => {
    expect(() => validatePayloadOfType(eventType(name), payload(name))).not.toThrow();
  });

  it.each(FACTORED)('returns %s as an instance of its payload class', (name) => {
    expect(validatePayloadOfType(eventType(name), payload(name))).toBeInstanceOf(EVENTS[name].payload);
  });

  it.each<[string, Factored, (p: JsonObject) => void]>([
    ['an unknown top-level field', 'ApplicationSubmitted', (p) => (p.channel = 'mobile')],
    ['an unknown nested field', 'ApplicationSubmitted', (p) => (p.education.faculty = 'Teknik')],
    ['an unknown field in an array element', 'ScreeningDecided', (p) => (p.reasons[0].severity = 'high')],
    ['an optional field left out', 'ApplicationSubmitted', (p) => delete p.formationType],
    ['an absent interview without total', 'InterviewCompleted', (p) => ((p.outcome = 'ABSENT'), (p.total = null))],
    ['an absent SKB participant without total and rank', 'SkbResultFinalized', (p) => ((p.outcome = 'TH'), (p.total = null), (p.rank = null))],
    ['a failed SKB result with a total but no rank', 'SkbResultFinalized', (p) => ((p.outcome = 'TL'), (p.total = 41.5), (p.rank = null))],
    ['a passed SKB result with a total and a rank', 'SkbResultFinalized', (p) => ((p.outcome = 'P'), (p.total = 70), (p.rank = 9))],
    ['an age range of a single year', 'FormationPublished', (p) => ((p.requirements.minimumAge = 30), (p.requirements.maximumAge = 30))],
    ['an empty list where none is required', 'ScreeningDecided', (p) => ((p.result = 'MS'), (p.reasons = []))],
  ])('tolerates %s', (_case, name, change) => {
    expect(() => validatePayloadOfType(eventType(name), payload(name, change))).not.toThrow();
  });

  it.each<[string, Factored, (p: JsonObject) => void, string]>([
    ['a missing top-level field', 'ApplicationSubmitted', (p) => delete p.registrationNumber, 'registrationNumber'],
    ['a missing inherited field', 'ScreeningDecided', (p) => delete p.periodId, 'periodId'],
    ['a missing field of a nested object', 'FormationPublished', (p) => delete p.requirements.minimumGpa, 'requirements.minimumGpa'],
    ['a nested object that is a string', 'FormationPublished', (p) => (p.requirements = 'S1 only'), 'requirements'],
    ['a number where a string belongs', 'ApplicationSubmitted', (p) => (p.registrationNumber = 42), 'registrationNumber'],
    ['a string where a boolean belongs', 'ApplicationSubmitted', (p) => (p.declarationsAccepted = 'yes'), 'declarationsAccepted'],
    ['a string where a number belongs', 'FormationPublished', (p) => (p.quota = '4'), 'quota'],
    ['a non-UUID id', 'ScreeningDecided', (p) => (p.applicationId = 'app-1'), 'applicationId'],
    ['a value outside its enum', 'ScreeningDecided', (p) => (p.result = 'MAYBE'), 'result'],
    ['a GPA above 4 in the requirements', 'FormationPublished', (p) => (p.requirements.minimumGpa = 5), 'requirements.minimumGpa'],
    ['a nested field in a snapshot', 'ApplicationSubmitted', (p) => (p.education.gpa = 4.5), 'education.gpa'],
    ['a malformed email', 'ApplicationSubmitted', (p) => (p.applicant.email = 'siti'), 'applicant.email'],
    ['an invalid element of a nested array', 'ApplicationSubmitted', (p) => (p.documents[0].sha256 = 'abc'), 'documents.0.sha256'],
    [
      'an invalid element two levels deep',
      'FormationPublished',
      (p) => (p.requirements.documents[0].mediaType = 'image/gif'),
      'requirements.documents.0.mediaType',
    ],
    ['a negative score', 'SkbResultFinalized', (p) => (p.components[0].value = -1), 'components.0.value'],
    ['a total above 100', 'SkbResultFinalized', (p) => (p.total = 101), 'total'],
    ['an unknown tie-breaker', 'PeriodOpened', (p) => (p.tieBreakChain = ['YOUNGER']), 'tieBreakChain'],
    ['an SKB component without a weight', 'PeriodOpened', (p) => delete p.skb.components[0].weight, 'skb.components.0.weight'],
    ['an interview scale upside down', 'PeriodOpened', (p) => (p.interview.scaleMax = 0), 'interview.scaleMax'],
    ['an unknown optimalisasi scope', 'PeriodOpened', (p) => (p.placement.optimalisasiScope = 'ANY'), 'placement.optimalisasiScope'],
    ['an unknown formation type', 'FormationPublished', (p) => (p.formationType = 'UMUM'), 'formationType'],
    ['a non-ISO timestamp', 'PlacementAnnounced', (p) => (p.announcedAt = 'next monday'), 'announcedAt'],
    ['a negative count', 'PlacementAnnounced', (p) => (p.placed = -1), 'placed'],
    ['a stage weight above 100', 'PeriodOpened', (p) => (p.stageWeights.skb = 120), 'stageWeights.skb'],
    ['a missing nested object', 'FormationPublished', (p) => delete p.requirements, 'requirements'],
    ['a missing applicant snapshot', 'ApplicationSubmitted', (p) => delete p.applicant, 'applicant'],
    ['missing stage weights', 'PeriodOpened', (p) => delete p.stageWeights, 'stageWeights'],
    ['a nested object that is an array', 'ApplicationSubmitted', (p) => (p.education = [p.education]), 'education'],
    ['a missing list', 'ScreeningDecided', (p) => delete p.reasons, 'reasons'],
    ['a single object where a list belongs', 'ApplicationSubmitted', (p) => (p.documents = p.documents[0]), 'documents'],
    ['a string where a list of strings belongs', 'PeriodOpened', (p) => (p.tieBreakChain = 'skbTotal'), 'tieBreakChain'],
    ['a string where a list of education levels belongs', 'FormationPublished', (p) => (p.requirements.educationLevels = 'S1'), 'requirements.educationLevels'],
    ['an empty list of education levels', 'FormationPublished', (p) => (p.requirements.educationLevels = []), 'requirements.educationLevels'],
    ['an empty list of accepted majors', 'ApplicationSubmitted', (p) => (p.requirements.acceptedMajors = []), 'requirements.acceptedMajors'],
    ['a minimum age above the maximum age', 'FormationPublished', (p) => (p.requirements.minimumAge = 36), 'requirements.maximumAge'],
    ['a date of birth as a number', 'SkbResultFinalized', (p) => (p.dateOfBirth = 19980412), 'dateOfBirth'],
    ['a date of birth not as YYYY-MM-DD', 'SkbResultFinalized', (p) => (p.dateOfBirth = '12/04/1998'), 'dateOfBirth'],
    ['a reporting date as a number', 'CandidatePlaced', (p) => (p.reportingDate = 20270104), 'reportingDate'],
    ['a reporting date with a time', 'CandidatePlaced', (p) => (p.reportingDate = '2027-01-04T08:00:00Z'), 'reportingDate'],
    ['an inputs digest that is not 64 hex digits', 'RankingComputed', (p) => (p.inputsDigest = 'abc123'), 'inputsDigest'],
    ['an inputs digest as a number', 'RankingComputed', (p) => (p.inputsDigest = 12345), 'inputsDigest'],
    ['a scored interview without total', 'InterviewCompleted', (p) => (p.total = null), 'total'],
    ['a scored interview with the total left out', 'InterviewCompleted', (p) => delete p.total, 'total'],
    ['a P/L result without total', 'SkbResultFinalized', (p) => ((p.outcome = 'P/L'), (p.rank = 1)), 'total'],
    ['a P result without rank', 'SkbResultFinalized', (p) => ((p.outcome = 'P'), (p.total = 70)), 'rank'],
  ])('rejects %s and names the field path', (_case, name, change, field) => {
    const problems = problemsOf(eventType(name), payload(name, change));
    expect(problems.some((p) => p.startsWith(`${field}: `))).toBe(true);
  });

  it('lists every problem, not only the first', () => {
    const problems = problemsOf(
      eventType('ApplicationSubmitted'),
      payload('ApplicationSubmitted', (p) => {
        delete p.submittedAt;
        p.education.gpa = 9;
      }),
    );
    expect(problems.map((p) => p.split(':')[0])).toEqual(expect.arrayContaining(['submittedAt', 'education.gpa']));
  });

  it.each<[string, Factored, (p: JsonObject) => void, string]>([
    [
      'minimum age above maximum age',
      'FormationPublished',
      (p) => (p.requirements.minimumAge = 36),
      'requirements.maximumAge: maximumAge must not be less than minimumAge',
    ],
    ['a scored interview without total', 'InterviewCompleted', (p) => (p.total = null), 'total: total is required when the outcome is SCORED'],
    ['a P/L result without rank', 'SkbResultFinalized', (p) => ((p.outcome = 'P/L'), (p.total = 80)), 'rank: rank is required when the outcome is P/L or P'],
  ])('explains a cross-field problem: %s', (_case, name, change, problem) => {
    expect(problemsOf(eventType(name), payload(name, change))).toContain(problem);
  });

  it('names the event type and the problems in the message', () => {
    const type = eventType('PlacementAnnounced');
    const data = payload('PlacementAnnounced', (p) => delete p.placed);
    expect(() => validatePayloadOfType(type, data)).toThrow(InvalidPayloadError);
    expect(() => validatePayloadOfType(type, data)).toThrow(/^invalid id\.seleksi\.placement\.PlacementAnnounced\.v1 payload: placed: /);
  });

  it.each([
    ['an unknown event type', 'id.seleksi.screening.Nope.v1', {}, 'unknown event type id.seleksi.screening.Nope.v1'],
    ['a version that does not exist', 'id.seleksi.screening.ScreeningDecided.v2', {}, 'unknown event type id.seleksi.screening.ScreeningDecided.v2'],
    ['a null payload', eventType('PeriodClosed'), null, 'payload must be a JSON object'],
    ['an array payload', eventType('PeriodClosed'), [], 'payload must be a JSON object'],
    ['a string payload', eventType('PeriodClosed'), 'closed', 'payload must be a JSON object'],
  ])('rejects %s', (_case, type, data, problem) => {
    expect(problemsOf(type, data)).toEqual([problem]);
  });
});

describe(validatePayload.name, () => {
  it('checks a payload by event name', () => {
    expect(validatePayload('PlacementAnnounced', newPlacementAnnounced())).toMatchObject({ placed: 3, vacancies: 1 });
  });

  it('rejects an invalid payload by event name', () => {
    const invalid = { ...newPlacementAnnounced(), vacancies: -2 };
    expect(() => validatePayload('PlacementAnnounced', invalid)).toThrow(/vacancies: /);
  });
});
