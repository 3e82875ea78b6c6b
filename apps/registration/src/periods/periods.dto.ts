import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OPTIMALISASI_SCOPES, TIE_BREAKERS, TIME_ZONES } from '@seleksi/contracts';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { RequiredText } from '@seleksi/messaging';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class StageWeightsDto {
  @ApiProperty({ example: 60 }) @IsNumber() @Min(0) @Max(100) skb!: number;
  @ApiProperty({ example: 40 }) @IsNumber() @Min(0) @Max(100) interview!: number;
}

export class SkbComponentDto {
  @ApiProperty({ example: 'cat' }) @Matches(/^[a-z][a-z0-9-]*$/) component!: string;
  @ApiProperty({ example: 'CAT' }) @RequiredText(200) label!: string;
  @ApiProperty({ enum: ['IMPORT', 'MANUAL'] }) @IsIn(['IMPORT', 'MANUAL']) source!: string;
  @ApiProperty({ example: 60, description: 'percent of the SKB total' }) @IsNumber() @Min(0) @Max(100) weight!: number;
  @ApiProperty({ example: 500 }) @IsNumber() @Min(1) maxScore!: number;
  @ApiProperty({ example: 250 }) @IsNumber() @Min(0) passingGrade!: number;
}

export class SkbRulesDto {
  @ApiProperty({ type: [SkbComponentDto] })
  @IsArray()
  @ArrayNotEmpty()
  @ValidateNested({ each: true })
  @Type(() => SkbComponentDto)
  components!: SkbComponentDto[];
  @ApiProperty({ example: 60 }) @IsNumber() @Min(0) @Max(100) totalPassingGrade!: number;
  @ApiProperty({ example: 3, description: 'the top (factor × quota) proceed' }) @IsNumber() @Min(1) proceedFactor!: number;
  @ApiProperty({ example: 30 }) @IsInt() @Min(0) disabilityExtraMinutes!: number;
}

export class InterviewRulesDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(0) scaleMin!: number;
  @ApiProperty({ example: 5 }) @IsInt() @Min(1) scaleMax!: number;
  @ApiProperty({ example: 2 }) @IsNumber() @Min(0) calibrationThreshold!: number;
  @ApiProperty({ example: 3 }) @IsInt() @Min(1) minimumPanelSize!: number;
}

export class PlacementRulesDto {
  @ApiPropertyOptional({ enum: OPTIMALISASI_SCOPES }) @IsOptional() @IsIn(OPTIMALISASI_SCOPES) optimalisasiScope?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() overrideNeedsSecondApproval?: boolean;
  @ApiProperty({ example: '2027-01-04', description: 'placed candidates report for duty on this day' })
  @Matches(DATE, { message: 'reportingDate must be a date YYYY-MM-DD' })
  reportingDate!: string;
}

