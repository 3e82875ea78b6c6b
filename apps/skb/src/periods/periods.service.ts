import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError } from '@seleksi/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { SkbPeriodResponse } from './periods.dto';
import { PeriodOverview, PeriodsRepository, SkbPeriod } from './periods.repository';

function mapOverview(o: PeriodOverview): SkbPeriodResponse {
  return {
    periodId: o.periodId,
    ruleVersion: o.ruleVersion,
    timeZone: o.timeZone,
    components: o.rules.components.map((c) => ({
      component: c.component,
      label: c.label,
      source: c.source,
      weight: c.weight,
      maxScore: c.maxScore,
      passingGrade: c.passingGrade,
    })),
    participants: o.participants,
    venues: o.venues,
    sessions: o.sessions,
    capacity: o.capacity,
    seated: o.seated,
    complete: o.complete,
    allocationPublishedAt: o.allocationPublishedAt?.toISOString() ?? null,
    finalizedAt: o.finalizedAt?.toISOString() ?? null,
  };
}

/** Shared look-ups with their refusals, so every route says the same thing about a missing period. */
@Injectable()
export class PeriodsService {
  constructor(
    private readonly periods: PeriodsRepository,
    private readonly dataSource: DataSource,
  ) {}

  async require(manager: EntityManager, periodId: string, lock = false): Promise<SkbPeriod> {
    const period = await this.periods.find(manager, periodId, lock);
    if (!period) throw notFound(periodId);
    return period;
  }

  requireNotFinalized(period: SkbPeriod): void {
    if (period.finalizedAt)
      throw new DomainError('SKB_FINALIZED', 'periodId: SKB results of this period are final; scores can no longer change', HttpStatus.CONFLICT, 'periodId');
  }

  async overviews(): Promise<SkbPeriodResponse[]> {
    return (await this.periods.overviews(this.dataSource.manager)).map(mapOverview);
  }

  async overview(periodId: string): Promise<SkbPeriodResponse> {
    const [found] = await this.periods.overviews(this.dataSource.manager, periodId);
    if (!found) throw notFound(periodId);
    return mapOverview(found);
  }
}

function notFound(periodId: string): DomainError {
  return new DomainError('PERIOD_NOT_FOUND', `periodId: no SKB period ${periodId} (PeriodOpened not received)`, HttpStatus.NOT_FOUND, 'periodId');
}
