import { ApiProperty } from '@nestjs/swagger';

export class FormationInterviewCountsDto {
  @ApiProperty({ format: 'uuid' }) formationId!: string;
  @ApiProperty({ description: 'candidates heard of from skb (P/L)' }) candidates!: number;
  @ApiProperty({ description: 'interviewed: scored and finalized by the panel (COMPLETED)' }) interviewed!: number;
  @ApiProperty({ description: 'absent from the interview' }) absent!: number;
}
