import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { RequiredText } from '@seleksi/messaging';
import { PeriodParams } from '../ranking/ranking.dto';
import { OverrideRow, OverrideView, PlacementRow, PlacementView } from './allocation.repository';

export class PlacementParams extends PeriodParams {
  @ApiProperty({ format: 'uuid' }) @IsUUID() placementId!: string;
}

export class OverrideParams extends PeriodParams {
  @ApiProperty({ format: 'uuid' }) @IsUUID() overrideId!: string;
}

export class OverrideRequestDto {
  @ApiProperty({ format: 'uuid', description: 'the ranked candidate to put in this seat instead' }) @IsUUID() applicationId!: string;
  @ApiProperty({ description: 'why the proposal is overridden (kept in the audit trail)' }) @RequiredText(2000) reason!: string;
}

export class PlacementDto {
  @ApiProperty({ format: 'uuid' }) placementId!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ format: 'uuid', description: 'the formation whose seat this is' }) formationId!: string;
  @ApiProperty({ format: 'uuid', description: 'the formation the candidate was ranked in' }) sourceFormationId!: string;
  @ApiProperty({ enum: ['REGULAR', 'OPTIMALISASI', 'OVERRIDE', 'REPLACEMENT'] }) kind!: string;
  @ApiProperty({ enum: ['PROPOSED', 'CONFIRMED', 'DECLINED', 'WITHDRAWN'] }) status!: string;
  @ApiProperty({ description: 'rank in the source formation' }) rank!: number;
  @ApiProperty() finalScore!: number;
  @ApiProperty({ description: 'why this candidate has this seat' }) why!: string;
}

/** A placement in the officers' list: who (participant number), when, and what a replacement replaced. */
export class PlacementListItemDto extends PlacementDto {
  @ApiProperty({ nullable: true, type: String, description: 'the SKB participant number' }) participantNumber!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) confirmedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) declinedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "the applicant's reason for declining" }) declineReason!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'for a REPLACEMENT: the declined placement whose seat it took' })
  replacesPlacementId!: string | null;
}

export class ProposalResponseDto {
  @ApiProperty({ format: 'uuid' }) proposalId!: string;
  @ApiProperty({ type: [PlacementDto] }) placements!: PlacementDto[];
}

export class OverrideDto {
  @ApiProperty({ format: 'uuid' }) overrideId!: string;
  @ApiProperty({ format: 'uuid' }) placementId!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'uuid' }) requestedBy!: string;
  @ApiProperty({ enum: ['PENDING', 'APPLIED'] }) status!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) approvedBy!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) newPlacementId!: string | null;
}

export class OverrideQuery {
  @ApiProperty({ required: false, enum: ['PENDING', 'APPLIED'], description: 'PENDING: waiting for a second officer (the approval queue)' })
  @IsOptional()
  @IsIn(['PENDING', 'APPLIED'])
  status?: 'PENDING' | 'APPLIED';
}

/** An override as the approval queue lists it. */
export class OverrideItemDto extends OverrideDto {
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ nullable: true, type: String }) approvedAt!: string | null;
  @ApiProperty({ description: 'asked for by the caller, who therefore cannot approve it' }) requestedByMe!: boolean;
  @ApiProperty({ format: 'uuid', description: 'the seat' }) formationId!: string;
  @ApiProperty({ format: 'uuid', description: 'the proposed candidate the override takes the seat from' }) displacedApplicationId!: string;
  @ApiProperty({ nullable: true, type: String }) participantNumber!: string | null;
  @ApiProperty({ nullable: true, type: String }) displacedParticipantNumber!: string | null;
}

export class AnnouncementDto {
  @ApiProperty({ format: 'uuid' }) periodId!: string;
  @ApiProperty() announcedAt!: string;
  @ApiProperty() placed!: number;
  @ApiProperty({ description: "seats left empty across the period's formations" }) vacancies!: number;
}

export function mapPlacement(p: PlacementRow): PlacementDto {
  return {
    placementId: p.placementId,
    applicationId: p.applicationId,
    formationId: p.formationId,
    sourceFormationId: p.sourceFormationId,
    kind: p.kind,
    status: p.status,
    rank: p.rank,
    finalScore: Number(p.finalScore),
    why: p.why,
  };
}

export function mapOverride(o: OverrideRow): OverrideDto {
  return {
    overrideId: o.overrideId,
    placementId: o.placementId,
    applicationId: o.applicationId,
    reason: o.reason,
    requestedBy: o.requestedBy,
    status: o.status,
    approvedBy: o.approvedBy,
    newPlacementId: o.newPlacementId,
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function mapPlacementItem(p: PlacementView): PlacementListItemDto {
  return {
    ...mapPlacement(p),
    participantNumber: p.participantNumber,
    createdAt: p.createdAt.toISOString(),
    confirmedAt: iso(p.confirmedAt),
    declinedAt: iso(p.declinedAt),
    declineReason: p.declineReason,
    replacesPlacementId: p.replacesPlacementId,
  };
}

export function mapOverrideItem(o: OverrideView, callerId: string): OverrideItemDto {
  return {
    ...mapOverride(o),
    requestedAt: o.requestedAt.toISOString(),
    approvedAt: iso(o.approvedAt),
    requestedByMe: o.requestedBy === callerId,
    formationId: o.formationId,
    displacedApplicationId: o.displacedApplicationId,
    participantNumber: o.participantNumber,
    displacedParticipantNumber: o.displacedParticipantNumber,
  };
}
