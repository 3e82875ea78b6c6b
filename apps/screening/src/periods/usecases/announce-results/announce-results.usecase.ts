import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError, Outbox } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { AuditRepository } from '../../../audit/audit.repository';
import { CasesRepository } from '../../../cases/cases.repository';
import { Clock } from '../../../common/clock';
import { formatLocalTime } from '@seleksi/time';
import { addDays } from '../../../common/local-time';
import { AnnouncementDto } from '../../periods.dto';
import { HandoversService } from '../../../handovers/handovers.service';
import { PeriodsRepository } from '../../periods.repository';

/**
 * Announces a period's administrative results once screening holds every application registration
 * counted at the close (the hand-over barrier) and every case is decided; the appeal windows are
 * counted from the announcement with the period's own numbers of days.
 */
@Injectable()
export class AnnounceResults {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly periods: PeriodsRepository,
    private readonly cases: CasesRepository,
    private readonly handovers: HandoversService,
    private readonly audit: AuditRepository,
  ) {}

  execute(adminId: string, periodId: string): Promise<AnnouncementDto> {
    return this.db.transaction(async (m) => {
      // FOR UPDATE waits for decisions in flight (they hold the period FOR SHARE) and keeps new ones out.
      const rules = await this.periods.rules(m, periodId, 'update');
      if (!rules) throw new DomainError('PERIOD_NOT_FOUND', `period ${periodId} is not known to screening`, HttpStatus.NOT_FOUND, 'periodId');
      if (await this.periods.announcement(m, periodId)) {
        throw new DomainError('RESULTS_ALREADY_ANNOUNCED', 'the results of this period are already announced', HttpStatus.CONFLICT, 'periodId');
      }
      const now = this.clock.now();
      const closes = new Date(rules.registrationClosesAt);
      // A case arriving after the announcement could be neither decided nor finalized.
      if (now <= closes) {
        throw new DomainError(
          'REGISTRATION_STILL_OPEN',
          `registration closes at ${formatLocalTime(closes, rules.timeZone, 'en')}`,
          HttpStatus.CONFLICT,
          'periodId',
        );
      }
      // PeriodClosed and submissions travel on different keys, so the close can arrive before the last cases.
      await this.handovers.assertComplete(m, periodId);
      const counts = await this.cases.countByStatus(m, periodId);
      if (counts.pending > 0) {
        throw new DomainError('UNDECIDED_CASES_REMAIN', `${counts.pending} case(s) are not decided yet`, HttpStatus.CONFLICT, 'periodId', {
          undecided: counts.pending,
        });
      }
      const announcedAt = now;
      const filingClosesAt = addDays(announcedAt, rules.appealFilingDays);
      const answeringClosesAt = addDays(filingClosesAt, rules.appealAnsweringDays);
      await this.periods.insertAnnouncement(m, {
        periodId,
        announcedAt,
        filingClosesAt,
        answeringClosesAt,
        eligible: counts.ms,
        ineligible: counts.tms,
        announcedBy: adminId,
      });
      await this.outbox.enqueue(m, 'AdministrativeResultsAnnounced', {
        periodId,
        ruleVersion: rules.ruleVersion,
        announcedAt: announcedAt.toISOString(),
        appealFilingClosesAt: filingClosesAt.toISOString(),
        appealAnsweringClosesAt: answeringClosesAt.toISOString(),
        eligible: counts.ms,
        ineligible: counts.tms,
      });
      await this.audit.record(m, announcedAt, [
        { actorId: adminId, action: 'RESULTS_ANNOUNCED', applicationId: null, periodId, details: { eligible: counts.ms, ineligible: counts.tms } },
      ]);
      return {
        periodId,
        announcedAt: announcedAt.toISOString(),
        appealFilingClosesAt: filingClosesAt.toISOString(),
        appealFilingClosesAtLocal: formatLocalTime(filingClosesAt, rules.timeZone, 'en'),
        appealAnsweringClosesAt: answeringClosesAt.toISOString(),
        appealAnsweringClosesAtLocal: formatLocalTime(answeringClosesAt, rules.timeZone, 'en'),
        eligible: counts.ms,
        ineligible: counts.tms,
      };
    });
  }
}
