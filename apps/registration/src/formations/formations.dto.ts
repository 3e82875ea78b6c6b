import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EDUCATION_LEVELS, FORMATION_TYPES } from '@seleksi/contracts';
import { Type } from 'class-transformer';
import { ArrayNotEmpty, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { RequiredText } from '@seleksi/messaging';

export class DocumentRequirementDto {
  @ApiProperty({ example: 'ijazah' }) @Matches(/^[a-z][a-z0-9-]{1,40}$/, { message: 'type must be a lower-case slug' }) type!: string;
  @ApiProperty({ enum: ['image/jpeg', 'application/pdf'] }) @IsIn(['image/jpeg', 'application/pdf']) mediaType!: string;
  @ApiProperty({ example: 819200 }) @IsInt() @Min(1024) @Max(10 * 1024 * 1024) maxBytes!: number;
}

export class RequirementsDto {
  @ApiProperty({ enum: EDUCATION_LEVELS, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(EDUCATION_LEVELS, { each: true })
  educationLevels!: string[];
  @ApiProperty({ example: ['Teknik Informatika', 'Sistem Informasi'] })
  @IsArray()
  @ArrayNotEmpty()
  @IsString({ each: true })
  acceptedMajors!: string[];
  @ApiProperty({ example: 3.0 }) @IsNumber() @Min(0) @Max(4) minimumGpa!: number;
  @ApiPropertyOptional({ example: 18 }) @IsOptional() @IsInt() @Min(0) @Max(100) minimumAge?: number;
  @ApiPropertyOptional({ example: 35 }) @IsOptional() @IsInt() @Min(0) @Max(100) maximumAge?: number;
  @ApiPropertyOptional({ type: [DocumentRequirementDto], description: "default: domain.md's documents" })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => DocumentRequirementDto)
  documents?: DocumentRequirementDto[];
}

export class FormationDto {
  @ApiProperty({ example: 'PK-AP' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,23}$/, { message: 'code must be 2–24 capital letters, digits or dashes' })
  code!: string;
  @ApiProperty({ example: 'Pranata Komputer Ahli Pertama' }) @RequiredText(200) position!: string;
  @ApiProperty({ example: 'Command Center' }) @RequiredText(200) unit!: string;
  @ApiProperty({ enum: FORMATION_TYPES }) @IsIn(FORMATION_TYPES) formationType!: string;
  @ApiProperty({ example: 4 }) @IsInt() @Min(0) @Max(100_000) quota!: number;
  @ApiProperty({ type: RequirementsDto }) @ValidateNested() @Type(() => RequirementsDto) requirements!: RequirementsDto;
}

export class QuotaChangeDto {
  @ApiProperty({ example: 5 }) @IsInt() @Min(0) @Max(100_000) quota!: number;
  @ApiProperty({ example: 'tambahan formasi dari KemenPAN-RB' }) @RequiredText(500) reason!: string;
}

export class FormationResponse {
  @ApiProperty() id!: string;
  @ApiProperty() periodId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() position!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ enum: FORMATION_TYPES }) formationType!: string;
  @ApiProperty() quota!: number;
  @ApiProperty({ type: RequirementsDto }) requirements!: RequirementsDto;
}
