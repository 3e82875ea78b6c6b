import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';

export class PeriodParams {
  @ApiProperty({ format: 'uuid' }) @IsUUID() periodId!: string;
}

export class ParticipantParams extends PeriodParams {
  @ApiProperty({ example: 'PK-AP-01-00017' }) @IsString() @Matches(/^[A-Za-z0-9._-]{1,64}$/) participantNumber!: string;
}

export class ComponentScoreParams extends ParticipantParams {
  @ApiProperty({ example: 'practical' }) @Matches(/^[a-z][a-z0-9-]*$/) component!: string;
}

export class RecordScoreDto {
  @ApiProperty({ description: "Raw score on the component's own scale (0 to its maxScore)", example: 78.5 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  score!: number;
}

export class RecordAttendanceDto {
  @ApiProperty({ enum: ['PRESENT', 'TH', 'DIS'], description: 'TH absent, DIS disqualified, PRESENT clears either' })
  @IsIn(['PRESENT', 'TH', 'DIS'])
  attendance!: 'PRESENT' | 'TH' | 'DIS';
}

export class ImportScoresResponse {
  @ApiProperty({ description: 'data rows applied' }) rows!: number;
  @ApiProperty({ description: 'participants with at least one new or changed score' }) scoresChanged!: number;
  @ApiProperty({ description: 'participants who got a SkbScoresRecorded event' }) participantsChanged!: number;
}

export class ImportRowProblem {
  @ApiProperty({ description: 'line in the file; the header is line 1' }) line!: number;
  @ApiProperty({ required: false, description: "the row's participant number as written, when the row has a readable one" }) participantNumber?: string;
  @ApiProperty({ enum: ['participant_number', 'component', 'score', 'row'] }) field!: string;
  @ApiProperty({
    example: 'SCORE_OUT_OF_RANGE',
    description:
      'UNKNOWN_PARTICIPANT, PARTICIPANT_OF_ANOTHER_PERIOD, DUPLICATE_ROW, SCORE_OUT_OF_RANGE, UNKNOWN_COMPONENT, MISSING_COMPONENT, COMPONENT_NOT_IMPORTED, MISSING_SCORE, NOT_NUMERIC, FORMULA_CELL, WRONG_COLUMN_COUNT, MALFORMED_ROW, MISSING_PARTICIPANT_NUMBER',
  })
  code!: string;
  @ApiProperty() message!: string;
}

export class ImportRejectedResponse {
  @ApiProperty({ example: 'CSV_REJECTED', description: 'or CSV_ENCODING, CSV_HEADER, CSV_EMPTY (422), CSV_TOO_MANY_ROWS (413)' }) code!: string;
  @ApiProperty() message!: string;
  @ApiProperty() errorCount!: number;
  @ApiProperty({ type: [ImportRowProblem], description: 'the first 1,000 problems, by line' }) errors!: ImportRowProblem[];
}

export class ChangedResponse {
  @ApiProperty({ description: 'false when the entry repeated what was already recorded' }) changed!: boolean;
}

export class ScoreSheetQuery {
  @ApiProperty({ required: false, default: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
  @ApiProperty({ required: false, default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

export class SheetScoreDto {
  @ApiProperty() component!: string;
  @ApiProperty() value!: number;
}

/** One participant's row of the officers' grid: by participant number only (no name is needed to score). */
export class ScoreSheetRow {
  @ApiProperty() participantNumber!: string;
  @ApiProperty() formationCode!: string;
  @ApiProperty({ type: String, enum: ['TH', 'DIS'], nullable: true, description: 'null when present' }) attendance!: 'TH' | 'DIS' | null;
  @ApiProperty({ type: [SheetScoreDto], description: 'scored components only' }) scores!: SheetScoreDto[];
}

export class ScoreSheetPage {
  @ApiProperty({ description: 'participants of the period' }) total!: number;
  @ApiProperty({ type: [ScoreSheetRow] }) items!: ScoreSheetRow[];
}

export class LatestImportResponse {
  @ApiProperty({ format: 'date-time' }) importedAt!: string;
  @ApiProperty({ enum: ['APPLIED', 'REJECTED'] }) outcome!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the refusal (CSV_REJECTED, CSV_HEADER, …); null when applied' }) code!: string | null;
  @ApiProperty({ description: 'data rows applied (0 when refused)' }) rows!: number;
  @ApiProperty() participantsChanged!: number;
  @ApiProperty() errorCount!: number;
  @ApiProperty({ type: [ImportRowProblem], description: 'the first 1,000 problems, by line' }) errors!: ImportRowProblem[];
}
