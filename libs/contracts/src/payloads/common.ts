import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export const TIME_ZONES = ['WIB', 'WITA', 'WIT'] as const;
export type AgencyTimeZone = (typeof TIME_ZONES)[number];

export const EDUCATION_LEVELS = ['SMA', 'D3', 'D4', 'S1', 'S2', 'S3'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** Every payload that belongs to a recruitment period carries the period's rule version. */
export abstract class PeriodScoped {
  @IsUUID() periodId!: string;
  @IsString() @IsNotEmpty() ruleVersion!: string;
}

export abstract class ApplicationScoped extends PeriodScoped {
  @IsUUID() applicationId!: string;
  @IsUUID() formationId!: string;
}

export class DocumentRequirement {
  @IsString() @IsNotEmpty() type!: string;
  @IsIn(['image/jpeg', 'application/pdf']) mediaType!: string;
  @IsInt() @Min(1) maxBytes!: number;
}

export class FormationRequirements {
  @IsIn(EDUCATION_LEVELS, { each: true }) educationLevels!: EducationLevel[];
  @IsString({ each: true }) acceptedMajors!: string[];
  @IsNumber() @Min(0) @Max(4) minimumGpa!: number;
  @IsInt() @Min(0) minimumAge!: number;
  @IsInt() @Min(0) maximumAge!: number;
  @ValidateNested({ each: true }) @Type(() => DocumentRequirement) documents!: DocumentRequirement[];
}

export class Score {
  @IsString() @IsNotEmpty() component!: string;
  @IsNumber() @Min(0) @Max(100) value!: number;
}

export class IsoDate {
  @Matches(/^\d{4}-\d{2}-\d{2}$/) date!: string;
}

export { IsISO8601, IsOptional };
