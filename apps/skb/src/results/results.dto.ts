import { ApiProperty } from '@nestjs/swagger';
import { StoredResult } from './results.repository';

export class FinalizeResponse {
  @ApiProperty() participants!: number;
  @ApiProperty() formations!: number;
  @ApiProperty({ example: { 'P/L': 12, P: 3, TL: 5, TH: 1, DIS: 0 } }) outcomes!: Record<string, number>;
  @ApiProperty({ format: 'date-time' }) finalizedAt!: string;
}

export class ComponentScoreDto {
  @ApiProperty() component!: string;
  @ApiProperty() value!: number;
}

export class MyResultResponse {
  @ApiProperty() participantNumber!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty() formationCode!: string;
  @ApiProperty({ type: [ComponentScoreDto] }) components!: ComponentScoreDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'normalised 0–100; null for TH and DIS' }) total!: number | null;
  @ApiProperty({ enum: ['P/L', 'P', 'TL', 'TH', 'DIS'] }) outcome!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'rank within the formation among those who passed' }) rank!: number | null;
  @ApiProperty() proceeds!: boolean;
  @ApiProperty() ruleVersion!: string;
  @ApiProperty({ format: 'date-time' }) finalizedAt!: string;
}

export function mapResult(r: StoredResult): MyResultResponse {
  return { ...r, finalizedAt: r.finalizedAt.toISOString() };
}

export class OutcomeCountsDto {
  @ApiProperty({ name: 'P/L' }) 'P/L'!: number;
  @ApiProperty() P!: number;
  @ApiProperty() TL!: number;
  @ApiProperty() TH!: number;
  @ApiProperty() DIS!: number;
}

export class ScoreBandDto {
  @ApiProperty({ description: 'lowest total of the band (inclusive)', example: 70 }) from!: number;
  @ApiProperty({ description: 'highest total of the band (exclusive, but 100 belongs to the last band)', example: 80 }) to!: number;
  @ApiProperty() participants!: number;
}

/** One formation's finalized SKB: how many got each outcome and how the totals spread. */
export class FormationDistributionDto {
  @ApiProperty() formationCode!: string;
  @ApiProperty() position!: string;
  @ApiProperty() quota!: number;
  @ApiProperty() participants!: number;
  @ApiProperty({ type: OutcomeCountsDto }) outcomes!: OutcomeCountsDto;
  @ApiProperty({ type: [ScoreBandDto], description: 'totals of those who sat the test (TH and DIS have none), in bands of 10 points' }) bands!: ScoreBandDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'mean total of those who sat the test' }) meanTotal!: number | null;
}

export class DistributionResponse {
  @ApiProperty({ format: 'date-time' }) finalizedAt!: string;
  @ApiProperty({ type: [FormationDistributionDto] }) formations!: FormationDistributionDto[];
}
