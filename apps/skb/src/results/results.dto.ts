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
