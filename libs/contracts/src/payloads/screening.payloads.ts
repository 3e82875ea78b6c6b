import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ApplicationScoped, HandoverCount, PeriodScoped } from './common';

export const SCREENING_RESULTS = ['MS', 'TMS'] as const;

export class ScreeningReason {
  @IsString() @IsNotEmpty() code!: string;
  @IsString() @IsNotEmpty() label!: string;
  @IsOptional() @IsString() note?: string;
}

export class ScreeningDecided extends ApplicationScoped {
  @IsIn(SCREENING_RESULTS) result!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ScreeningReason) reasons!: ScreeningReason[];
  @IsUUID() decidedBy!: string;
  @IsISO8601() decidedAt!: string;
}

export class AdministrativeResultsAnnounced extends PeriodScoped {
  @IsISO8601() announcedAt!: string;
  @IsISO8601() appealFilingClosesAt!: string;
  @IsISO8601() appealAnsweringClosesAt!: string;
  @IsInt() @Min(0) eligible!: number;
  @IsInt() @Min(0) ineligible!: number;
}

export class AppealFiled extends ApplicationScoped {
  @IsUUID() appealId!: string;
  @IsISO8601() filedAt!: string;
  @IsISO8601() answerDueAt!: string;
}

export class AppealResolved extends ApplicationScoped {
  @IsUUID() appealId!: string;
  @IsIn(['UPHELD', 'REJECTED']) resolution!: string;
  @IsString() @IsNotEmpty() reason!: string;
  @IsIn(SCREENING_RESULTS) resultingResult!: string;
  @IsISO8601() resolvedAt!: string;
}

export class ScreeningFinalized extends ApplicationScoped {
  @IsIn(SCREENING_RESULTS) result!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ScreeningReason) reasons!: ScreeningReason[];
  @IsISO8601() finalizedAt!: string;
  /** Carried forward so SKB can show the exam card and later stages can rank, without asking registration. */
  @IsUUID() applicantId!: string;
  @IsString() @IsNotEmpty() fullName!: string;
  @IsString() @IsNotEmpty() registrationNumber!: string;
  /** The pas-foto document printed as a reference on the exam card, when one was submitted. */
  @IsOptional() @IsUUID() photoDocumentId!: string | null;
  @IsNumber() @Min(0) @Max(4) gpa!: number;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) dateOfBirth!: string;
  @IsString() @IsNotEmpty() kkDigest!: string;
}

/**
 * The hand-over to skb, written after every ScreeningFinalized of the period: the MS applications
 * per formation (every formation screening knows, 0 for none) with a digest of their ids. Skb
 * allocates seats and finalizes results only when it holds exactly these participants.
 */
export class ScreeningPeriodFinalized extends PeriodScoped {
  @IsISO8601() finalizedAt!: string;
  @IsInt() @Min(0) finalized!: number;
  @IsInt() @Min(0) eligible!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => HandoverCount) eligibleByFormation!: HandoverCount[];
}
