import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

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

/** Where the period stands at screening's two admin steps: announced (with the appeal windows), finalized. */
export class ScreeningPeriodStateDto {
  @ApiProperty() periodId!: string;
  @ApiPropertyOptional({ type: AnnouncementDto, nullable: true, description: 'Null until the results are announced' })
  announcement!: AnnouncementDto | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'When ScreeningFinalized went out; null before' }) finalizedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '20 December 2026, 10:00 WIB' }) finalizedAtLocal!: string | null;
}