/** A new period in draft; everything after the reporting date defaults to domain.md's numbers. */
export class CreatePeriodDto {
  @ApiProperty({ example: 'PEMKOT-2026-IT' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{2,31}$/, { message: 'code must be 3–32 capital letters, digits or dashes' })
  code!: string;
  @ApiProperty({ example: 'Seleksi Tenaga IT Command Center 2026' }) @RequiredText(200) name!: string;
  @ApiProperty({ example: 'BKPSDM Kota Contoh' }) @RequiredText(200) agencyName!: string;
  @ApiProperty({ enum: TIME_ZONES }) @IsIn(TIME_ZONES) timeZone!: string;
  @ApiProperty({ example: '2026-12-01T08:00:00+07:00' }) @IsISO8601({ strict: true }) registrationOpensAt!: string;
  @ApiProperty({ example: '2026-12-15T23:59:59+07:00' }) @IsISO8601({ strict: true }) registrationClosesAt!: string;
  @ApiProperty({ example: '2026-12-15', description: 'ages are computed to the day on this date' })
  @Matches(DATE, { message: 'ageReferenceDate must be a date YYYY-MM-DD' })
  ageReferenceDate!: string;
  @ApiProperty({ example: 'pemkot-2026.1', description: 'stamped on every outcome decided under these rules' })
  @Matches(/^[A-Za-z0-9._-]{1,40}$/, { message: 'ruleVersion must be 1–40 letters, digits, dots, dashes or underscores' })
  ruleVersion!: string;
  @ApiPropertyOptional({ example: 3 }) @IsOptional() @IsInt() @Min(1) @Max(30) appealFilingDays?: number;
  @ApiPropertyOptional({ example: 7 }) @IsOptional() @IsInt() @Min(1) @Max(60) appealAnsweringDays?: number;
  @ApiPropertyOptional({ type: StageWeightsDto }) @IsOptional() @ValidateNested() @Type(() => StageWeightsDto) stageWeights?: StageWeightsDto;
  @ApiPropertyOptional({ enum: TIE_BREAKERS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(TIE_BREAKERS, { each: true })
  tieBreakChain?: string[];
  @ApiPropertyOptional({ type: SkbRulesDto }) @IsOptional() @ValidateNested() @Type(() => SkbRulesDto) skb?: SkbRulesDto;
  @ApiPropertyOptional({ type: InterviewRulesDto }) @IsOptional() @ValidateNested() @Type(() => InterviewRulesDto) interview?: InterviewRulesDto;
  @ApiProperty({ type: PlacementRulesDto }) @ValidateNested() @Type(() => PlacementRulesDto) placement!: PlacementRulesDto;
}

export class PlacementDefaultsDto {
  @ApiProperty({ enum: OPTIMALISASI_SCOPES }) optimalisasiScope!: string;
  @ApiProperty() overrideNeedsSecondApproval!: boolean;
}

export class DocumentDefaultDto {
  @ApiProperty({ example: 'ijazah' }) type!: string;
  @ApiProperty({ enum: ['image/jpeg', 'application/pdf'] }) mediaType!: string;
  @ApiProperty({ example: 819200 }) maxBytes!: number;
}

/** What a new period and formation take for every rule left out (domain.md's numbers), so a form can show each default. */
export class PeriodDefaultsResponse {
  @ApiProperty() appealFilingDays!: number;
  @ApiProperty() appealAnsweringDays!: number;
  @ApiProperty({ type: StageWeightsDto }) stageWeights!: StageWeightsDto;
  @ApiProperty({ enum: TIE_BREAKERS, isArray: true }) tieBreakChain!: string[];
  @ApiProperty({ type: SkbRulesDto }) skb!: SkbRulesDto;
  @ApiProperty({ type: InterviewRulesDto }) interview!: InterviewRulesDto;
  @ApiProperty({ type: PlacementDefaultsDto }) placement!: PlacementDefaultsDto;
  @ApiProperty({ type: [DocumentDefaultDto], description: "a formation's required documents when it lists none" }) documents!: DocumentDefaultDto[];
  @ApiProperty({ example: 18 }) minimumAge!: number;
  @ApiProperty({ example: 35 }) maximumAge!: number;
}

export class PeriodResponse {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() agencyName!: string;
  @ApiProperty({ enum: TIME_ZONES }) timeZone!: string;
  @ApiProperty({ enum: ['draft', 'open', 'closed'] }) status!: string;
  @ApiProperty() registrationOpensAt!: string;
  @ApiProperty() registrationClosesAt!: string;
  @ApiProperty({ example: '15 December 2026, 23:59 WIB' }) registrationClosesLocal!: string;
  @ApiProperty() ageReferenceDate!: string;
  @ApiProperty() appealFilingDays!: number;
  @ApiProperty() appealAnsweringDays!: number;
  @ApiProperty() ruleVersion!: string;
  @ApiProperty({ type: StageWeightsDto }) stageWeights!: StageWeightsDto;
  @ApiProperty({ enum: TIE_BREAKERS, isArray: true }) tieBreakChain!: string[];
  @ApiProperty({ type: SkbRulesDto }) skb!: SkbRulesDto;
  @ApiProperty({ type: InterviewRulesDto }) interview!: InterviewRulesDto;
  @ApiProperty({ type: PlacementRulesDto }) placement!: PlacementRulesDto;
}
