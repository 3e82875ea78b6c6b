import { HttpStatus, Injectable } from '@nestjs/common';
import { HandoverGaps, handoverGaps, InterviewPeriodCompleted, SkbPeriodFinalized } from '@seleksi/contracts';
import { DomainError } from '@seleksi/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../clock/clock';
import { HandoversRepository, HandoverRow, HandoverStage } from './handovers.repository';
import { PlacementFormationStageDto, PlacementHandoverDto, PlacementReconciliationDto, PlacementStuckApplicationDto } from './reconciliation.dto';

const STUCK_LIMIT = 500;

const CLOSING_EVENT: Record<HandoverStage, string> = { skb: 'SkbPeriodFinalized', interview: 'InterviewPeriodCompleted' };
const WHAT: Record<HandoverStage, string> = { skb: 'SKB result(s)', interview: 'interview result(s)' };

/** The barriers between skb's and interview's closes and placement's ranking. */
@Injectable()
export class HandoversService {
  constructor(
    private readonly db: DataSource,
    private readonly handovers: HandoversRepository,
    private readonly clock: Clock,
  ) {}

  skbPeriodFinalized(manager: EntityManager, e: SkbPeriodFinalized): Promise<void> {
    return this.handovers.record(manager, e.periodId, 'skb', e.finalizedAt, e.results, e.resultsByFormation, this.clock.now());
  }

  interviewPeriodCompleted(manager: EntityManager, e: InterviewPeriodCompleted): Promise<void> {
    return this.handovers.record(manager, e.periodId, 'interview', e.completedAt, e.completed, e.completedByFormation, this.clock.now());
  }

  /**
   * Refuses to rank before placement holds every SKB result skb finalized and every interview result
   * interview completed: a result still in consumer lag would otherwise rank a candidate without
   * their interview (or leave them out), and the ranking would have to be redone after the proposal.
   */
  async assertComplete(manager: EntityManager, periodId: string): Promise<void> {
    for (const stage of ['skb', 'interview'] as const) {
      const handover = await this.handovers.find(manager, periodId, stage);
      if (!handover) {
        throw new DomainError(
          'HANDOVER_NOT_RECEIVED',
          `periodId: ${stage} has not handed this period over yet (${CLOSING_EVENT[stage]} not received)`,
          HttpStatus.CONFLICT,
          'periodId',
          { stage },
        );
      }
      const gaps = await this.gaps(manager, periodId, handover);
      if (gaps.missing > 0 || gaps.byFormation.length > 0) {
        const where = gaps.byFormation.map((g) => `${g.formationId}: ${g.received} of ${g.expected}${g.digestMatches ? '' : ' (ids differ)'}`).join('; ');
        throw new DomainError(
          'HANDOVER_INCOMPLETE',
          `periodId: ${gaps.missing} of ${gaps.expected} ${WHAT[stage]} have not reached placement yet (${where})`,
          HttpStatus.CONFLICT,
          'periodId',
          { stage, ...gaps },
        );
      }
    }
  }

  private async gaps(manager: EntityManager, periodId: string, handover: HandoverRow): Promise<HandoverGaps> {
    return handoverGaps(handover.total, handover.by_formation, await this.handovers.held(manager, periodId, handover.stage));
  }

  /** Where the period stands at placement: both hand-overs, counts per formation, and who is waiting on whom. */
  async reconciliation(periodId: string): Promise<PlacementReconciliationDto> {
    const manager = this.db.manager;
    const handovers: PlacementHandoverDto[] = [];
    const stuck: PlacementStuckApplicationDto[] = [];
    const expected: Record<HandoverStage, Map<string, number> | null> = { skb: null, interview: null };
    for (const stage of ['skb', 'interview'] as const) {
      const handover = await this.handovers.find(manager, periodId, stage);
      const gaps = handover ? await this.gaps(manager, periodId, handover) : undefined;
      if (handover) expected[stage] = new Map(handover.by_formation.map((f) => [f.formationId, f.count]));
      handovers.push({
        stage,
        received: handover !== undefined,
        closedAt: handover ? new Date(handover.closed_at).toISOString() : null,
        receivedAt: handover ? new Date(handover.received_at).toISOString() : null,
        expected: handover?.total ?? null,
        missing: gaps?.missing ?? 0,
        complete: gaps !== undefined && gaps.missing === 0 && gaps.byFormation.length === 0,
        differences: gaps?.byFormation ?? [],
      });
      for (const g of (gaps?.byFormation ?? []).filter((x) => x.missing > 0)) {
        stuck.push({
          applicationId: null,
          formationId: g.formationId,
          reason: stage === 'skb' ? 'AWAITING_SKB_RESULTS' : 'AWAITING_INTERVIEW_RESULTS',
          waitingOn: stage,
          since: new Date(handover!.received_at).toISOString(),
          count: g.missing,
        });
      }
    }
    for (const row of await this.handovers.awaitingInterview(manager, periodId, STUCK_LIMIT)) {
      stuck.push({
        applicationId: row.applicationId,
        formationId: row.formationId,
        reason: 'AWAITING_INTERVIEW',
        waitingOn: 'interview',
        since: new Date(row.since).toISOString(),
      });
    }
    const counts = await this.handovers.stageCounts(manager, periodId);
    const formations: PlacementFormationStageDto[] = counts.map((c) => ({
      ...c,
      expectedSkb: expected.skb ? (expected.skb.get(c.formationId) ?? 0) : null,
      expectedInterview: expected.interview ? (expected.interview.get(c.formationId) ?? 0) : null,
    }));
    for (const [formationId, n] of expected.skb ?? new Map<string, number>()) {
      if (!counts.some((c) => c.formationId === formationId)) {
        formations.push({
          formationId,
          formationCode: null,
          expectedSkb: n,
          skbResults: 0,
          proceeding: 0,
          expectedInterview: expected.interview ? (expected.interview.get(formationId) ?? 0) : null,
          interviewResults: 0,
          ranked: 0,
          placed: 0,
        });
      }
    }
    return { periodId, stage: 'placement', handovers, formations, stuck };
  }
}
