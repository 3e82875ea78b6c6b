import { ApiProperty } from '@nestjs/swagger';
import { MESSAGE_PARAMS_SCHEMA, MessageParams, RequiredText } from '@seleksi/messaging';
import { IsUUID } from 'class-validator';
import { ExplanationDto } from '../ranking/ranking.dto';

export class ApplicationParams {
  @ApiProperty({ format: 'uuid' }) @IsUUID() applicationId!: string;
}

export class DeclineRequestDto {
  @ApiProperty({ example: 'diterima di instansi lain' }) @RequiredText(1000) reason!: string;
}

export class OutcomeDto {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ format: 'uuid' }) periodId!: string;
  @ApiProperty({ enum: ['PENDING', 'PLACED', 'DECLINED', 'NOT_PLACED', 'NOT_RANKED'], description: 'PENDING until the period is announced' }) status!: string;
  @ApiProperty({ nullable: true, type: Number }) rank!: number | null;
  @ApiProperty({ nullable: true, type: Number }) finalScore!: number | null;
  @ApiProperty({ type: ExplanationDto, nullable: true }) explanation!: ExplanationDto | null;
  @ApiProperty({ required: false, enum: ['REGULAR', 'OPTIMALISASI', 'OVERRIDE', 'REPLACEMENT'] }) kind?: string;
  @ApiProperty({ required: false, format: 'uuid' }) placedInFormationId?: string;
  @ApiProperty({ required: false, description: "why this seat; for an OVERRIDE a fixed sentence (the officers' reason stays in their record)" }) why?: string;
  @ApiProperty({ required: false, description: 'YYYY-MM-DD, agency-local' }) reportingDate?: string;
  @ApiProperty({
    enum: ['OUTCOME_PENDING', 'OUTCOME_PLACED', 'OUTCOME_DECLINED', 'OUTCOME_NOT_RANKED', 'OUTCOME_NOT_PLACED'],
    description: 'what this means, as a code (placement README, "Outcome codes")',
  })
  code!: string;
  @ApiProperty(MESSAGE_PARAMS_SCHEMA) params!: MessageParams;
  @ApiProperty({ description: 'the same in English, for API clients' }) message!: string;
}

export class DeclineResponseDto {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() declinedAt!: string;
  @ApiProperty({ description: 'how many seats were refilled by replacement candidates' }) replacements!: number;
}
