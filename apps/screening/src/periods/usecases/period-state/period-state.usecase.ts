import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError } from '@seleksi/messaging';
import { formatLocalTime } from '@seleksi/time';
import { DataSource } from 'typeorm';
import { ScreeningPeriodStateDto } from '../../periods.dto';
import { PeriodsRepository } from '../../periods.repository';

/** Where a period stands at screening's admin steps, read back as recorded (an admin's page that comes back to them). */
@Injectable()
export class PeriodState {
  constructor(
    private readonly db: DataSource,
    private readonly periods: PeriodsRepository,
  ) {}

  async execute(periodId: string): Promise<ScreeningPeriodStateDto> {
    const rules = await this.periods.rules(this.db.manager, periodId);
    if (!rules) throw new DomainError('PERIOD_NOT_FOUND', `period ${periodId} is not known to screening`, HttpStatus.NOT_FOUND, 'periodId');
    const a = await this.periods.announcement(this.db.manager, periodId);
    const local = (at: Date) => formatLocalTime(at, rules.timeZone, 'en');
    return {
      periodId,
      announcement: a
        ? {
            periodId,
            announcedAt: new Date(a.announced_at).toISOString(),
            appealFilingClosesAt: new Date(a.filing_closes_at).toISOString(),
            appealFilingClosesAtLocal: local(new Date(a.filing_closes_at)),
            appealAnsweringClosesAt: new Date(a.answering_closes_at).toISOString(),
            appealAnsweringClosesAtLocal: local(new Date(a.answering_closes_at)),
            eligible: a.eligible,
            ineligible: a.ineligible,
          }
        : null,
      finalizedAt: a?.finalized_at ? new Date(a.finalized_at).toISOString() : null,
      finalizedAtLocal: a?.finalized_at ? local(new Date(a.finalized_at)) : null,
    };
  }
}
