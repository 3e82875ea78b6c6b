import { HttpStatus, Injectable } from '@nestjs/common';
import { HandoverGaps, handoverGaps, PeriodClosed } from '@seleksi/contracts';
import { DomainError } from '@seleksi/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { HandoversRepository } from './handovers.repository';
import { FormationStageDto, ScreeningReconciliationDto, StuckApplicationDto } from './reconciliation.dto';

const STUCK_LIMIT = 500;

/** The barrier between registration's close and screening's announcement. */
@Injectable()
export class HandoversService {
  constructor(
    private readonly db: DataSource,
    private readonly handovers: HandoversRepository,
    private readonly clock: Clock,
  ) {}

  periodClosed(manager: EntityManager, closed: PeriodClosed): Promise<void> {
    return this.handovers.record(manager, closed, this.clock.now());
  }

  /** undefined while registration's PeriodClosed has not arrived. */
  async gaps(manager: EntityManager, periodId: string): Promise<HandoverGaps | undefined> {
    const handover = await this.handovers.find(manager, periodId);
    if (!handover) return undefined;
    return handoverGaps(handover.submitted, handover.by_formation, await this.handovers.held(manager, periodId));
  }

  /**
   * Refuses to act before screening holds every application registration counted at the close: a
   * submission still in a relay or a consumer's lag would otherwise become a case that can never be
   * decided once results are announced.
   */
  async assertComplete(manager: EntityManager, periodId: string): Promise<void> {
    const gaps = await this.gaps(manager, periodId);
    if (!gaps) {
      throw new DomainError(
        'HANDOVER_NOT_RECEIVED',
        'registration has not handed this period over yet (PeriodClosed not received): close the period in registration first',
        HttpStatus.CONFLICT,
        'periodId',
      );
    }
    if (gaps.missing > 0 || gaps.byFormation.length > 0) {
      const where = gaps.byFormation.map((g) => `${g.formationId}: ${g.received} of ${g.expected}${g.digestMatches ? '' : ' (ids differ)'}`).join('; ');
      throw new DomainError(
        'HANDOVER_INCOMPLETE',
        `${gaps.missing} of ${gaps.expected} submitted application(s) have not reached screening yet (${where})`,
        HttpStatus.CONFLICT,
        'periodId',
        { ...gaps },
      );
    }
  }

  /** Where the period stands at screening: what registration handed over, what is held, decided and handed on, and who is waiting. */
  async reconciliation(periodId: string): Promise<ScreeningReconciliationDto> {
    const manager = this.db.manager;
    const handover = await this.handovers.find(manager, periodId);
    const held = await this.handovers.held(manager, periodId);
    const gaps = handover ? handoverGaps(handover.submitted, handover.by_formation, held) : undefined;
    const expectedBy = new Map((handover?.by_formation ?? []).map((f) => [f.formationId, f.count]));
    const counts = await this.handovers.stageCounts(manager, periodId);
    const formations: FormationStageDto[] = counts.map((c) => ({ ...c, expected: handover?.by_formation ? (expectedBy.get(c.formationId) ?? 0) : null }));
    for (const [formationId, expected] of expectedBy) {
      if (!counts.some((c) => c.formationId === formationId)) {
        formations.push({ formationId, formationCode: null, expected, received: 0, decided: 0, pending: 0, eligible: 0, ineligible: 0, handedOn: 0 });
      }
    }
    const stuck: StuckApplicationDto[] = (gaps?.byFormation ?? [])
      .filter((g) => g.missing > 0)
      .map((g) => ({
        applicationId: null,
        formationId: g.formationId,
        reason: 'AWAITING_SUBMISSIONS',
        waitingOn: 'registration',
        since: handover!.received_at.toISOString(),
        count: g.missing,
      }));
    for (const row of await this.handovers.stuck(manager, periodId, STUCK_LIMIT)) {
      stuck.push({
        applicationId: row.applicationId,
        formationId: row.formationId,
        reason: row.reason,
        waitingOn: row.waitingOn ?? 'unassigned',
        since: new Date(row.since).toISOString(),
      });
    }
    return {
      periodId,
      stage: 'screening',
      handover: {
        received: handover !== undefined,
        closedAt: handover ? new Date(handover.closed_at).toISOString() : null,
        receivedAt: handover ? new Date(handover.received_at).toISOString() : null,
        expected: handover?.submitted ?? null,
        missing: gaps?.missing ?? 0,
        complete: gaps !== undefined && gaps.missing === 0 && gaps.byFormation.length === 0,
        differences: gaps?.byFormation ?? [],
      },
      formations,
      stuck,
    };
  }
}
