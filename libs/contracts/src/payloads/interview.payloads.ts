import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { ApplicationScoped } from './common';

export class InterviewScheduled extends ApplicationScoped {
  @IsString() @IsNotEmpty() participantNumber!: string;
  @IsUUID() panelId!: string;
  @IsISO8601() startsAt!: string;
  @IsISO8601() endsAt!: string;
  @IsString() @IsNotEmpty() place!: string;
}

export class CriterionMean {
  @IsString() @IsNotEmpty() criterion!: string;
  @IsNumber() @Min(0) weight!: number;
  @IsNumber() @Min(0) mean!: number;
}

export class InterviewCompleted extends ApplicationScoped {
  @IsString() @IsNotEmpty() participantNumber!: string;
  @IsIn(['SCORED', 'ABSENT']) outcome!: string;
  @IsOptional() @IsNumber() @Min(0) @Max(100) total!: number | null;
  @ValidateNested({ each: true }) @Type(() => CriterionMean) criteria!: CriterionMean[];
  @IsString() @IsNotEmpty() rubricVersion!: string;
  @IsISO8601() completedAt!: string;
}
