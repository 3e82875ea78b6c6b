import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsNumber, IsString, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ApplicationScoped, HandoverCount, PeriodScoped, RequiredWhen, Score } from './common';

export const SKB_OUTCOMES = ['P/L', 'P', 'TL', 'TH', 'DIS'] as const;

/** Passed (ranked in or not): such a result has a total and a rank. */
const passed = (result: SkbResultFinalized) => result.outcome === 'P/L' || result.outcome === 'P';

export class ParticipantScheduled extends ApplicationScoped {
  @IsString() @IsNotEmpty() participantNumber!: string;
  @IsISO8601() startsAt!: string;
  @IsString() @IsNotEmpty() session!: string;
  @IsString() @IsNotEmpty() venue!: string;
  @IsString() @IsNotEmpty() room!: string;
  @IsInt() @Min(0) extraMinutes!: number;
}

export class SkbScoresRecorded extends ApplicationScoped {
  @IsString() @IsNotEmpty() participantNumber!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => Score) scores!: Score[];
  @IsIn(['SCORED', 'TH', 'DIS']) attendance!: string;
}

export class SkbResultFinalized extends ApplicationScoped {
  @IsUUID() applicantId!: string;
  @IsString() @IsNotEmpty() participantNumber!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => Score) components!: Score[];
  @RequiredWhen(passed, 'the outcome is P/L or P') @IsNumber() @Min(0) @Max(100) total!: number | null;
  @IsIn(SKB_OUTCOMES) outcome!: string;
  @RequiredWhen(passed, 'the outcome is P/L or P') @IsInt() @Min(1) rank!: number | null;
  @IsBoolean() proceeds!: boolean;
  @IsNumber() @Min(0) @Max(4) gpa!: number;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) dateOfBirth!: string;
  @IsString() @IsNotEmpty() kkDigest!: string;
}

/**
 * The hand-over to interview and placement, written in the finalization's transaction after every
 * SkbResultFinalized of the period. Per formation (every formation skb knows, 0 for none):
 * `resultsByFormation` counts every result (placement ranks and explains all of them) and
 * `proceedingByFormation` the results that go on to the interview (P/L with `proceeds`), each with
 * a digest of their ids. Interview schedules and completes the period, and placement ranks, only
 * when they hold exactly these.
 */
export class SkbPeriodFinalized extends PeriodScoped {
  @IsISO8601() finalizedAt!: string;
  @IsInt() @Min(0) results!: number;
  @IsInt() @Min(0) proceeding!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => HandoverCount) resultsByFormation!: HandoverCount[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => HandoverCount) proceedingByFormation!: HandoverCount[];
}
