import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError, Outbox } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { Clock } from '../../clock/clock';
import { assertNotFrozen, PeriodRepository } from '../../periods/period.repository';
import { RankingRepository } from '../../ranking/ranking.repository';
import { AllocationRepository, OverrideRow } from '../allocation.repository';
import { applyOverride } from './override-placement.usecase';
import { assertNotConfirmed } from './period-placements';

/** Four eyes: a second placement officer, not the one who asked, approves and so applies an override. */
@Injectable()
export class ApproveOverride {
  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: PeriodRepository,
    private readonly rankings: RankingRepository,
    private readonly placements: AllocationRepository,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  execute(command: { periodId: string; overrideId: string; by: string }): Promise<OverrideRow> {
    return this.dataSource.transaction(async (manager) => {
      const period = await this.periods.get(manager, command.periodId, true);
      assertNotFrozen(period);
      assertNotConfirmed(period);
      const o = await this.placements.findOverride(manager, period.periodId, command.overrideId);
      if (!o) throw new DomainError('OVERRIDE_NOT_FOUND', `no override ${command.overrideId} in this period`, HttpStatus.NOT_FOUND, 'overrideId');
      if (o.status !== 'PENDING') throw new DomainError('OVERRIDE_NOT_PENDING', 'this override is already applied', HttpStatus.CONFLICT, 'overrideId');
      if (o.requestedBy === command.by) {
        throw new DomainError(
          'SECOND_OFFICER_REQUIRED',
          'an override must be approved by another placement officer than the one who asked for it',
          HttpStatus.FORBIDDEN,
          'overrideId',
        );
      }
      await applyOverride(manager, this.rankings, this.placements, this.outbox, period, o.overrideId, command.by, this.clock.now());
      return (await this.placements.findOverride(manager, period.periodId, o.overrideId)) as OverrideRow;
    });
  }
}
