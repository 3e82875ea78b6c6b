import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { AgencyTimeZone } from '@seleksi/contracts';
import { DomainError } from '@seleksi/messaging';
import { formatLocalTime } from '@seleksi/time';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository';
import { CasesRepository } from '../cases/cases.repository';
import { Clock } from '../common/clock';
import { VerifiersRepository } from '../verifiers/verifiers.repository';
import { PeriodsRepository } from '../periods/periods.repository';
import { AppealDto, mapAppeal, mapStaffAppeal, StaffAppealDto } from './appeals.dto';
import { AppealRow, AppealsRepository } from './appeals.repository';

@Injectable()
export class AppealsService {
  private readonly logger = new Logger('Appeals');

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly appeals: AppealsRepository,
    private readonly periods: PeriodsRepository,
    private readonly cases: CasesRepository,
    private readonly verifiers: VerifiersRepository,
    private readonly audit: AuditRepository,
  ) {}

  private async local(manager: EntityManager, rows: AppealRow[]): Promise<Map<string, string>> {
    const zones = new Map<string, AgencyTimeZone>();
    for (const periodId of new Set(rows.map((r) => r.period_id))) zones.set(periodId, (await this.periods.rules(manager, periodId))?.timeZone ?? 'WIB');
    return new Map(rows.map((r) => [r.appeal_id, formatLocalTime(new Date(r.answer_due_at), zones.get(r.period_id)!, 'en')]));
  }

  /** The applicant's own appeal; another applicant's is simply not found. */
  async ofApplicant(applicantId: string, applicationId: string): Promise<AppealDto> {
    const row = await this.appeals.findOfApplicant(this.db.manager, applicantId, applicationId);
    if (!row) throw new DomainError('APPEAL_NOT_FOUND', `no appeal filed for application ${applicationId}`, HttpStatus.NOT_FOUND, 'applicationId');
    const local = await this.local(this.db.manager, [row]);
    return mapAppeal(row, local.get(row.appeal_id)!);
  }

  async assignedTo(reviewerId: string): Promise<StaffAppealDto[]> {
    const rows = await this.appeals.assignedTo(this.db.manager, reviewerId);
    const local = await this.local(this.db.manager, rows);
    return rows.map((r) => mapStaffAppeal(r, local.get(r.appeal_id)!));
  }

  /**
   * Gives an open appeal a reviewer: when none was eligible at filing (every verifier decided it or
   * is of the applicant's family) or the one assigned is away. Four-eyes and family rules still hold.
   */
  assignReviewer(adminId: string, appealId: string, verifierId: string): Promise<StaffAppealDto> {
    return this.db.transaction(async (m) => {
      const appeal = await this.appeals.lock(m, appealId);
      if (!appeal) throw new DomainError('APPEAL_NOT_FOUND', `no appeal ${appealId}`, HttpStatus.NOT_FOUND, 'appealId');
      if (appeal.status !== 'OPEN') throw new DomainError('APPEAL_ALREADY_RESOLVED', 'this appeal has been answered', HttpStatus.CONFLICT, 'appealId');
      const row = (await this.cases.find(m, appeal.application_id))!;
      const verifier = await this.verifiers.find(m, appeal.period_id, verifierId);
      if (!verifier) throw new DomainError('VERIFIER_NOT_FOUND', 'that account is not a verifier of the period', HttpStatus.NOT_FOUND, 'verifierId');
      if (row.decided_by === verifierId) {
        throw new DomainError('REVIEWER_IS_DECIDER', 'the verifier who decided the case cannot review its appeal', HttpStatus.CONFLICT, 'verifierId');
      }
      if (row.kk_digest !== null && verifier.kk_digest === row.kk_digest) {
        throw new DomainError('VERIFIER_SAME_FAMILY', 'the verifier shares a KK number with the applicant', HttpStatus.CONFLICT, 'verifierId');
      }
      await this.appeals.setReviewer(m, appealId, verifierId);
      await this.audit.record(m, this.clock.now(), [
        {
          actorId: adminId,
          action: 'APPEAL_REVIEWER_ASSIGNED',
          applicationId: appeal.application_id,
          periodId: appeal.period_id,
          details: { appealId, from: appeal.reviewer_id, to: verifierId },
        },
      ]);
      const saved = (await this.appeals.lock(m, appealId))!;
      const local = await this.local(m, [saved]);
      return mapStaffAppeal(saved, local.get(saved.appeal_id)!);
    });
  }

  async overdue(periodId: string | undefined): Promise<StaffAppealDto[]> {
    const rows = await this.appeals.overdue(this.db.manager, this.clock.now(), periodId);
    if (rows.length > 0) this.logger.warn(`${rows.length} appeal(s) past their answer deadline and still unanswered`);
    const local = await this.local(this.db.manager, rows);
    return rows.map((r) => mapStaffAppeal(r, local.get(r.appeal_id)!));
  }
}
