import { ApiProperty } from '@nestjs/swagger';

export class FormationOutcomeCountsResponse {
  @ApiProperty({ format: 'uuid' }) formationId!: string;
  @ApiProperty() formationCode!: string;
  @ApiProperty({ description: 'participants (applications finally MS) in this formation' }) participants!: number;
  @ApiProperty({ description: 'results finalized' }) finalized!: number;
  @ApiProperty({ description: 'P/L: passed and ranked in (proceed to the interview)' }) proceeded!: number;
  @ApiProperty({ description: 'P: passed, not ranked in' }) passed!: number;
  @ApiProperty({ description: 'TL: failed' }) failed!: number;
  @ApiProperty({ description: 'TH: absent' }) absent!: number;
  @ApiProperty({ description: 'DIS: disqualified' }) disqualified!: number;
}
