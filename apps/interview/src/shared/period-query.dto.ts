import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class PeriodQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() periodId!: string;
}
