import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError, Outbox } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { Clock } from '../../clock/clock';
import { PeriodRepository } from '../../periods/period.repository';
import { RankingRepository } from '../../ranking/ranking.repository';
import { AllocationRepository } from '../allocation.repository';

export interface AnnouncementResult {
  periodId: string;
  announcedAt: string;
  placed: number;
  vacancies: number;
}

/** The admin announces a confirmed period: PlacementAnnounced, and from now on its rankings are frozen. */
@Injectable()
export class AnnouncePeriod {
  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: PeriodRepository,
    private readonly rankings: RankingRepository,
    private readonly placements: AllocationRepository,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  execute(command: { periodId: string; by: string }): Promise<AnnouncementResult> {
    return this.dataSource.transaction(async (manager) => {
      const period = await this.periods.get(manager, command.periodId, true);
      if (period.announcedAt) throw new DomainError('ALREADY_ANNOUNCED', 'this period was already announced', HttpStatus.CONFLICT, 'periodId');
      if (!period.confirmedAt)
        throw new DomainError('NOT_CONFIRMED', 'a placement officer must confirm the placements before the announcement', HttpStatus.CONFLICT, 'periodId');
      const placed = await this.placements.ofPeriod(manager, period.periodId, ['CONFIRMED']);
      const formations = await this.rankings.formations(manager, period.periodId);
      const vacancies = formations.reduce((sum, f) => sum + Math.max(0, f.quota - placed.filter((p) => p.formationId === f.formationId).length), 0);
      const now = this.clock.now();
      await this.periods.markAnnounced(manager, period.periodId, now);
      const result = { periodId: period.periodId, announcedAt: now.toISOString(), placed: placed.length, vacancies };
      await this.outbox.enqueue(manager, 'PlacementAnnounced', { ...result, ruleVersion: period.ruleVersion });
      return result;
    });
  }
}
