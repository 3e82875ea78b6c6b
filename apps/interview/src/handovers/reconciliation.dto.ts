import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const INTERVIEW_STUCK_REASONS = ['AWAITING_CANDIDATES', 'AWAITING_PANEL', 'UNPLACED', 'AWAITING_INTERVIEW'] as const;

export class InterviewCompletionDto {
  @ApiProperty({ format: 'uuid' }) periodId!: string;
  @ApiProperty({ description: 'When the interviews of the period were completed (ISO instant)' }) completedAt!: string;
  @ApiProperty({ description: 'Interviews handed on to placement (scored or absent)' }) completed!: number;
  @ApiProperty({ type: () => InterviewFormationCountDto, isArray: true }) byFormation!: InterviewFormationCountDto[];
}

export class InterviewFormationCountDto {
  @ApiProperty({ format: 'uuid' }) formationId!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ description: 'XOR of the first 64 bits of each application id’s MD5, 16 hex digits' }) digest!: string;
}

export class InterviewFormationHandoverDto {
  @ApiProperty({ format: 'uuid' }) formationId!: string;
  @ApiProperty({ description: 'Proceeding results skb counted at its finalization' }) expected!: number;
  @ApiProperty({ description: 'Candidates interview holds' }) received!: number;
  @ApiProperty() missing!: number;
  @ApiProperty({ description: 'False when the ids differ from those skb counted' }) digestMatches!: boolean;
}

export class InterviewHandoverDto {
  @ApiProperty({ description: "Whether skb's SkbPeriodFinalized has arrived" }) received!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: "Skb's finalization (ISO instant)" }) closedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) receivedAt!: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Proceeding results skb counted' }) expected!: number | null;
  @ApiProperty({ description: 'Counted by skb and not (yet) held by interview' }) missing!: number;
  @ApiProperty({ description: 'True when every counted candidate is held, per formation and by id digest' }) complete!: boolean;
  @ApiProperty({ type: [InterviewFormationHandoverDto], description: 'Only the formations that differ' }) differences!: InterviewFormationHandoverDto[];
}

export class InterviewFormationStageDto {
  @ApiProperty({ format: 'uuid' }) formationId!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) formationCode!: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Counted by skb (null before its hand-over arrives)' }) expected!: number | null;
  @ApiProperty({ description: 'Candidates held' }) received!: number;
  @ApiProperty({ description: 'No panel has the formation yet' }) waiting!: number;
  @ApiProperty({ description: 'With a panel, not yet interviewed' }) assigned!: number;
  @ApiProperty({ description: 'No panel has enough members without a conflict' }) unplaced!: number;
  @ApiProperty() scored!: number;
  @ApiProperty() absent!: number;
  @ApiProperty({ description: 'Scored or absent: InterviewCompleted written for placement' }) handedOn!: number;
}

export class InterviewStuckApplicationDto {
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'Null for candidates interview has not received (only counted)' })
  applicationId!: string | null;
  @ApiProperty({ format: 'uuid' }) formationId!: string;
  @ApiProperty({ enum: INTERVIEW_STUCK_REASONS }) reason!: (typeof INTERVIEW_STUCK_REASONS)[number];
  @ApiProperty({ description: "Whom it waits on: 'skb', 'admin', or the panel's id" }) waitingOn!: string;
  @ApiProperty({ description: 'Since when (ISO instant)' }) since!: string;
  @ApiPropertyOptional({ type: Number, description: 'For AWAITING_CANDIDATES: how many of the formation are missing' }) count?: number;
}

export class InterviewReconciliationDto {
  @ApiProperty({ format: 'uuid' }) periodId!: string;
  @ApiProperty({ example: 'interview' }) stage!: string;
  @ApiProperty({ type: InterviewHandoverDto }) handover!: InterviewHandoverDto;
  @ApiPropertyOptional({ type: InterviewCompletionDto, nullable: true, description: 'The completion handed on to placement, once made' })
  completion!: InterviewCompletionDto | null;
  @ApiProperty({ type: [InterviewFormationStageDto] }) formations!: InterviewFormationStageDto[];
  @ApiProperty({ type: [InterviewStuckApplicationDto], description: 'Oldest first, at most 500' }) stuck!: InterviewStuckApplicationDto[];
}
