import { Type } from 'class-transformer';
import { IsArray, IsIn, IsISO8601, IsNotEmpty, IsNumber, IsString, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { ApplicationScoped, RequiredWhen } from './common';

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
  @RequiredWhen((p: InterviewCompleted) => p.outcome === 'SCORED', 'the outcome is SCORED')
  @IsNumber()
  @Min(0)
  @Max(100)
  total!: number | null;
  @IsArray() @ValidateNested({ each: true }) @Type(() => CriterionMean) criteria!: CriterionMean[];
  @IsString() @IsNotEmpty() rubricVersion!: string;
  @IsISO8601() completedAt!: string;
}
