import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError, Outbox } from '@seleksi/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../../clock/clock';
import { assertNotFrozen, PeriodRepository } from '../../periods/period.repository';
import { RankingRepository } from '../../ranking/ranking.repository';
import { allocate } from '../allocate';
import { AllocationRepository, PlacementRow } from '../allocation.repository';
import { assertNotConfirmed } from './period-placements';

/**
 * Proposes the period's allocation from the stored rankings (top quota per formation, then
 * optimalisasi in the period's scope), replacing any earlier proposal; one PlacementProposed per
 * placement, all carrying the same proposal id.
 */
@Injectable()
export class ProposeAllocation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: PeriodRepository,
    private readonly rankings: RankingRepository,
    private readonly placements: AllocationRepository,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  execute(command: { periodId: string; by: string }): Promise<{ proposalId: string; placements: PlacementRow[] }> {
    return this.dataSource.transaction(async (manager) => {
      const period = await this.periods.get(manager, command.periodId, true);
      assertNotFrozen(period);
      assertNotConfirmed(period);
      const formations = await this.rankings.formations(manager, period.periodId);
      const entries = await this.rankings.rankedEntries(manager, period.periodId);
      const computed = (await manager.query(`SELECT 1 FROM placement.rankings WHERE period_id = $1 LIMIT 1`, [period.periodId])) as unknown[];
      if (computed.length === 0) {
        throw new DomainError('RANKINGS_NOT_COMPUTED', 'compute the rankings of this period before proposing an allocation', HttpStatus.CONFLICT, 'periodId');
      }
      await this.placements.withdrawProposals(manager, period.periodId);
      const applicantOf = new Map(entries.map((e) => [e.applicationId, e.applicantId]));
      const allocations = allocate({
        formations,
        ranked: entries.map((e) => ({ applicationId: e.applicationId, formationId: e.formationId, rank: e.rank ?? 0, finalScore: e.finalScore ?? 0 })),
        scope: period.optimalisasiScope,
        excluded: await this.placements.declinedApplications(manager, period.periodId),
      });
      const placed = await this.placements.insert(
        manager,
        period.periodId,
        allocations.map((a) => ({ ...a, applicantId: applicantOf.get(a.applicationId) ?? null })),
        'PROPOSED',
        this.clock.now(),
      );
      await this.periods.markProposed(manager, period.periodId, this.clock.now());
      const proposalId = randomUUID();
      await this.outbox.enqueueMany(
        manager,
        'PlacementProposed',
        placed.map((p) => ({
          periodId: period.periodId,
          ruleVersion: period.ruleVersion,
          applicationId: p.applicationId,
          formationId: p.formationId,
          proposalId,
          kind: p.kind,
          why: p.why,
          rank: p.rank,
        })),
      );
      return { proposalId, placements: placed };
    });
  }
}
