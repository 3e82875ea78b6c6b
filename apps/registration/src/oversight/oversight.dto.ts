import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export class AuditSearchQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'only what this staff member did' }) @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional({ example: 'account.', description: 'actions starting with this (account.nik-released, document.viewed, …)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;
  @ApiPropertyOptional({ description: 'the thing acted on: an account, document or formation id' }) @IsOptional() @IsString() @MaxLength(100) subject?: string;
  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z', description: 'at or after this instant' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ example: '2026-12-31T23:59:59Z', description: 'before this instant' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'cursor is not one this API gave out' })
  cursor?: string;
  @ApiPropertyOptional({ default: 50, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}

export class AuditEntryResponse {
  @ApiProperty() id!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ nullable: true, type: String, description: 'the staff member who acted; null for the system' }) actorId!: string | null;
  @ApiProperty({ example: 'account.nik-released' }) action!: string;
  @ApiProperty({ description: 'what was acted on (account, document or formation id)' }) subject!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the reason, evidence and changes; never a NIK in clear' }) details!: Record<
    string,
    unknown
  >;
}

export class AuditPageResponse {
  @ApiProperty({ type: [AuditEntryResponse], description: 'oldest first' }) items!: AuditEntryResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'pass as cursor for the next page; null on the last' }) nextCursor!: string | null;
}

export class FormationApplicationCountsResponse {
  @ApiProperty({ format: 'uuid' }) formationId!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ description: 'applications started for this formation (drafts and submitted)' }) applied!: number;
  @ApiProperty({ description: 'applications submitted' }) submitted!: number;
}
