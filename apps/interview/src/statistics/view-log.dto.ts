import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

export const VIEW_ACTIONS = ['LIST_CANDIDATES', 'VIEW_CANDIDATE', 'VIEW_PANEL_SCORES'] as const;

export class ViewLogQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'only what this staff member viewed' }) @IsOptional() @IsUUID() viewerId?: string;
  @ApiPropertyOptional({ enum: VIEW_ACTIONS }) @IsOptional() @IsIn(VIEW_ACTIONS) action?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'only views that showed this application' }) @IsOptional() @IsUUID() applicationId?: string;
  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z', description: 'at or after this instant' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ example: '2026-12-31T23:59:59Z', description: 'before this instant' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'cursor is not one this API gave out' })
  cursor?: string;
  @ApiPropertyOptional({ default: 50, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}

export class ViewLogEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ format: 'uuid' }) viewerId!: string;
  @ApiProperty({ example: 'panelist' }) viewerRole!: string;
  @ApiProperty({ enum: VIEW_ACTIONS }) action!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) panelId!: string | null;
  @ApiProperty({ type: [String], description: 'the applications the view showed' }) applicationIds!: string[];
}

export class ViewLogPageDto {
  @ApiProperty({ type: [ViewLogEntryDto], description: 'oldest first' }) items!: ViewLogEntryDto[];
  @ApiProperty({ nullable: true, type: String, description: 'pass as cursor for the next page; null on the last' }) nextCursor!: string | null;
}
