import { ApiProperty } from '@nestjs/swagger';

export class AnnouncementDto {
  @ApiProperty() periodId!: string;
  @ApiProperty() announcedAt!: string;
  @ApiProperty() appealFilingClosesAt!: string;
  @ApiProperty({ example: '3 December 2026, 10:00 WIB' }) appealFilingClosesAtLocal!: string;
  @ApiProperty() appealAnsweringClosesAt!: string;
  @ApiProperty({ example: '10 December 2026, 10:00 WIB' }) appealAnsweringClosesAtLocal!: string;
  @ApiProperty({ description: 'MS count' }) eligible!: number;
  @ApiProperty({ description: 'TMS count' }) ineligible!: number;
}

export class FinalizationDto {
  @ApiProperty() periodId!: string;
  @ApiProperty() finalizedAt!: string;
  @ApiProperty() finalized!: number;
  @ApiProperty() eligible!: number;
  @ApiProperty() ineligible!: number;
}
