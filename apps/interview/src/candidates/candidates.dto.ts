import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { SheetDto } from '../scoring/scoring.dto';
import { CandidateAdminRow } from './candidates.repository';

export const CANDIDATE_STATUSES = ['WAITING', 'ASSIGNED', 'UNPLACED', 'COMPLETED', 'ABSENT'] as const;

export class CandidateQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() periodId!: string;
  @ApiPropertyOptional({ enum: CANDIDATE_STATUSES, description: 'UNPLACED lists candidates no panel can score (conflicts).' })
  @IsOptional()
  @IsIn(CANDIDATE_STATUSES)
  status?: string;
}

export class CandidateAdminDto {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ format: 'uuid' }) formationId!: string;
  @ApiProperty() participantNumber!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) panelId!: string | null;
  @ApiProperty({ enum: CANDIDATE_STATUSES }) status!: string;
  @ApiProperty({ nullable: true, type: String }) unplacedReason!: string | null;
  @ApiProperty({ nullable: true, type: Number }) total!: number | null;
}

export const mapCandidateAdmin = (r: CandidateAdminRow): CandidateAdminDto => ({
  applicationId: r.applicationId,
  formationId: r.formationId,
  participantNumber: r.participantNumber,
  panelId: r.panelId,
  status: r.status,
  unplacedReason: r.unplacedReason,
  total: r.total,
});

export class RecusalDto {
  @ApiProperty({ format: 'uuid' }) panelistId!: string;
  @ApiProperty({ enum: ['DECLARED', 'KK_MATCH'] }) source!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

/** The admin's full view of one candidate's interview: placement, recusals and every sheet. */
export class CandidateDetailDto extends CandidateAdminDto {
  @ApiProperty({ type: RecusalDto, isArray: true }) recusals!: RecusalDto[];
  @ApiProperty({ type: SheetDto, isArray: true }) sheets!: SheetDto[];
}
