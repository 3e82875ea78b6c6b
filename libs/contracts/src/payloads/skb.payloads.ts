import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsNumber, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { ApplicationScoped, Score } from './common';

export const SKB_OUTCOMES = ['P/L', 'P', 'TL', 'TH', 'DIS'] as const;

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
  @ValidateNested({ each: true }) @Type(() => Score) scores!: Score[];
  @IsIn(['SCORED', 'TH', 'DIS']) attendance!: string;
}

export class SkbResultFinalized extends ApplicationScoped {
  @IsString() @IsNotEmpty() participantNumber!: string;
  @ValidateNested({ each: true }) @Type(() => Score) components!: Score[];
  @IsOptional() @IsNumber() @Min(0) @Max(100) total!: number | null;
  @IsIn(SKB_OUTCOMES) outcome!: string;
  @IsOptional() @IsInt() @Min(1) rank!: number | null;
  @IsBoolean() proceeds!: boolean;
  @IsNumber() @Min(0) @Max(4) gpa!: number;
  @Type(() => String) @IsString() dateOfBirth!: string;
  @IsString() @IsNotEmpty() kkDigest!: string;
}
