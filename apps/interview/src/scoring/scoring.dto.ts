import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import { OptionalText, RequiredText } from '@seleksi/messaging';
import { formatLocalTime } from '@seleksi/time';
import { CriterionDto } from '../rubrics/rubrics.dto';
import { CandidateOutcomeRow, PanelistCandidateRow, SheetRow } from './scoring.repository';

export class ScoreInput {
  @ApiProperty({ example: 'komunikasi' }) @IsString() @IsNotEmpty() criterion!: string;
  @ApiProperty({ example: 4, description: 'An integer on the period scale.' }) @IsInt() value!: number;
  @ApiProperty({ example: 'Explained trade-offs clearly.' }) @RequiredText(500) justification!: string;
}

export class SaveSheetDto {
  @ApiProperty({ type: ScoreInput, isArray: true, description: 'Every criterion of the rubric, once.' })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => ScoreInput)
  scores!: ScoreInput[];
}

export class AbsentDto {
  @ApiPropertyOptional({ description: 'Required when any panelist has submitted a sheet: why the candidate is absent all the same.' })
  @OptionalText(1000)
  reason?: string;
}

export class CalibrationDto {
  @ApiProperty({ description: 'What the panel discussed and why the scores stand or change.' }) @RequiredText(2000) note!: string;
  @ApiPropertyOptional({ format: 'uuid', description: "Reopen this panelist's submitted sheet (once per candidate)." })
  @IsOptional()
  @IsUUID()
  reopenPanelistId?: string;
}

export class FormationRefDto {
  @ApiProperty({ nullable: true, type: String }) code!: string | null;
  @ApiProperty({ nullable: true, type: String }) position!: string | null;
}

export class SlotRefDto {
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ example: '1 December 2026, 09:00 WIB' }) localStartsAt!: string;
  @ApiProperty({ example: '1 December 2026, 09:30 WIB' }) localEndsAt!: string;
  @ApiProperty() place!: string;
}

/** All a panelist learns of a candidate: participant number and formation (no name, NIK, photo, birth date, ids). */
export class PanelistCandidateDto {
  @ApiProperty({ format: 'uuid' }) panelId!: string;
  @ApiProperty() participantNumber!: string;
  @ApiProperty({ type: FormationRefDto }) formation!: FormationRefDto;
  @ApiProperty({ enum: ['ASSIGNED', 'COMPLETED', 'ABSENT'] }) status!: string;
  @ApiProperty({ type: SlotRefDto, nullable: true }) slot!: SlotRefDto | null;
  @ApiProperty({ enum: ['NONE', 'DRAFT', 'SUBMITTED'] }) mySheet!: string;
}

export class ScoreDto {
  @ApiProperty() criterion!: string;
  @ApiProperty() value!: number;
  @ApiProperty() justification!: string;
}

export class SheetDto {
  @ApiProperty({ format: 'uuid' }) panelistId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ['DRAFT', 'SUBMITTED'] }) status!: string;
  @ApiProperty({ type: ScoreDto, isArray: true }) scores!: ScoreDto[];
}

export class RubricViewDto {
  @ApiProperty() label!: string;
  @ApiProperty() scaleMin!: number;
  @ApiProperty() scaleMax!: number;
  @ApiProperty({ type: CriterionDto, isArray: true }) criteria!: CriterionDto[];
}

/** Where the panel stands on a candidate; shown to a panelist only once their own sheet is submitted (or to the chair). */
export class PanelProgressDto {
  @ApiProperty({ description: 'Panelists whose sheets count (members not recused for this candidate).' }) members!: number;
  @ApiProperty({ description: 'How many of them have submitted.' }) submitted!: number;
  @ApiProperty({ description: "The period's calibration threshold: the largest spread on a criterion that needs no calibration." })
  calibrationThreshold!: number;
  @ApiProperty({ description: "Every counted sheet is in and some criterion's spread exceeds the threshold (the chair must calibrate before finalizing)." })
  calibrationRequired!: boolean;
  @ApiProperty({ type: String, isArray: true, description: 'The criteria whose spread exceeds the threshold, once every counted sheet is in.' })
  disputedCriteria!: string[];
  @ApiProperty({ nullable: true, type: String }) calibrationNote!: string | null;
  @ApiProperty({ description: "A panelist's sheet was already reopened for this candidate (allowed once)." }) reopenUsed!: boolean;
}

