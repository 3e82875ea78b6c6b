import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError, Outbox } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { Clock, localDate } from '../../clock/clock';
import { PeriodRepository } from '../../periods/period.repository';
import { RankingRepository } from '../../ranking/ranking.repository';
import { allocate } from '../allocate';
import { AllocationRepository, PlacementRow } from '../allocation.repository';
import { formatLocalDate } from '@seleksi/time';
import { announcePlaced } from './period-placements';

export interface DeclineResult {
  declined: PlacementRow;
  replacements: PlacementRow[];
}

/**
 * A placed applicant declines their own placement before the reporting date (agency-local day):
 * PlacementDeclined, then the freed seat goes to the next candidate by the same rules (own
 * formation first, then the optimalisasi scope), confirmed at once as REPLACEMENT (CandidatePlaced).
 * The frozen ranking is not recomputed: replacements come from it.
 */
@Injectable()
export class DeclinePlacement {
  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: PeriodRepository,
    private readonly rankings: RankingRepository,
    private readonly placements: AllocationRepository,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  execute(command: { applicantId: string; applicationId: string; reason: string }): Promise<DeclineResult> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.placements.latestOfApplicant(manager, command.applicantId, command.applicationId);
      // Someone else's application and no placement at all look the same: 404.
      if (!found) throw new DomainError('PLACEMENT_NOT_FOUND', 'you have no placement for this application', HttpStatus.NOT_FOUND, 'applicationId');
      const period = await this.periods.get(manager, found.periodId, true);
      const placement = await this.placements.find(manager, period.periodId, found.placementId);
      if (!placement || placement.status !== 'CONFIRMED') {
        throw new DomainError('PLACEMENT_NOT_CONFIRMED', 'only a confirmed placement can be declined', HttpStatus.CONFLICT, 'applicationId');
      }
      const now = this.clock.now();
      if (localDate(now, period.timeZone) >= period.reportingDate) {
        // reportingDate is an agency-local calendar date; read at UTC midnight it stays that date in every zone (all are ahead of UTC).
        const shown = formatLocalDate(`${period.reportingDate}T00:00:00.000Z`, period.timeZone, 'en');
        throw new DomainError(
          'DECLINE_WINDOW_CLOSED',
          `a placement can be declined only before the reporting date, ${shown}`,
          HttpStatus.CONFLICT,
          'applicationId',
          {
            reportingDate: period.reportingDate,
            zone: period.timeZone,
          },
        );
      }
      await this.placements.markDeclined(manager, placement.placementId, now, command.reason);
      await this.outbox.enqueue(manager, 'PlacementDeclined', {
        periodId: period.periodId,
        ruleVersion: period.ruleVersion,
        applicationId: placement.applicationId,
        formationId: placement.formationId,
        declinedAt: now.toISOString(),
        reason: command.reason,
      });
      const formations = await this.rankings.formations(manager, period.periodId);
      const entries = await this.rankings.rankedEntries(manager, period.periodId);
      const taken = await this.placements.ofPeriod(manager, period.periodId, ['CONFIRMED']);
      const applicantOf = new Map(entries.map((e) => [e.applicationId, e.applicantId]));
      const allocations = allocate({
        formations,
        ranked: entries.map((e) => ({ applicationId: e.applicationId, formationId: e.formationId, rank: e.rank ?? 0, finalScore: e.finalScore ?? 0 })),
        scope: period.optimalisasiScope,
        taken: taken.map((t) => ({ applicationId: t.applicationId, seatFormationId: t.formationId })),
        excluded: await this.placements.declinedApplications(manager, period.periodId),
        mode: 'REPLACEMENT',
      });
      const replacements = await this.placements.insert(
        manager,
        period.periodId,
        allocations.map((a) => ({ ...a, applicantId: applicantOf.get(a.applicationId) ?? null })),
        'CONFIRMED',
        now,
      );
      await announcePlaced(manager, this.outbox, period, formations, replacements);
      return { declined: { ...placement, status: 'DECLINED', declinedAt: now, declineReason: command.reason }, replacements };
    });
  }
}
