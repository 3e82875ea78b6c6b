import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError, Outbox } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { Clock } from '../../clock/clock';
import { assertNotFrozen, PeriodRepository } from '../../periods/period.repository';
import { RankingRepository } from '../../ranking/ranking.repository';
import { AllocationRepository, PlacementRow } from '../allocation.repository';
import { announcePlaced, assertNotConfirmed } from './period-placements';

/** The officer confirms the open proposal: every proposed placement is confirmed and CandidatePlaced goes out. */
@Injectable()
export class ConfirmPlacements {
  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: PeriodRepository,
    private readonly rankings: RankingRepository,
    private readonly placements: AllocationRepository,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  execute(command: { periodId: string; by: string }): Promise<PlacementRow[]> {
    return this.dataSource.transaction(async (manager) => {
      const period = await this.periods.get(manager, command.periodId, true);
      assertNotFrozen(period);
      assertNotConfirmed(period);
      if ((await this.placements.pendingOverrides(manager, period.periodId)).length > 0) {
        throw new DomainError(
          'OVERRIDE_PENDING_APPROVAL',
          "an override of this proposal waits for a second officer's approval",
          HttpStatus.CONFLICT,
          'periodId',
        );
      }
      if (!period.proposedAt)
        throw new DomainError('NO_PROPOSAL', 'there is no open proposal to confirm (propose after the last recompute)', HttpStatus.CONFLICT, 'periodId');
      const proposed = await this.placements.ofPeriod(manager, period.periodId, ['PROPOSED']);
      const now = this.clock.now();
      await this.placements.setStatus(
        manager,
        proposed.map((p) => p.placementId),
        'CONFIRMED',
        now,
      );
      await this.periods.markConfirmed(manager, period.periodId, now);
      const confirmed = proposed.map((p) => ({ ...p, status: 'CONFIRMED' as const, confirmedAt: now }));
      await announcePlaced(manager, this.outbox, period, await this.rankings.formations(manager, period.periodId), confirmed);
      return confirmed;
    });
  }
}