/** The interview's result once the chair closed it, read back from the service. */
export class InterviewOutcomeDto {
  @ApiProperty({ enum: ['SCORED', 'ABSENT'] }) outcome!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'The 0–100 total; null when absent.' }) total!: number | null;
  @ApiProperty({ nullable: true, type: String }) absentReason!: string | null;
  @ApiProperty({ format: 'date-time' }) completedAt!: string;
  @ApiProperty({ example: '1 December 2026, 10:02 WIB' }) localCompletedAt!: string;
}

export class CandidateScoringDto extends PanelistCandidateDto {
  @ApiProperty({ type: RubricViewDto, nullable: true }) rubric!: RubricViewDto | null;
  @ApiProperty({ type: SheetDto, nullable: true }) sheet!: SheetDto | null;
  @ApiProperty({ description: 'I chair this panel: calibration, finalization and absence are mine.' }) chair!: boolean;
  @ApiProperty({
    type: PanelProgressDto,
    nullable: true,
    description: 'Null until my own sheet is submitted (or the interview is closed): scoring stays blind.',
  })
  panel!: PanelProgressDto | null;
  @ApiProperty({ type: InterviewOutcomeDto, nullable: true, description: 'Null while the interview is open.' }) result!: InterviewOutcomeDto | null;
}

export class CalibrationRecordedDto {
  @ApiProperty() note!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) reopenedPanelistId!: string | null;
}

export class CriterionMeanDto {
  @ApiProperty() criterion!: string;
  @ApiProperty() weight!: number;
  @ApiProperty() mean!: number;
}

export class InterviewResultDto {
  @ApiProperty() participantNumber!: string;
  @ApiProperty({ enum: ['SCORED', 'ABSENT'] }) outcome!: string;
  @ApiProperty({ nullable: true, type: Number }) total!: number | null;
  @ApiProperty({ type: CriterionMeanDto, isArray: true }) criteria!: CriterionMeanDto[];
  @ApiProperty() rubricVersion!: string;
}

const slot = (r: PanelistCandidateRow): SlotRefDto | null =>
  r.startsAt && r.endsAt && r.place
    ? {
        startsAt: new Date(r.startsAt).toISOString(),
        endsAt: new Date(r.endsAt).toISOString(),
        localStartsAt: formatLocalTime(new Date(r.startsAt), r.timeZone, 'en'),
        localEndsAt: formatLocalTime(new Date(r.endsAt), r.timeZone, 'en'),
        place: r.place,
      }
    : null;

export const mapPanelistCandidate = (r: PanelistCandidateRow): PanelistCandidateDto => ({
  panelId: r.panelId,
  participantNumber: r.participantNumber,
  formation: { code: r.formationCode, position: r.position },
  status: r.status,
  slot: slot(r),
  mySheet: r.sheetStatus ?? 'NONE',
});

export const mapSheet = (s: SheetRow): SheetDto => ({ panelistId: s.panelistId, displayName: s.displayName, status: s.status, scores: s.scores });

export const mapOutcome = (r: CandidateOutcomeRow): InterviewOutcomeDto => {
  const at = r.completedAt ? new Date(r.completedAt) : new Date(0);
  return {
    outcome: r.status === 'ABSENT' ? 'ABSENT' : 'SCORED',
    total: r.total === null ? null : Number(r.total),
    absentReason: r.absentReason,
    completedAt: at.toISOString(),
    localCompletedAt: formatLocalTime(at, r.timeZone, 'en'),
  };
};
