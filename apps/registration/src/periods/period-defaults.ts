import { DocumentRequirement, InterviewRules, PlacementRules, SkbRules, StageWeights, TieBreaker } from '@seleksi/contracts';

/**
 * The defaults of domain.md for a new period. They are copied into the period when it is created
 * and travel with it from then on; no rule is read from here after that.
 */
export const PERIOD_DEFAULTS = {
  appealFilingDays: 3,
  appealAnsweringDays: 7,
  stageWeights: { skb: 60, interview: 40 } satisfies StageWeights,
  tieBreakChain: ['HIGHER_SKB', 'HIGHER_CAT', 'HIGHER_GPA', 'OLDER'] satisfies TieBreaker[],
  skb: {
    components: [
      { component: 'cat', label: 'CAT', source: 'IMPORT', weight: 60, maxScore: 500, passingGrade: 250 },
      { component: 'practical', label: 'Tes praktik', source: 'MANUAL', weight: 40, maxScore: 100, passingGrade: 60 },
    ],
    totalPassingGrade: 60,
    proceedFactor: 3,
    disabilityExtraMinutes: 30,
  } satisfies SkbRules,
  interview: { scaleMin: 1, scaleMax: 5, calibrationThreshold: 2, minimumPanelSize: 3 } satisfies InterviewRules,
  placementRules: { optimalisasiScope: 'POSITION_AND_EDUCATION', overrideNeedsSecondApproval: true } satisfies Omit<PlacementRules, 'reportingDate'>,
};

const KB = 1024;

/**
 * Default required documents of domain.md: type, format, maximum size. "Other supporting" documents
 * (PDF, 800 KB) are added by a formation that wants them: every listed document is required.
 */
export const DEFAULT_DOCUMENTS: DocumentRequirement[] = [
  { type: 'pas-foto', mediaType: 'image/jpeg', maxBytes: 200 * KB },
  { type: 'ktp', mediaType: 'image/jpeg', maxBytes: 200 * KB },
  { type: 'surat-lamaran', mediaType: 'application/pdf', maxBytes: 300 * KB },
  { type: 'ijazah', mediaType: 'application/pdf', maxBytes: 800 * KB },
  { type: 'transkrip', mediaType: 'application/pdf', maxBytes: 500 * KB },
];

export const DEFAULT_AGE_RANGE = { minimumAge: 18, maximumAge: 35 };
