import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DomainError, Outbox } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { Clock } from '../../../common/clock';
import { PeriodsRepository } from '../../../periods/periods.repository';
import { PeriodsService } from '../../../periods/periods.service';
import { ResultsRepository } from '../../results.repository';
import { formationResults } from '../../results.rules';

export interface FinalizeResultsCommand {
  periodId: string;
}

export interface FinalizeResultsResult {
  participants: number;
  formations: number;
  outcomes: Record<string, number>;
  finalizedAt: string;
}

/** Formations are read, ranked and written in batches of about this many participants (bounded memory). */
const BATCH_PARTICIPANTS = 10_000;

/**
 * Finalizes a period's SKB once: ranks every formation with the period's rules, stores the results and
 * emits SkbResultFinalized per participant, all in one transaction. Refused while a present participant
 * lacks a component score, and a second time.
 */
@Injectable()
export class FinalizeResultsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: PeriodsService,
    private readonly periodsRepository: PeriodsRepository,
    private readonly results: ResultsRepository,
    @Inject(Outbox) private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async execute(command: FinalizeResultsCommand): Promise<FinalizeResultsResult> {
    return this.dataSource.transaction(async (manager) => {
      const period = await this.periods.require(manager, command.periodId, true);
      if (period.finalizedAt) {
        throw new DomainError('ALREADY_FINALIZED', `periodId: SKB results were finalized at ${period.finalizedAt.toISOString()}`, HttpStatus.CONFLICT, 'periodId');
      }
      const rules = period.rules;
      const { unscored, unnumbered } = await this.results.blockers(manager, period.periodId, rules.components.map((c) => c.component));
      if (unscored > 0 || unnumbered > 0) {
        throw new DomainError(
          'SCORES_INCOMPLETE',
          `periodId: ${unscored} participant(s) have neither every component score nor TH/DIS` +
            (unnumbered > 0 ? `; ${unnumbered} participant(s) belong to a formation not yet published` : ''),
          HttpStatus.CONFLICT,
          'periodId',
          { unscored, unnumbered },
        );
      }
      const at = this.clock.now();
      const outcomes: Record<string, number> = { 'P/L': 0, P: 0, TL: 0, TH: 0, DIS: 0 };
      const formations = await this.results.formations(manager, period.periodId);
      let participants = 0;
      for (let start = 0; start < formations.length; ) {
        const batch = [formations[start]];
        let size = formations[start].participants;
        for (start++; start < formations.length && size + formations[start].participants <= BATCH_PARTICIPANTS; start++) {
          batch.push(formations[start]);
          size += formations[start].participants;
        }
        const facts = await this.results.participants(manager, period.periodId, batch.map((f) => f.formationId));
        const byFormation = new Map(batch.map((f) => [f.formationId, [] as typeof facts]));
        for (const p of facts) byFormation.get(p.formationId)?.push(p);
        const factsById = new Map(facts.map((p) => [p.applicationId, p]));
        const computed = batch.flatMap((f) => formationResults(rules, f.quota, byFormation.get(f.formationId) ?? []));
        await this.results.insert(manager, period.periodId, period.ruleVersion, computed, at);
        await this.outbox.enqueueAll(
          manager,
          'SkbResultFinalized',
          computed.map((r) => {
            const p = factsById.get(r.applicationId) as (typeof facts)[number];
            outcomes[r.outcome]++;
            return {
              periodId: period.periodId,
              ruleVersion: period.ruleVersion,
              applicationId: r.applicationId,
              formationId: r.formationId,
              applicantId: p.applicantId,
              participantNumber: p.participantNumber,
              components: r.components,
              total: r.total,
              outcome: r.outcome,
              rank: r.rank,
              proceeds: r.proceeds,
              gpa: p.gpa,
              dateOfBirth: p.dateOfBirth,
              kkDigest: p.kkDigest,
            };
          }),
        );
        participants += computed.length;
      }
      await this.periodsRepository.markFinalized(manager, period.periodId, at);
      return { participants, formations: formations.length, outcomes, finalizedAt: at.toISOString() };
    });
  }
}
