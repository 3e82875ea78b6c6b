import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  ApplicationScoped,
  EDUCATION_LEVELS,
  FORMATION_TYPES,
  FormationRequirements,
  HandoverCount,
  IsNotLessThanField,
  PeriodScoped,
  TIME_ZONES,
  AgencyTimeZone,
} from './common';

export class StageWeights {
  @IsNumber() @Min(0) @Max(100) skb!: number;
  @IsNumber() @Min(0) @Max(100) interview!: number;
}

/** How ties on the final score are broken, in the order the period lists them. */
export const TIE_BREAKERS = ['HIGHER_SKB', 'HIGHER_CAT', 'HIGHER_GPA', 'OLDER'] as const;
export type TieBreaker = (typeof TIE_BREAKERS)[number];

/** One SKB test component, e.g. CAT (imported from the testing system) or a practical test (entered by officers). */
export class SkbComponentRule {
  @Matches(/^[a-z][a-z0-9-]*$/) component!: string;
  @IsString() @IsNotEmpty() label!: string;
  @IsIn(['IMPORT', 'MANUAL']) source!: string;
  /** Percent of the SKB total; the components of a period add up to 100. */
  @IsNumber() @Min(0) @Max(100) weight!: number;
  /** Raw scores run from 0 to this; the total is normalised to 0–100. */
  @IsNumber() @Min(1) maxScore!: number;
  /** Minimum raw score to pass this component. */
  @IsNumber() @Min(0) passingGrade!: number;
}

export class SkbRules {
  @IsArray() @ArrayNotEmpty() @ValidateNested({ each: true }) @Type(() => SkbComponentRule) components!: SkbComponentRule[];
  /** Minimum normalised total (0–100) to pass. */
  @IsNumber() @Min(0) @Max(100) totalPassingGrade!: number;
  /** The top (factor × quota) of a formation proceed to the interview; ties at the cut-off proceed too. */
  @IsNumber() @Min(1) proceedFactor!: number;
  /** Extra minutes per session for participants of disability formations. */
  @IsInt() @Min(0) disabilityExtraMinutes!: number;
}

export class InterviewRules {
  /** Anchored scale of every criterion, e.g. 1–5. */
  @IsInt() @Min(0) scaleMin!: number;
  @IsInt() @Min(1) @IsNotLessThanField('scaleMin') scaleMax!: number;
  /** Panelists differing on a criterion by more than this many points need a calibration note. */
  @IsNumber() @Min(0) calibrationThreshold!: number;
  /** A panel with fewer non-recused panelists than this cannot score a candidate. */
  @IsInt() @Min(1) minimumPanelSize!: number;
}

export const OPTIMALISASI_SCOPES = ['POSITION_AND_EDUCATION', 'POSITION', 'NONE'] as const;

export class PlacementRules {
  /** Which formations' candidates may fill an empty seat. */
  @IsIn(OPTIMALISASI_SCOPES) optimalisasiScope!: string;
  /** Whether an override needs a second placement officer's approval. */
  @IsBoolean() overrideNeedsSecondApproval!: boolean;
  /** The day placed candidates report for duty (and the last day to decline). */
  @Matches(/^\d{4}-\d{2}-\d{2}$/) reportingDate!: string;
}

/**
 * A period's whole rule set, frozen when it opens: every stage reads its rules from here and stamps
 * its outcomes with `ruleVersion`.
 */
export class PeriodOpened extends PeriodScoped {
  @IsString() @IsNotEmpty() agencyName!: string;
  @IsIn(TIME_ZONES) timeZone!: AgencyTimeZone;
  @IsISO8601() registrationOpensAt!: string;
  @IsISO8601() registrationClosesAt!: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) ageReferenceDate!: string;
  @IsInt() @Min(1) appealFilingDays!: number;
  @IsInt() @Min(1) appealAnsweringDays!: number;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => StageWeights) stageWeights!: StageWeights;
  @IsArray() @IsIn(TIE_BREAKERS, { each: true }) tieBreakChain!: string[];
  @IsDefined() @IsObject() @ValidateNested() @Type(() => SkbRules) skb!: SkbRules;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => InterviewRules) interview!: InterviewRules;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => PlacementRules) placement!: PlacementRules;
}

/**
 * The hand-over to screening: every application submitted in the period, counted per formation with
 * a digest of the ids. Screening announces only when it holds exactly this set.
 */
export class PeriodClosed extends PeriodScoped {
  @IsISO8601() closedAt!: string;
  @IsInt() @Min(0) submittedApplications!: number;
  /** Every formation of the period, including those nobody applied to (count 0). Optional for events written before it existed. */
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => HandoverCount) byFormation?: HandoverCount[];
}

export class FormationPublished extends PeriodScoped {
  @IsUUID() formationId!: string;
  @IsString() @IsNotEmpty() code!: string;
  @IsString() @IsNotEmpty() position!: string;
  @IsString() @IsNotEmpty() unit!: string;
  @IsIn(FORMATION_TYPES) formationType!: string;
  @IsInt() @Min(0) quota!: number;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => FormationRequirements) requirements!: FormationRequirements;
}

export class FormationQuotaChanged extends PeriodScoped {
  @IsUUID() formationId!: string;
  @IsInt() @Min(0) previousQuota!: number;
  @IsInt() @Min(0) quota!: number;
  @IsString() @IsNotEmpty() reason!: string;
  @IsUUID() changedBy!: string;
}

/** The applicant as submitted; no secrets (NIK and KK travel only as their region-free hash). */
export class ApplicantSnapshot {
  @IsUUID() applicantId!: string;
  @IsString() @IsNotEmpty() fullName!: string;
  @IsString() @IsNotEmpty() placeOfBirth!: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) dateOfBirth!: string;
  @IsIn(['F', 'M']) gender!: string;
  @IsEmail() email!: string;
  @Matches(/^\+62\d{8,13}$/) phone!: string;
  /** HMAC of the KK number, so other services can detect shared families without the number. */
  @IsString() @IsNotEmpty() kkDigest!: string;
}

export class EducationSnapshot {
  @IsIn(EDUCATION_LEVELS) level!: string;
  @IsString() @IsNotEmpty() institution!: string;
  @IsString() @IsNotEmpty() major!: string;
  @IsString() @IsNotEmpty() accreditation!: string;
  @IsNumber() @Min(0) @Max(4) gpa!: number;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) graduationDate!: string;
}

export class DocumentReference {
  @IsString() @IsNotEmpty() type!: string;
  @IsUUID() documentId!: string;
  @IsString() @IsNotEmpty() mediaType!: string;
  @IsInt() @Min(0) sizeBytes!: number;
  @Matches(/^[0-9a-f]{64}$/) sha256!: string;
}

export class NikWarning {
  @IsString() @IsNotEmpty() code!: string;
  @IsString() @IsNotEmpty() message!: string;
}

export class ApplicationSubmitted extends ApplicationScoped {
  @IsString() @IsNotEmpty() registrationNumber!: string;
  @IsISO8601() submittedAt!: string;
  @Matches(/^[0-9a-f]{64}$/) submissionHash!: string;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ApplicantSnapshot) applicant!: ApplicantSnapshot;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => EducationSnapshot) education!: EducationSnapshot;
  @IsArray() @ValidateNested({ each: true }) @Type(() => DocumentReference) documents!: DocumentReference[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => NikWarning) nikWarnings!: NikWarning[];
  @IsDefined() @IsObject() @ValidateNested() @Type(() => FormationRequirements) requirements!: FormationRequirements;
  @IsBoolean() declarationsAccepted!: boolean;
  @IsOptional() @IsString() formationType?: string;
}
