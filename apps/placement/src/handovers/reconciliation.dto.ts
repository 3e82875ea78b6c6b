import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const PLACEMENT_STUCK_REASONS = ['AWAITING_SKB_RESULTS', 'AWAITING_INTERVIEW_RESULTS', 'AWAITING_INTERVIEW'] as const;

export class PlacementFormationHandoverDto {
  @ApiProperty({ format: 'uuid' }) formationId!: string;
  @ApiProperty({ description: 'Results the stage counted at its close' }) expected!: number;
  @ApiProperty({ description: 'Results placement holds' }) received!: number;
  @ApiProperty() missing!: number;
  @ApiProperty({ description: 'False when the ids differ from those the stage counted' }) digestMatches!: boolean;
}

export class PlacementHandoverDto {
  @ApiProperty({ enum: ['skb', 'interview'] }) stage!: string;
  @ApiProperty({ description: "Whether the stage's closing event (SkbPeriodFinalized, InterviewPeriodCompleted) has arrived" }) received!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: "The stage's close (ISO instant)" }) closedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) receivedAt!: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Results the stage counted' }) expected!: number | null;
  @ApiProperty({ description: 'Counted by the stage and not (yet) held by placement' }) missing!: number;
  @ApiProperty({ description: 'True when every counted result is held, per formation and by id digest' }) complete!: boolean;
  @ApiProperty({ type: [PlacementFormationHandoverDto], description: 'Only the formations that differ' }) differences!: PlacementFormationHandoverDto[];
}

export class PlacementFormationStageDto {
  @ApiProperty({ format: 'uuid' }) formationId!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) formationCode!: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'SKB results skb counted (null before its hand-over arrives)' }) expectedSkb!:
    number | null;
  @ApiProperty({ description: 'SKB results held' }) skbResults!: number;
  @ApiProperty({ description: 'Of them, proceeding to the interview' }) proceeding!: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Interview results interview counted (null before its hand-over arrives)' })
  expectedInterview!: number | null;
  @ApiProperty({ description: 'Interview results held' }) interviewResults!: number;
  @ApiProperty({ description: 'Ranked in the stored ranking' }) ranked!: number;
  @ApiProperty({ description: 'Holding a proposed or confirmed seat: handed on' }) placed!: number;
}

export class PlacementStuckApplicationDto {
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'Null for results placement has not received (only counted)' })
  applicationId!: string | null;
  @ApiProperty({ format: 'uuid' }) formationId!: string;
  @ApiProperty({ enum: PLACEMENT_STUCK_REASONS }) reason!: (typeof PLACEMENT_STUCK_REASONS)[number];
  @ApiProperty({ description: "Whom it waits on: 'skb' or 'interview'" }) waitingOn!: string;
  @ApiProperty({ description: 'Since when (ISO instant)' }) since!: string;
  @ApiPropertyOptional({ type: Number, description: 'For AWAITING_*_RESULTS: how many of the formation are missing' }) count?: number;
}

export class PlacementReconciliationDto {
  @ApiProperty({ format: 'uuid' }) periodId!: string;
  @ApiProperty({ example: 'placement' }) stage!: string;
  @ApiProperty({ type: [PlacementHandoverDto], description: "Skb's hand-over, then interview's" }) handovers!: PlacementHandoverDto[];
  @ApiProperty({ type: [PlacementFormationStageDto] }) formations!: PlacementFormationStageDto[];
  @ApiProperty({ type: [PlacementStuckApplicationDto], description: 'Oldest first, at most 500' }) stuck!: PlacementStuckApplicationDto[];
}
