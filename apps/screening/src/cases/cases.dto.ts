import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { OptionalText } from '@seleksi/messaging';
import { CaseRow, QueueFormationRow } from './cases.repository';
import { mapSubmission, SubmissionDto } from './submission.dto';

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

/** The automatic checks' recommendation as a queue filter; NONE: a blocking check could not run yet. */
export const QUEUE_RECOMMENDATIONS = ['MS', 'TMS', 'NONE'] as const;
export type QueueRecommendation = (typeof QUEUE_RECOMMENDATIONS)[number];

export class QueueQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page (asked with the same filters)' }) @IsOptional() @IsString() cursor?: string;
  @ApiPropertyOptional({ default: 50, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the cases of this formation' }) @IsOptional() @IsUUID() formationId?: string;
  @ApiPropertyOptional({
    enum: QUEUE_RECOMMENDATIONS,
    description: "Only the cases the automatic checks recommend so; NONE: a blocking check could not run yet (the period's reference date is unknown)",
  })
  @IsOptional()
  @IsIn(QUEUE_RECOMMENDATIONS)
  recommendation?: QueueRecommendation;
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

/** A formation the verifier has undecided cases in: the queue's formation filter offers these. */
export class QueueFormationDto {
  @ApiProperty() formationId!: string;
  @ApiProperty() periodId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null until screening has heard the formation published' }) code!: string | null;
  @ApiProperty({ nullable: true, type: String }) position!: string | null;
  @ApiProperty({ description: 'My undecided cases of this formation' }) remaining!: number;
}

export class QueuePageDto {
  @ApiProperty({ type: [QueueItemDto] }) items!: QueueItemDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
  @ApiProperty({ description: 'My undecided cases that match the filters, on all pages' }) remaining!: number;
  @ApiProperty({ type: [QueueFormationDto], description: 'Every formation I have undecided cases in, whatever the filters' }) formations!: QueueFormationDto[];
}

export class DocumentGrantDto {
  @ApiProperty() documentId!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ description: "Sent as x-document-grant to registration's GET /staff/documents/{documentId}" }) grant!: string;
  @ApiProperty() expiresAt!: string;
}

export class CaseDetailDto extends QueueItemDto {
  @ApiProperty({ enum: ['PENDING', 'DECIDED', 'FINALIZED'] }) status!: string;
  @ApiProperty() ruleVersion!: string;
  @ApiProperty({ type: SubmissionDto, description: 'The application as submitted: applicant, education, document references, NIK warnings, requirements' })
  submission!: SubmissionDto;
  @ApiProperty({ type: [CheckDto] }) checks!: CheckDto[];
  @ApiProperty({ nullable: true, type: String }) assignedTo!: string | null;
  @ApiProperty({ nullable: true, enum: ['MS', 'TMS'] }) result!: string | null;
  @ApiProperty({ type: [ReasonGivenDto] }) reasons!: ReasonGivenDto[];
  @ApiProperty({ nullable: true, type: String }) decidedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt!: string | null;
  @ApiProperty({ type: [DocumentGrantDto], description: 'One grant per submitted document, for the viewer only, to open it at registration' })
  documentGrants!: DocumentGrantDto[];
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

export function mapQueueFormation(row: QueueFormationRow): QueueFormationDto {
  return { formationId: row.formation_id, periodId: row.period_id, code: row.code, position: row.position, remaining: row.remaining };
}

export function mapCaseDetail(row: CaseRow, documentGrants: DocumentGrantDto[]): CaseDetailDto {
  return {
    ...mapQueueItem(row),
    status: row.status,
    ruleVersion: row.rule_version,
    submission: mapSubmission(row.submission),
    checks: row.checks,
    assignedTo: row.assigned_to,
    result: row.result,
    reasons: row.reasons,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    documentGrants,
  };
}
