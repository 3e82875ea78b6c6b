import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const STUCK_REASONS = ['AWAITING_SUBMISSIONS', 'AWAITING_ASSIGNMENT', 'AWAITING_VERIFIER', 'AWAITING_APPEAL_ANSWER'] as const;

export class FormationHandoverDto {
  @ApiProperty({ format: 'uuid' }) formationId!: string;
  @ApiProperty({ description: 'Applications registration counted at the close' }) expected!: number;
  @ApiProperty({ description: 'Cases screening holds' }) received!: number;
  @ApiProperty() missing!: number;
  @ApiProperty({ description: 'False when the ids differ from those registration counted' }) digestMatches!: boolean;
}

export class HandoverDto {
  @ApiProperty({ description: "Whether registration's PeriodClosed has arrived" }) received!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) closedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) receivedAt!: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Applications registration counted at the close' }) expected!: number | null;
  @ApiProperty({ description: 'Counted by registration and not (yet) held by screening' }) missing!: number;
  @ApiProperty({ description: 'True when every counted application is held, per formation and by id digest' }) complete!: boolean;
  @ApiProperty({ type: [FormationHandoverDto], description: 'Only the formations that differ' }) differences!: FormationHandoverDto[];
}

export class FormationStageDto {
  @ApiProperty({ format: 'uuid' }) formationId!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) formationCode!: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Counted by registration at the close (null before it arrives)' }) expected!: number | null;
  @ApiProperty() received!: number;
  @ApiProperty() decided!: number;
  @ApiProperty() pending!: number;
  @ApiProperty() eligible!: number;
  @ApiProperty() ineligible!: number;
  @ApiProperty({ description: 'Finalized: ScreeningFinalized written for skb' }) handedOn!: number;
}

export class StuckApplicationDto {
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'Null for submissions screening has not received (only counted)' })
  applicationId!: string | null;
  @ApiProperty({ format: 'uuid' }) formationId!: string;
  @ApiProperty({ enum: STUCK_REASONS }) reason!: (typeof STUCK_REASONS)[number];
  @ApiProperty({ description: "Whom it waits on: 'registration', 'unassigned', or the verifier's or reviewer's account id" }) waitingOn!: string;
  @ApiProperty({ description: 'Since when (ISO instant)' }) since!: string;
  @ApiPropertyOptional({ type: Number, description: 'For AWAITING_SUBMISSIONS: how many of the formation are missing' }) count?: number;
}

export class ScreeningReconciliationDto {
  @ApiProperty({ format: 'uuid' }) periodId!: string;
  @ApiProperty({ example: 'screening' }) stage!: string;
  @ApiProperty({ type: HandoverDto }) handover!: HandoverDto;
  @ApiProperty({ type: [FormationStageDto] }) formations!: FormationStageDto[];
  @ApiProperty({ type: [StuckApplicationDto], description: 'Oldest first, at most 500' }) stuck!: StuckApplicationDto[];
}
