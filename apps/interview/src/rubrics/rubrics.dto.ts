import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsInt, IsNumber, Matches, Min, ValidateNested } from 'class-validator';
import { RequiredText } from '@seleksi/messaging';
import { RubricRow } from './rubrics.repository';

export class AnchorInput {
  @ApiProperty({ example: 3 }) @IsInt() level!: number;
  @ApiProperty({ example: 'Explains the design clearly with one prompt.' }) @RequiredText(1000) description!: string;
}

export class CriterionInput {
  @ApiProperty({ example: 'komunikasi', description: 'Stable key, lower case.' }) @Matches(/^[a-z][a-z0-9-]{0,49}$/) key!: string;
  @ApiProperty({ example: 'Komunikasi' }) @RequiredText(200) label!: string;
  @ApiProperty({ example: 40, description: 'Relative weight; the total is normalised by the sum of weights.' }) @IsNumber() @Min(0) weight!: number;
  @ApiProperty({ type: AnchorInput, isArray: true, description: 'One description per level of the period scale.' })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AnchorInput)
  anchors!: AnchorInput[];
}

export class CreateRubricDto {
  @ApiProperty({ type: CriterionInput, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => CriterionInput)
  criteria!: CriterionInput[];
}

export class CreatePositionRubricDto extends CreateRubricDto {
  @ApiProperty({ example: 'Pranata Komputer Ahli Pertama', description: "Used by the period's formations of this position that have no rubric of their own." })
  @RequiredText(300)
  position!: string;
}

export class AnchorDto {
  @ApiProperty() level!: number;
  @ApiProperty() description!: string;
}

export class CriterionDto {
  @ApiProperty() key!: string;
  @ApiProperty() label!: string;
  @ApiProperty() weight!: number;
  @ApiProperty({ type: AnchorDto, isArray: true }) anchors!: AnchorDto[];
}

export class RubricDto {
  @ApiProperty({ format: 'uuid' }) rubricId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null for a position rubric.' }) formationId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Set for a position rubric.' }) position!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'The rubric version carried by InterviewCompleted, e.g. PK-AP-01.v2.' }) label!: string;
  @ApiProperty({ type: CriterionDto, isArray: true }) criteria!: CriterionDto[];
  @ApiProperty({ description: 'True once any score sheet uses this version; it can no longer be replaced.' }) frozen!: boolean;
}

export const mapRubric = (r: RubricRow): RubricDto => ({
  rubricId: r.rubricId,
  formationId: r.formationId,
  position: r.position,
  version: r.version,
  label: r.label,
  criteria: r.criteria,
  frozen: r.frozen,
});
