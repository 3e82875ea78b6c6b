import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { RequiredText } from '@seleksi/messaging';
import { AppealRow } from './appeals.repository';

export class FileAppealDto {
  @ApiProperty({ maxLength: 5000, description: 'Why the decision is wrong; no new documents can be attached' })
  @RequiredText(5000)
  text!: string;
}

export class ResolveAppealDto {
  @ApiProperty({ enum: ['UPHELD', 'REJECTED'] }) @IsIn(['UPHELD', 'REJECTED']) resolution!: 'UPHELD' | 'REJECTED';
  @ApiProperty({ maxLength: 2000 }) @RequiredText(2000) reason!: string;
}

export class AssignReviewerDto {
  @ApiProperty({ description: 'A verifier of the period other than the one who decided the case' }) @IsUUID() verifierId!: string;
}

export class OverdueQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() periodId?: string;
}

export class AppealDto {
  @ApiProperty() appealId!: string;
  @ApiProperty() applicationId!: string;
  @ApiProperty() periodId!: string;
  @ApiProperty() text!: string;
  @ApiProperty() filedAt!: string;
  @ApiProperty() answerDueAt!: string;
  @ApiProperty({ description: 'Agency local time', example: '13 December 2026, 23:59 WIB' }) answerDueAtLocal!: string;
  @ApiProperty({ enum: ['OPEN', 'UPHELD', 'REJECTED'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String }) resolvedAt!: string | null;
}

export class StaffAppealDto extends AppealDto {
  @ApiProperty({ nullable: true, type: String }) reviewerId!: string | null;
}

export function mapAppeal(row: AppealRow, answerDueAtLocal: string): AppealDto {
  return {
    appealId: row.appeal_id,
    applicationId: row.application_id,
    periodId: row.period_id,
    text: row.text,
    filedAt: new Date(row.filed_at).toISOString(),
    answerDueAt: new Date(row.answer_due_at).toISOString(),
    answerDueAtLocal,
    status: row.status,
    reason: row.reason,
    resolvedAt: row.resolved_at ? new Date(row.resolved_at).toISOString() : null,
  };
}

export function mapStaffAppeal(row: AppealRow, answerDueAtLocal: string): StaffAppealDto {
  return { ...mapAppeal(row, answerDueAtLocal), reviewerId: row.reviewer_id };
}
