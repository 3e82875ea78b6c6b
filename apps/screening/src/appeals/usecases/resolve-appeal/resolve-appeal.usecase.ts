import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { DomainError, Outbox } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { AuditRepository } from '../../../audit/audit.repository';
import { CasesRepository } from '../../../cases/cases.repository';
import { Clock } from '../../../common/clock';
import { formatLocalTime } from '@seleksi/time';
import { PeriodsRepository } from '../../../periods/periods.repository';
import { mapStaffAppeal, StaffAppealDto } from '../../appeals.dto';
import { AppealsRepository } from '../../appeals.repository';

export interface ResolveAppealCommand {
  reviewerId: string;
  appealId: string;
  resolution: 'UPHELD' | 'REJECTED';
  reason: string;
}

/**
 * The reviewer's answer. An upheld appeal makes the application MS. An answer after the deadline is
 * still taken (the applicant is owed one, and finalization waits for it) but recorded as late; the
 * overdue list is how admins see it coming.
 */
@Injectable()
export class ResolveAppeal {
  private readonly logger = new Logger('Appeals');

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly appeals: AppealsRepository,
    private readonly cases: CasesRepository,
    private readonly periods: PeriodsRepository,
    private readonly audit: AuditRepository,
  ) {}

  execute(command: ResolveAppealCommand): Promise<StaffAppealDto> {
    return this.db.transaction(async (m) => {
      const appeal = await this.appeals.lock(m, command.appealId);
      if (!appeal || appeal.reviewer_id !== command.reviewerId) {
        throw new DomainError('APPEAL_NOT_FOUND', `no appeal ${command.appealId} assigned to you`, HttpStatus.NOT_FOUND, 'appealId');
      }
      if (appeal.status !== 'OPEN') throw new DomainError('APPEAL_ALREADY_RESOLVED', 'this appeal has been answered', HttpStatus.CONFLICT, 'appealId');
      const row = (await this.cases.find(m, appeal.application_id, true))!;
      const now = this.clock.now();
      const late = now > new Date(appeal.answer_due_at);
      const reason = command.reason.trim();
      if (command.resolution === 'UPHELD') await this.cases.setResult(m, row.application_id, 'MS', []);
      await this.appeals.resolve(m, appeal.appeal_id, { status: command.resolution, reason, resolvedAt: now, resolvedBy: command.reviewerId });
      await this.outbox.enqueue(m, 'AppealResolved', {
        periodId: row.period_id,
        ruleVersion: row.rule_version,
        applicationId: row.application_id,
        formationId: row.formation_id,
        appealId: appeal.appeal_id,
        resolution: command.resolution,
        reason,
        resultingResult: command.resolution === 'UPHELD' ? 'MS' : (row.result ?? 'TMS'),
        resolvedAt: now.toISOString(),
      });
      await this.audit.record(m, now, [
        {
          actorId: command.reviewerId,
          action: 'APPEAL_RESOLVED',
          applicationId: row.application_id,
          periodId: row.period_id,
          details: { appealId: appeal.appeal_id, resolution: command.resolution, late },
        },
      ]);
      if (late) this.logger.warn(`appeal ${appeal.appeal_id} answered late (due ${new Date(appeal.answer_due_at).toISOString()})`);
      const rules = await this.periods.rules(m, row.period_id);
      const saved = (await this.appeals.lock(m, appeal.appeal_id))!;
      return mapStaffAppeal(saved, formatLocalTime(new Date(saved.answer_due_at), rules?.timeZone ?? 'WIB', 'en'));
    });
  }
}
