import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { RankingEntryView } from './ranking.repository';

export class PeriodParams {
  @ApiProperty({ format: 'uuid' }) @IsUUID() periodId!: string;
}

export class FormationRankingParams extends PeriodParams {
  @ApiProperty({ format: 'uuid' }) @IsUUID() formationId!: string;
}

export class ComputeRankingsResponseDto {
  @ApiProperty({ format: 'uuid' }) periodId!: string;
  @ApiProperty() formations!: number;
  @ApiProperty({ description: 'candidates with a rank (SKB proceeded and interview SCORED)' }) ranked!: number;
  @ApiProperty({ description: 'candidates who reached placement but are not ranked; their explanation says why' }) notRanked!: number;
  @ApiProperty({ description: 'candidates in an exact tie after the whole tie-break chain' }) exactTies!: number;
}

export class StageContributionDto {
  @ApiProperty({ enum: ['skb', 'interview'] }) stage!: string;
  @ApiProperty({ description: 'normalised stage score, 0–100' }) score!: number;
  @ApiProperty({ description: "the period's weight of the stage, percent" }) weight!: number;
  @ApiProperty({ description: 'points this stage adds to the final score' }) contribution!: number;
}

export class ExplanationDto {
  @ApiProperty() ruleVersion!: string;
  @ApiProperty({ type: [StageContributionDto] }) components!: StageContributionDto[];
  @ApiProperty({ nullable: true, type: Number }) finalScore!: number | null;
  @ApiProperty({ required: false, enum: ['SKB_RESULT_MISSING', 'SKB_NOT_PROCEEDED', 'INTERVIEW_RESULT_MISSING', 'INTERVIEW_ABSENT'] })
  notRankedBecause?: string;
}

export class RankingEntryDto {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ nullable: true, type: String, description: "the SKB participant number, the candidate's name in the officers' pages" })
  participantNumber!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'null when not ranked' }) rank!: number | null;
  @ApiProperty({ nullable: true, type: Number }) finalScore!: number | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'what put this candidate below the one above: FINAL_SCORE, a tie-breaker, or APPLICATION_ID for an exact tie',
  })
  decidedBy!: string | null;
  @ApiProperty({ description: 'tied with a neighbour on the final score and the whole chain; broken only by application id' }) exactTie!: boolean;
  @ApiProperty({ type: ExplanationDto }) explanation!: ExplanationDto;
}

export class RankingResponseDto {
  @ApiProperty({ format: 'uuid' }) periodId!: string;
  @ApiProperty({ format: 'uuid' }) formationId!: string;
  @ApiProperty({ description: 'sha-256 of the rules and the input events the ranking came from' }) inputsDigest!: string;
  @ApiProperty() computedAt!: string;
  @ApiProperty({ type: [RankingEntryDto] }) entries!: RankingEntryDto[];
}

export function mapEntry(e: RankingEntryView): RankingEntryDto {
  return {
    applicationId: e.applicationId,
    participantNumber: e.participantNumber,
    rank: e.rank,
    finalScore: e.finalScore,
    decidedBy: e.decidedBy,
    exactTie: e.exactTie,
    explanation: e.explanation,
  };
}
