import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../shared/clock';
import { PlacementRepository } from './placement.repository';

export interface PlacementOutcome {
  moved: { applicationId: string; fromPanelId: string; toPanelId: string }[];
  unplaced: string[];
}

/**
 * Decides which panel scores each candidate. The rule:
 * 1. A candidate goes to a panel assigned their formation (the least loaded one).
 * 2. Every panelist of the period who shares the candidate's KK digest is recused for them.
 * 3. If the panel then has fewer non-recused members than the period's minimumPanelSize, or its chair
 *    is recused (the chair calibrates and finalizes), the candidate moves to another panel of the same
 *    period with enough non-recused members including its chair, preferring panels that
 *    were assigned the same formation, then the least loaded; if there is none the candidate becomes
 *    UNPLACED (listed for admins, retried whenever a panel is created or given a formation).
 * A move frees the candidate's slot; finalized candidates are never moved.
 */
@Injectable()
export class CandidatePlacementService {
  private readonly logger = new Logger(CandidatePlacementService.name);

  constructor(
    private readonly placement: PlacementRepository,
    private readonly clock: Clock,
  ) {}

  async place(manager: EntityManager, applicationIds: string[]): Promise<PlacementOutcome> {
    const outcome: PlacementOutcome = { moved: [], unplaced: [] };
    if (applicationIds.length === 0) return outcome;
    await this.placement.assignToFormationPanels(manager, applicationIds);
    await this.placement.recuseSharedFamilies(manager, applicationIds, this.clock.now());
    return this.ensureQuorum(manager, applicationIds);
  }

  async placePeriod(manager: EntityManager, periodId: string): Promise<PlacementOutcome> {
    return this.place(manager, await this.placement.openCandidateIds(manager, periodId));
  }

  /** Step 3 only, after a recusal was declared. Rare, so one candidate at a time. */
  async ensureQuorum(manager: EntityManager, applicationIds: string[]): Promise<PlacementOutcome> {
    const outcome: PlacementOutcome = { moved: [], unplaced: [] };
    for (const short of await this.placement.shortOfPanelists(manager, applicationIds)) {
      const target = await this.placement.alternativePanel(manager, short);
      if (target) {
        await this.placement.move(manager, short.applicationId, target, null);
        outcome.moved.push({ applicationId: short.applicationId, fromPanelId: short.panelId, toPanelId: target });
      } else {
        await this.placement.move(manager, short.applicationId, null, `no panel has ${short.minimumPanelSize} panelists without a conflict`);
        outcome.unplaced.push(short.applicationId);
        this.logger.warn(`candidate ${short.applicationId} is unplaced: no panel of period ${short.periodId} has enough non-conflicted panelists`);
      }
    }
    return outcome;
  }
}
