import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError, Outbox } from '@seleksi/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CasesRepository } from '../../../cases/cases.repository';
import { Clock } from '../../../common/clock';
import { formatLocalTime } from '@seleksi/time';
import { PeriodsRepository } from '../../../periods/periods.repository';
import { AppealDto, mapAppeal } from '../../appeals.dto';
import { AppealsRepository } from '../../appeals.repository';

export interface FileAppealCommand {
  applicantId: string;
  applicationId: string;
  text: string;
}

/**
 * A TMS applicant's one appeal (sanggah), during the filing window after the announcement. It goes
 * to a verifier other than the one who decided the case and not of the applicant's family.
 */
@Injectable()
export class FileAppeal {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly cases: CasesRepository,
    private readonly periods: PeriodsRepository,
    private readonly appeals: AppealsRepository,
  ) {}

  execute(command: FileAppealCommand): Promise<AppealDto> {
    return this.db.transaction(async (m) => {
      const row = await this.cases.findOfApplicant(m, command.applicantId, command.applicationId, true);
      if (!row) throw new DomainError('CASE_NOT_FOUND', `no screening case for application ${command.applicationId}`, HttpStatus.NOT_FOUND, 'applicationId');
      const announcement = await this.periods.announcement(m, row.period_id);
      if (!announcement) {
        throw new DomainError(
          'RESULTS_NOT_ANNOUNCED',
          'administrative results are not announced yet; there is nothing to appeal',
          HttpStatus.CONFLICT,
          'applicationId',
        );
      }
      const rules = await this.periods.rules(m, row.period_id);
      const timeZone = rules?.timeZone ?? 'WIB';
      if (row.status === 'FINALIZED')
        throw new DomainError('CASE_FINALIZED', 'the screening of this application is final', HttpStatus.CONFLICT, 'applicationId');
      if (row.result !== 'TMS') {
        throw new DomainError(
          'APPEAL_NOT_ALLOWED',
          'only an application found TMS (tidak memenuhi syarat) can be appealed',
          HttpStatus.CONFLICT,
          'applicationId',
        );
      }
      if (await this.appeals.findByApplication(m, row.application_id)) {
        throw new DomainError('APPEAL_ALREADY_FILED', 'an application can be appealed once', HttpStatus.CONFLICT, 'applicationId');
      }
      const now = this.clock.now();
      const opens = new Date(announcement.announced_at);
      const closes = new Date(announcement.filing_closes_at);
      if (now < opens || now > closes) {
        const opensLocal = formatLocalTime(opens, timeZone, 'en');
        const closesLocal = formatLocalTime(closes, timeZone, 'en');
        throw new DomainError('APPEAL_WINDOW_CLOSED', `appeals could be filed from ${opensLocal} to ${closesLocal}`, HttpStatus.CONFLICT, 'applicationId', {
          window: { opensAt: opens.toISOString(), closesAt: closes.toISOString(), opensAtLocal: opensLocal, closesAtLocal: closesLocal, timeZone },
        });
      }
      const reviewerId = await this.appeals.pickReviewer(m, row.period_id, row.decided_by, row.kk_digest);
      const appealId = randomUUID();
      const answerDueAt = new Date(announcement.answering_closes_at);
      await this.appeals.insert(m, {
        appealId,
        applicationId: row.application_id,
        periodId: row.period_id,
        applicantId: command.applicantId,
        text: command.text.trim(),
        filedAt: now,
        answerDueAt,
        reviewerId,
      });
      await this.outbox.enqueue(m, 'AppealFiled', {
        periodId: row.period_id,
        ruleVersion: row.rule_version,
        applicationId: row.application_id,
        formationId: row.formation_id,
        appealId,
        filedAt: now.toISOString(),
        answerDueAt: answerDueAt.toISOString(),
      });
      const saved = (await this.appeals.findByApplication(m, row.application_id))!;
      return mapAppeal(saved, formatLocalTime(answerDueAt, timeZone, 'en'));
    });
  }
}
