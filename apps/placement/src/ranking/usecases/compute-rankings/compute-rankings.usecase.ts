import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError, Outbox } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { Clock } from '../../../clock/clock';
import { assertNotFrozen, PeriodRepository } from '../../../periods/period.repository';
import { AllocationRepository } from '../../../allocation/allocation.repository';
import { HandoversService } from '../../../handovers/handovers.service';
import { computeRankings } from '../../compute';
import { RankingRepository } from '../../ranking.repository';

export interface ComputeRankingsCommand {
  periodId: string;
  by: string;
}

export interface ComputeRankingsResult {
  periodId: string;
  formations: number;
  ranked: number;
  notRanked: number;
  exactTies: number;
}

/**
 * Integrates and ranks every formation of a period from the stored inputs, replaces the stored
 * rankings and withdraws any open proposal (it was made from the old ranking), and publishes one
 * RankingComputed per formation, all in one transaction. Refused once placements are confirmed
 * (PLACEMENTS_CONFIRMED), after the announcement (RANKING_FROZEN), and (409 HANDOVER_*) until
 * placement holds every result skb's SkbPeriodFinalized and interview's InterviewPeriodCompleted count.
 */
@Injectable()
export class ComputeRankings {
  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: PeriodRepository,
    private readonly rankings: RankingRepository,
    private readonly placements: AllocationRepository,
    private readonly handovers: HandoversService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  execute(command: ComputeRankingsCommand): Promise<ComputeRankingsResult> {
    return this.dataSource.transaction(async (manager) => {
      const period = await this.periods.get(manager, command.periodId, true);
      assertNotFrozen(period);
      if (period.confirmedAt) {
        throw new DomainError(
          'PLACEMENTS_CONFIRMED',
          'placements of this period are confirmed; rankings can no longer be recomputed',
          HttpStatus.CONFLICT,
          'periodId',
        );
      }
      await this.handovers.assertComplete(manager, period.periodId);
      const formations = await this.rankings.formations(manager, period.periodId);
      const candidates = await this.rankings.candidates(manager, period.periodId);
      const { entries, digests } = computeRankings(
        candidates,
        formations.map((f) => f.formationId),
        period,
      );
      const now = this.clock.now();
      await this.placements.withdrawProposals(manager, period.periodId);
      await this.periods.markProposed(manager, period.periodId, null);
      await this.rankings.replace(
        manager,
        period.periodId,
        entries,
        [...digests].map(([formationId, digest]) => ({ formationId, digest })),
        period,
        now,
        command.by,
      );
      const byFormation = new Map<string, { applicationId: string; rank: number; finalScore: number }[]>();
      for (const e of entries) {
        if (e.rank === null || e.finalScore === null) continue;
        const list = byFormation.get(e.formationId) ?? [];
        list.push({ applicationId: e.applicationId, rank: e.rank, finalScore: e.finalScore });
        byFormation.set(e.formationId, list);
      }
      await this.outbox.enqueueMany(
        manager,
        'RankingComputed',
        formations.map((f) => ({
          periodId: period.periodId,
          ruleVersion: period.ruleVersion,
          formationId: f.formationId,
          computedAt: now.toISOString(),
          inputsDigest: digests.get(f.formationId) ?? '',
          ranking: byFormation.get(f.formationId) ?? [],
        })),
      );
      const ranked = entries.filter((e) => e.rank !== null).length;
      return {
        periodId: period.periodId,
        formations: formations.length,
        ranked,
        notRanked: entries.length - ranked,
        exactTies: entries.filter((e) => e.exactTie).length,
      };
    });
  }
}
