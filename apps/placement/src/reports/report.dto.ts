import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { FormationReportRow } from './report.repository';

export class ReportQuery {
  @ApiProperty({ required: false, enum: ['json', 'csv'] }) @IsOptional() @IsIn(['json', 'csv']) format?: string;
}

export class FormationReportDto {
  @ApiProperty({ format: 'uuid' }) formationId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() position!: string;
  @ApiProperty() unit!: string;
  @ApiProperty() quota!: number;
  @ApiProperty({ description: 'applications with any stage result heard by placement' }) reachedPlacement!: number;
  @ApiProperty() skbProceeded!: number;
  @ApiProperty({ description: 'interview SCORED' }) interviewed!: number;
  @ApiProperty({ description: "confirmed placements in this formation's seats" }) placed!: number;
  @ApiProperty() vacancies!: number;
}

const COLUMNS: (keyof FormationReportRow)[] = [
  'formationId',
  'code',
  'position',
  'unit',
  'quota',
  'reachedPlacement',
  'skbProceeded',
  'interviewed',
  'placed',
  'vacancies',
];

const cell = (v: string | number) => {
  const s = String(v);
  // Quote when needed, and defuse spreadsheet formulas (=, +, -, @ at the start).
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function toCsv(rows: FormationReportRow[]): string {
  return [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}
