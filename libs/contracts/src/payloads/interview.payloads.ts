import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsNumber, IsString, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { ApplicationScoped, HandoverCount, PeriodScoped, RequiredWhen } from './common';

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

/**
 * The hand-over to placement: the admin completes a period's interviews once every candidate skb
 * handed on is completed (scored or absent). Per formation (every formation interview knows, 0 for
 * none), the applications with an InterviewCompleted and a digest of their ids, written after the
 * last of them. Placement ranks only when it holds exactly these interview results.
 */
export class InterviewPeriodCompleted extends PeriodScoped {
  @IsISO8601() completedAt!: string;
  @IsInt() @Min(0) completed!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => HandoverCount) completedByFormation!: HandoverCount[];
}
