import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsNumber, IsString, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ApplicationScoped, PeriodScoped } from './common';

export class RankedCandidate {
  @IsUUID() applicationId!: string;
  @IsInt() @Min(1) rank!: number;
  @IsNumber() @Min(0) @Max(100) finalScore!: number;
}

export class RankingComputed extends PeriodScoped {
  @IsUUID() formationId!: string;
  @IsISO8601() computedAt!: string;
  @Matches(/^[0-9a-f]{64}$/) inputsDigest!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => RankedCandidate) ranking!: RankedCandidate[];
}

export class PlacementProposed extends ApplicationScoped {
  @IsUUID() proposalId!: string;
  @IsIn(['REGULAR', 'OPTIMALISASI', 'OVERRIDE']) kind!: string;
  /** Applicant-facing: an override's reason and the applicant it displaced stay with the officers. */
  @IsString() @IsNotEmpty() why!: string;
  @IsInt() @Min(1) rank!: number;
}

export class CandidatePlaced extends ApplicationScoped {
  @IsString() @IsNotEmpty() position!: string;
  @IsString() @IsNotEmpty() unit!: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) reportingDate!: string;
  @IsIn(['REGULAR', 'OPTIMALISASI', 'OVERRIDE', 'REPLACEMENT']) kind!: string;
  @IsNumber() @Min(0) @Max(100) finalScore!: number;
}

export class PlacementDeclined extends ApplicationScoped {
  @IsISO8601() declinedAt!: string;
  @IsString() @IsNotEmpty() reason!: string;
}

export class PlacementAnnounced extends PeriodScoped {
  @IsISO8601() announcedAt!: string;
  @IsInt() @Min(0) placed!: number;
  @IsInt() @Min(0) vacancies!: number;
}
