import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError, Outbox } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { tuneForBulk } from '../../../common/bulk-transaction';
import { Clock } from '../../../common/clock';
import { PeriodsRepository } from '../../../periods/periods.repository';
import { HandoversService } from '../../../handovers/handovers.service';
import { PeriodsService } from '../../../periods/periods.service';
import { RESULTS_FINALIZED_BATCH, ResultsFinalizedParams } from '../../results.batches';
import { formatLocalTime } from '@seleksi/time';
import { ResultsRepository } from '../../results.repository';

export interface FinalizeResultsCommand {
  periodId: string;
}

export interface FinalizeResultsResult {
  participants: number;
  formations: number;
  outcomes: Record<string, number>;
  finalizedAt: string;
}

/**
 * Finalizes a period's SKB once: ranks every formation with the period's rules, stores the results and
 * emits SkbResultFinalized per participant, all in one transaction (the ranking and results in one
 * statement, so no participant passes through this process; the events as one event batch read back
 * from the results), then SkbPeriodFinalized with the counts interview and placement wait for. Refused while a present participant lacks a component score, and a second time.
 */
@Injectable()
export class FinalizeResultsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: PeriodsService,
    private readonly handovers: HandoversService,
    private readonly periodsRepository: PeriodsRepository,
    private readonly results: ResultsRepository,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async execute(command: FinalizeResultsCommand): Promise<FinalizeResultsResult> {
    return this.dataSource.transaction(async (manager) => {
      const period = await this.periods.require(manager, command.periodId, true);
      if (period.finalizedAt) {
        throw new DomainError(
          'ALREADY_FINALIZED',
          `periodId: SKB results were finalized at ${formatLocalTime(period.finalizedAt, period.timeZone, 'en')}`,
          HttpStatus.CONFLICT,
          'periodId',
          { finalizedAt: period.finalizedAt.toISOString() },
        );
      }
      // Results computed without a participant still in consumer lag would leave them without one.
      await this.handovers.assertComplete(manager, period.periodId);
      const at = this.clock.now();
      await tuneForBulk(manager);
      const counts = await this.results.finalize(manager, period, at);
      const { unscored, unnumbered } = counts;
      if (unscored > 0 || unnumbered > 0) {
        // Thrown inside the transaction: the results the statement wrote are rolled back.
        throw new DomainError(
          'SCORES_INCOMPLETE',
          `periodId: ${unscored} participant(s) have neither every component score nor TH/DIS` +
            (unnumbered > 0 ? `; ${unnumbered} participant(s) belong to a formation not yet published` : ''),
          HttpStatus.CONFLICT,
          'periodId',
          { unscored, unnumbered },
        );
      }
      const batch: ResultsFinalizedParams = { periodId: period.periodId, components: period.rules.components.map((c) => c.component) };
      await this.outbox.enqueueBatch(manager, 'SkbResultFinalized', RESULTS_FINALIZED_BATCH, { ...batch }, counts.participants);
      // After every SkbResultFinalized in the outbox: what interview and placement must hold before they act on the period.
      const handedOn = await this.handovers.handedOn(manager, period.periodId);
      await this.outbox.enqueue(manager, 'SkbPeriodFinalized', {
        periodId: period.periodId,
        ruleVersion: period.ruleVersion,
        finalizedAt: at.toISOString(),
        results: handedOn.resultsByFormation.reduce((sum, f) => sum + f.count, 0),
        proceeding: handedOn.proceedingByFormation.reduce((sum, f) => sum + f.count, 0),
        ...handedOn,
      });
      const outcomes: Record<string, number> = { 'P/L': 0, P: 0, TL: 0, TH: 0, DIS: 0, ...counts.outcomes };
      await this.periodsRepository.markFinalized(manager, period.periodId, at);
      return { participants: counts.participants, formations: counts.formations, outcomes, finalizedAt: at.toISOString() };
    });
  }
}
