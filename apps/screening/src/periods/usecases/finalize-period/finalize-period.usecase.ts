import { HttpStatus, Injectable } from '@nestjs/common';
import { ScreeningFinalized } from '@seleksi/contracts';
import { DomainError, Outbox } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { AppealsRepository } from '../../../appeals/appeals.repository';
import { AuditRepository } from '../../../audit/audit.repository';
import { CaseRow, CasesRepository } from '../../../cases/cases.repository';
import { Clock } from '../../../common/clock';
import { formatLocalTime } from '@seleksi/time';
import { FinalizationDto } from '../../periods.dto';
import { PeriodsRepository } from '../../periods.repository';

/** Cases finalized (and events written) per statement. */
const FINALIZE_BATCH = 5_000;

export function finalizedEvent(row: CaseRow, finalizedAt: Date): ScreeningFinalized {
  const s = row.submission;
  return {
    periodId: row.period_id,
    ruleVersion: row.rule_version,
    applicationId: row.application_id,
    formationId: row.formation_id,
    result: row.result!,
    reasons: row.result === 'MS' ? [] : row.reasons,
    finalizedAt: finalizedAt.toISOString(),
    applicantId: s.applicant.applicantId,
    fullName: s.applicant.fullName,
    registrationNumber: s.registrationNumber,
    photoDocumentId: s.documents.find((d) => d.type === 'pas-foto')?.documentId ?? null,
    gpa: s.education.gpa,
    dateOfBirth: s.applicant.dateOfBirth,
    kkDigest: s.applicant.kkDigest,
  };
}

/** The final administrative list: only after the filing window has closed and every appeal is answered. */
@Injectable()
export class FinalizePeriod {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly periods: PeriodsRepository,
    private readonly cases: CasesRepository,
    private readonly appeals: AppealsRepository,
    private readonly audit: AuditRepository,
  ) {}

  execute(adminId: string, periodId: string): Promise<FinalizationDto> {
    return this.db.transaction(async (m) => {
      const rules = await this.periods.rules(m, periodId, 'update');
      if (!rules) throw new DomainError('PERIOD_NOT_FOUND', `period ${periodId} is not known to screening`, HttpStatus.NOT_FOUND, 'periodId');
      const announcement = await this.periods.announcement(m, periodId, true);
      if (!announcement) throw new DomainError('RESULTS_NOT_ANNOUNCED', 'announce the administrative results first', HttpStatus.CONFLICT, 'periodId');
      if (announcement.finalized_at) throw new DomainError('ALREADY_FINALIZED', 'this period is already finalized', HttpStatus.CONFLICT, 'periodId');
      const now = this.clock.now();
      const filingCloses = new Date(announcement.filing_closes_at);
      if (now <= filingCloses) {
        throw new DomainError(
          'APPEAL_FILING_OPEN',
          `appeals can be filed until ${formatLocalTime(filingCloses, rules.timeZone, 'en')}`,
          HttpStatus.CONFLICT,
          'periodId',
        );
      }
      const open = await this.appeals.countOpen(m, periodId);
      if (open > 0) throw new DomainError('APPEALS_OPEN', `${open} appeal(s) are not answered yet`, HttpStatus.CONFLICT, 'periodId', { openAppeals: open });
      const pending = (await this.cases.countByStatus(m, periodId)).pending;
      if (pending > 0) {
        throw new DomainError('UNDECIDED_CASES_REMAIN', `${pending} case(s) are not decided yet`, HttpStatus.CONFLICT, 'periodId', { undecided: pending });
      }
      let finalized = 0;
      let eligible = 0;
      for (;;) {
        const rows = await this.cases.finalizeBatch(m, periodId, now, FINALIZE_BATCH);
        if (rows.length === 0) break;
        await this.outbox.enqueueMany(
          m,
          'ScreeningFinalized',
          rows.map((r) => finalizedEvent(r, now)),
        );
        finalized += rows.length;
        eligible += rows.filter((r) => r.result === 'MS').length;
      }
      // After every ScreeningFinalized in the outbox: what skb must hold before it allocates seats.
      await this.outbox.enqueue(m, 'ScreeningPeriodFinalized', {
        periodId,
        ruleVersion: rules.ruleVersion,
        finalizedAt: now.toISOString(),
        finalized,
        eligible,
        eligibleByFormation: await this.cases.eligibleByFormation(m, periodId),
      });
      await this.periods.markFinalized(m, periodId, now, adminId);
      await this.audit.record(m, now, [{ actorId: adminId, action: 'PERIOD_FINALIZED', applicationId: null, periodId, details: { finalized, eligible } }]);
      return { periodId, finalizedAt: now.toISOString(), finalized, eligible, ineligible: finalized - eligible };
    });
  }
}
