import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const SKB_STUCK_REASONS = ['AWAITING_PARTICIPANTS', 'AWAITING_FORMATION', 'AWAITING_SEAT', 'AWAITING_SCORES'] as const;

export class SkbFormationHandoverDto {
  @ApiProperty({ format: 'uuid' }) formationId!: string;
  @ApiProperty({ description: 'MS applications screening counted at its finalization' }) expected!: number;
  @ApiProperty({ description: 'Participants skb holds' }) received!: number;
  @ApiProperty() missing!: number;
  @ApiProperty({ description: 'False when the ids differ from those screening counted' }) digestMatches!: boolean;
}

export class SkbHandoverDto {
  @ApiProperty({ description: "Whether screening's ScreeningPeriodFinalized has arrived" }) received!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: "Screening's finalization (ISO instant)" }) closedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) receivedAt!: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'MS applications screening counted' }) expected!: number | null;
  @ApiProperty({ description: 'Counted by screening and not (yet) held by skb' }) missing!: number;
  @ApiProperty({ description: 'True when every counted participant is held, per formation and by id digest' }) complete!: boolean;
  @ApiProperty({ type: [SkbFormationHandoverDto], description: 'Only the formations that differ' }) differences!: SkbFormationHandoverDto[];
}

export class SkbFormationStageDto {
  @ApiProperty({ format: 'uuid' }) formationId!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) formationCode!: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Counted by screening (null before its hand-over arrives)' }) expected!: number | null;
  @ApiProperty({ description: 'Participants held' }) received!: number;
  @ApiProperty({ description: 'With a seat' }) seated!: number;
  @ApiProperty({ description: 'With every component score, or absent (TH) or disqualified (DIS)' }) scored!: number;
  @ApiProperty({ description: 'With a finalized result: SkbResultFinalized written for interview and placement' }) handedOn!: number;
  @ApiProperty({ description: 'Results that go on to the interview (P/L and proceeding)' }) proceeding!: number;
}

export class SkbStuckApplicationDto {
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'Null for participants skb has not received (only counted)' })
  applicationId!: string | null;
  @ApiProperty({ format: 'uuid' }) formationId!: string;
  @ApiProperty({ enum: SKB_STUCK_REASONS }) reason!: (typeof SKB_STUCK_REASONS)[number];
  @ApiProperty({ description: "Whom it waits on: 'screening', 'registration' or 'skb-officer'" }) waitingOn!: string;
  @ApiProperty({ description: 'Since when (ISO instant)' }) since!: string;
  @ApiPropertyOptional({ type: Number, description: 'For AWAITING_PARTICIPANTS: how many of the formation are missing' }) count?: number;
}

export class SkbReconciliationDto {
  @ApiProperty({ format: 'uuid' }) periodId!: string;
  @ApiProperty({ example: 'skb' }) stage!: string;
  @ApiProperty({ type: SkbHandoverDto }) handover!: SkbHandoverDto;
  @ApiProperty({ type: [SkbFormationStageDto] }) formations!: SkbFormationStageDto[];
  @ApiProperty({ type: [SkbStuckApplicationDto], description: 'Oldest first, at most 500' }) stuck!: SkbStuckApplicationDto[];
}
