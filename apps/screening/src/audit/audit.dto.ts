import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { AUDIT_ACTIONS } from './audit.repository';
import { Type } from 'class-transformer';
import { AuditRow } from './audit.repository';

export class AuditQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() periodId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() applicationId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS }) @IsOptional() @IsIn(AUDIT_ACTIONS) action?: string;
  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z', description: 'at or after this instant' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ example: '2026-12-31T23:59:59Z', description: 'before this instant' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsString() cursor?: string;
  @ApiPropertyOptional({ default: 100, maximum: 1000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
}

export class AuditEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty() at!: string;
  @ApiProperty() actorId!: string;
  @ApiProperty({ example: 'CASE_DECIDED' }) action!: string;
  @ApiProperty({ nullable: true, type: String }) applicationId!: string | null;
  @ApiProperty({ nullable: true, type: String }) periodId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items!: AuditEntryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export function mapAudit(row: AuditRow): AuditEntryDto {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    actorId: row.actor_id,
    action: row.action,
    applicationId: row.application_id,
    periodId: row.period_id,
    details: row.details,
  };
}
