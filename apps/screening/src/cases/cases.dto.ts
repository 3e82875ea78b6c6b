import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { OptionalText } from '@seleksi/messaging';
import { CaseRow } from './cases.repository';

export const MAX_BULK_DECISION = 10_000;

export class DecisionDto {
  @ApiProperty({ enum: ['MS', 'TMS'] }) @IsIn(['MS', 'TMS']) result!: 'MS' | 'TMS';
  @ApiPropertyOptional({ type: [String], description: 'Codes from GET /reasons; at least one for TMS, none for MS', example: ['GPA_BELOW_MINIMUM'] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  reasonCodes?: string[];
  @ApiPropertyOptional({ maxLength: 2000 }) @OptionalText(2000) note?: string;
}

export class BulkDecisionDto extends DecisionDto {
  @ApiProperty({ type: [String], maxItems: MAX_BULK_DECISION })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_BULK_DECISION)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  applicationIds!: string[];
}

export class QueueQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsString() cursor?: string;
  @ApiPropertyOptional({ default: 50, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}

export class ReasonGivenDto {
  @ApiProperty() code!: string;
  @ApiProperty() label!: string;
  @ApiPropertyOptional() note?: string;
}

export class CheckDto {
  @ApiProperty({ example: 'AGE_MAXIMUM' }) ruleId!: string;
  @ApiProperty() ruleVersion!: string;
  @ApiProperty({ enum: ['BLOCKING', 'WARNING'] }) severity!: string;
  @ApiProperty({ description: 'The fact from the submission the rule used' }) fact!: unknown;
  @ApiProperty({ description: 'What the rule required' }) expected!: unknown;
  @ApiProperty({ nullable: true, type: Boolean, description: 'null when it could not be evaluated yet' }) passed!: boolean | null;
}

export class QueueItemDto {
  @ApiProperty() applicationId!: string;
  @ApiProperty() periodId!: string;
  @ApiProperty() formationId!: string;
  @ApiProperty() registrationNumber!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ nullable: true, enum: ['MS', 'TMS'] }) recommendation!: string | null;
  @ApiProperty() openedAt!: string;
}

export class QueuePageDto {
  @ApiProperty({ type: [QueueItemDto] }) items!: QueueItemDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class CaseDetailDto extends QueueItemDto {
  @ApiProperty({ enum: ['PENDING', 'DECIDED', 'FINALIZED'] }) status!: string;
  @ApiProperty() ruleVersion!: string;
  @ApiProperty({ description: 'The application as submitted: applicant, education, document references, NIK warnings, requirements' })
  submission!: unknown;
  @ApiProperty({ type: [CheckDto] }) checks!: CheckDto[];
  @ApiProperty({ nullable: true, type: String }) assignedTo!: string | null;
  @ApiProperty({ nullable: true, enum: ['MS', 'TMS'] }) result!: string | null;
  @ApiProperty({ type: [ReasonGivenDto] }) reasons!: ReasonGivenDto[];
  @ApiProperty({ nullable: true, type: String }) decidedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt!: string | null;
}

export class DecisionResultDto {
  @ApiProperty({ type: [String] }) applicationIds!: string[];
  @ApiProperty({ enum: ['MS', 'TMS'] }) result!: string;
  @ApiProperty({ type: [ReasonGivenDto] }) reasons!: ReasonGivenDto[];
  @ApiProperty() decidedAt!: string;
}

export function mapQueueItem(row: CaseRow): QueueItemDto {
  return {
    applicationId: row.application_id,
    periodId: row.period_id,
    formationId: row.formation_id,
    registrationNumber: row.submission.registrationNumber,
    fullName: row.submission.applicant.fullName,
    recommendation: row.recommendation,
    openedAt: new Date(row.created_at).toISOString(),
  };
}

export function mapCaseDetail(row: CaseRow): CaseDetailDto {
  return {
    ...mapQueueItem(row),
    status: row.status,
    ruleVersion: row.rule_version,
    submission: row.submission,
    checks: row.checks,
    assignedTo: row.assigned_to,
    result: row.result,
    reasons: row.reasons,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
  };
}
