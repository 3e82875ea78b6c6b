import { ApiProperty } from '@nestjs/swagger';

export class RaterStatisticsDto {
  @ApiProperty({ format: 'uuid' }) panelistId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ description: 'Finalized candidates this panelist scored.' }) scored!: number;
  @ApiProperty({ description: 'Mean of (own score − panel mean) per criterion: positive lenient, negative severe.' }) meanDeviation!: number;
  @ApiProperty({ description: 'Share (0–1) of their scored criteria where the panel spread exceeded the calibration threshold.' })
  disagreementRate!: number;
  @ApiProperty({ description: 'Standard deviation of their own scores: how much of the scale they use (near 0: everyone the same level).' })
  spread!: number;
}
