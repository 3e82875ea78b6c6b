import { HttpStatus, Injectable } from '@nestjs/common';
import { handoverGaps, ScreeningPeriodFinalized } from '@seleksi/contracts';
import { DomainError } from '@seleksi/messaging';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { HandoversRepository } from './handovers.repository';

/** The barrier between screening's final list and skb's seats and results. */
@Injectable()
export class HandoversService {
  constructor(
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
}
