import { ApiProperty } from '@nestjs/swagger';

export class ReasonDto {
  @ApiProperty({ example: 'GPA_BELOW_MINIMUM' }) code!: string;
  @ApiProperty({ example: 'IPK di bawah batas minimal' }) label!: string;
}
