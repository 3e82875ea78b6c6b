import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError } from '@seleksi/messaging';
import { EntityManager } from 'typeorm';
import { PeriodsRepository, SkbPeriod } from './periods.repository';

/** Shared look-ups with their refusals, so every route says the same thing about a missing period. */
@Injectable()
export class PeriodsService {
  constructor(private readonly periods: PeriodsRepository) {}

  async require(manager: EntityManager, periodId: string, lock = false): Promise<SkbPeriod> {
    const period = await this.periods.find(manager, periodId, lock);
    if (!period) throw new DomainError('PERIOD_NOT_FOUND', `periodId: no SKB period ${periodId} (PeriodOpened not received)`, HttpStatus.NOT_FOUND, 'periodId');
    return period;
  }

  requireNotFinalized(period: SkbPeriod): void {
    if (period.finalizedAt)
      throw new DomainError('SKB_FINALIZED', 'periodId: SKB results of this period are final; scores can no longer change', HttpStatus.CONFLICT, 'periodId');
  }
}
