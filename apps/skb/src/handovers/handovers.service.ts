import { HttpStatus, Injectable } from '@nestjs/common';
import { handoverGaps, ScreeningPeriodFinalized } from '@seleksi/contracts';
import { DomainError } from '@seleksi/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { HandoversRepository, SkbHandedOn } from './handovers.repository';
import { SkbFormationStageDto, SkbReconciliationDto, SkbStuckApplicationDto } from './reconciliation.dto';

const STUCK_LIMIT = 500;

/** The barrier between screening's final list and skb's seats and results. */
@Injectable()
export class HandoversService {
  constructor(
    private readonly db: DataSource,
    private readonly handovers: HandoversRepository,
    private readonly clock: Clock,
  ) {}

  screeningPeriodFinalized(manager: EntityManager, finalized: ScreeningPeriodFinalized): Promise<void> {
    return this.handovers.record(manager, finalized, this.clock.now());
  }

  /**
   * Refuses to act before skb holds every MS application screening finalized: a participant still in
   * consumer lag would otherwise get no seat (and no card), or no result.
   */
  async assertComplete(manager: EntityManager, periodId: string): Promise<void> {
    const handover = await this.handovers.find(manager, periodId);
    if (!handover) {
      throw new DomainError(
        'HANDOVER_NOT_RECEIVED',
        'periodId: screening has not handed this period over yet (ScreeningPeriodFinalized not received)',
        HttpStatus.CONFLICT,
        'periodId',
      );
    }
    const gaps = handoverGaps(handover.eligible, handover.by_formation, await this.handovers.held(manager, periodId));
    if (gaps.missing > 0 || gaps.byFormation.length > 0) {
      const where = gaps.byFormation.map((g) => `${g.formationId}: ${g.received} of ${g.expected}${g.digestMatches ? '' : ' (ids differ)'}`).join('; ');
      throw new DomainError(
        'HANDOVER_INCOMPLETE',
        `periodId: ${gaps.missing} of ${gaps.expected} eligible application(s) have not reached skb yet (${where})`,
        HttpStatus.CONFLICT,
        'periodId',
        { ...gaps },
      );
    }
  }

  /** What the finalization hands on to interview and placement (read in its transaction, after the results are written). */
  handedOn(manager: EntityManager, periodId: string): Promise<SkbHandedOn> {
    return this.handovers.handedOn(manager, periodId);
  }

  /** Where the period stands at skb: what screening handed over, what is held, seated, scored and handed on, and who is waiting. */
  async reconciliation(periodId: string): Promise<SkbReconciliationDto> {
    const manager = this.db.manager;
    const handover = await this.handovers.find(manager, periodId);
    const gaps = handover ? handoverGaps(handover.eligible, handover.by_formation, await this.handovers.held(manager, periodId)) : undefined;
    const expectedBy = new Map((handover?.by_formation ?? []).map((f) => [f.formationId, f.count]));
    const counts = await this.handovers.stageCounts(manager, periodId);
    const formations: SkbFormationStageDto[] = counts.map((c) => ({ ...c, expected: handover ? (expectedBy.get(c.formationId) ?? 0) : null }));
    for (const [formationId, expected] of expectedBy) {
      if (!counts.some((c) => c.formationId === formationId)) {
        formations.push({ formationId, formationCode: null, expected, received: 0, seated: 0, scored: 0, handedOn: 0, proceeding: 0 });
      }
    }
    const stuck: SkbStuckApplicationDto[] = (gaps?.byFormation ?? [])
      .filter((g) => g.missing > 0)
      .map((g) => ({
        applicationId: null,
        formationId: g.formationId,
        reason: 'AWAITING_PARTICIPANTS',
        waitingOn: 'screening',
        since: new Date(handover!.received_at).toISOString(),
        count: g.missing,
      }));
    for (const row of await this.handovers.stuck(manager, periodId, STUCK_LIMIT)) {
      stuck.push({
        applicationId: row.applicationId,
        formationId: row.formationId,
        reason: row.reason,
        waitingOn: row.waitingOn,
        since: new Date(row.since).toISOString(),
      });
    }
    return {
      periodId,
      stage: 'skb',
      handover: {
        received: handover !== undefined,
        closedAt: handover ? new Date(handover.finalized_at).toISOString() : null,
        receivedAt: handover ? new Date(handover.received_at).toISOString() : null,
        expected: handover?.eligible ?? null,
        missing: gaps?.missing ?? 0,
        complete: gaps !== undefined && gaps.missing === 0 && gaps.byFormation.length === 0,
        differences: gaps?.byFormation ?? [],
      },
      formations,
      stuck,
    };
  }
}
