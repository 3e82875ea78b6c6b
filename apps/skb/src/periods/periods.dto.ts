import { ApiProperty } from '@nestjs/swagger';

export class ComponentRuleResponse {
  @ApiProperty({ example: 'cat' }) component!: string;
  @ApiProperty({ example: 'CAT' }) label!: string;
  @ApiProperty({ enum: ['IMPORT', 'MANUAL'], description: 'IMPORT comes from the score file, MANUAL is entered by officers' }) source!: string;
  @ApiProperty() weight!: number;
  @ApiProperty() maxScore!: number;
  @ApiProperty() passingGrade!: number;
}

/** Where a period's SKB stands, read back by the officer's workspace after each long step. */
export class SkbPeriodResponse {
  @ApiProperty({ format: 'uuid' }) periodId!: string;
  @ApiProperty() ruleVersion!: string;
  @ApiProperty({ enum: ['WIB', 'WITA', 'WIT'] }) timeZone!: string;
  @ApiProperty({ type: [ComponentRuleResponse] }) components!: ComponentRuleResponse[];
  @ApiProperty({ description: 'participants with a participant number' }) participants!: number;
  @ApiProperty() venues!: number;
  @ApiProperty() sessions!: number;
  @ApiProperty({ description: 'seats of all rooms in all sessions' }) capacity!: number;
  @ApiProperty({ description: 'participants holding an allocated seat' }) seated!: number;
  @ApiProperty({ description: 'present participants with every component scored, plus those marked TH or DIS' }) complete!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) allocationPublishedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finalizedAt!: string | null;
}
