import { HttpStatus, Injectable } from '@nestjs/common';
import { HandoverCount, handoverGaps, SkbPeriodFinalized } from '@seleksi/contracts';
import { DomainError, Outbox } from '@seleksi/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../shared/clock';
import { conflict, notFound } from '../shared/errors';
import { CompletionRow, HandoversRepository } from './handovers.repository';
import { InterviewCompletionDto, InterviewFormationStageDto, InterviewReconciliationDto, InterviewStuckApplicationDto } from './reconciliation.dto';

const STUCK_LIMIT = 500;

/** The barrier between skb's results and interview's schedule and completion; the hand-over to placement. */
@Injectable()
export class HandoversService {
  constructor(
    private readonly db: DataSource,
    private readonly handovers: HandoversRepository,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  skbPeriodFinalized(manager: EntityManager, finalized: SkbPeriodFinalized): Promise<void> {
    return this.handovers.record(manager, finalized, this.clock.now());
  }

  /**
   * Refuses to act before interview holds every result skb counted as proceeding: a candidate still in
   * consumer lag would otherwise be left out of the schedule, or out of the completion placement ranks on.
   */
  async assertComplete(manager: EntityManager, periodId: string): Promise<void> {
    const handover = await this.handovers.find(manager, periodId);
    if (!handover) {
      throw new DomainError(
        'HANDOVER_NOT_RECEIVED',
        'periodId: skb has not handed this period over yet (SkbPeriodFinalized not received): finalize the SKB results first',
        HttpStatus.CONFLICT,
        'periodId',
      );
    }
    const gaps = handoverGaps(handover.proceeding, handover.by_formation, await this.handovers.held(manager, periodId));
    if (gaps.missing > 0 || gaps.byFormation.length > 0) {
      const where = gaps.byFormation.map((g) => `${g.formationId}: ${g.received} of ${g.expected}${g.digestMatches ? '' : ' (ids differ)'}`).join('; ');
      throw new DomainError(
        'HANDOVER_INCOMPLETE',
        `periodId: ${gaps.missing} of ${gaps.expected} proceeding SKB result(s) have not reached interview yet (${where})`,
        HttpStatus.CONFLICT,
        'periodId',
        { ...gaps },
      );
    }
  }

  /**
   * Completes the period's interviews: once interview holds everything skb handed on and every
   * candidate is scored or absent, records the completion and writes InterviewPeriodCompleted (after
   * every InterviewCompleted, which were written when each candidate was finalized). Once only.
   */
  async complete(periodId: string, adminId: string): Promise<InterviewCompletionDto> {
    return this.db.transaction(async (m) => {
      const locked = (await m.query(`SELECT rule_version FROM interview.periods WHERE period_id = $1 FOR UPDATE`, [periodId])) as { rule_version: string }[];
      if (locked.length === 0) throw notFound('PERIOD_UNKNOWN', 'no opened period with this id', 'periodId');
      const done = await this.handovers.completion(m, periodId);
      if (done) {
        throw conflict(
          'INTERVIEWS_ALREADY_COMPLETED',
          `the interviews of this period were completed at ${new Date(done.completed_at).toISOString()}`,
          'periodId',
          {
            completedAt: new Date(done.completed_at).toISOString(),
          },
        );
      }
      await this.assertComplete(m, periodId);
      const open = await this.handovers.open(m, periodId);
      if (open > 0) {
        throw conflict('INTERVIEWS_OPEN', `periodId: ${open} candidate(s) are neither scored nor absent yet`, 'periodId', { open });
      }
      const now = this.clock.now();
      const byFormation = await this.handovers.completedByFormation(m, periodId);
      await this.handovers.recordCompletion(m, periodId, now, adminId, byFormation);
      const completed = byFormation.reduce((sum, f) => sum + f.count, 0);
      await this.outbox.enqueue(m, 'InterviewPeriodCompleted', {
        periodId,
        ruleVersion: locked[0].rule_version,
        completedAt: now.toISOString(),
        completed,
        completedByFormation: byFormation,
      });
      return { periodId, completedAt: now.toISOString(), completed, byFormation };
    });
  }

  /** Where the period stands at interview: what skb handed over, what is held and completed, and who is waiting. */
  async reconciliation(periodId: string): Promise<InterviewReconciliationDto> {
    const manager = this.db.manager;
    const handover = await this.handovers.find(manager, periodId);
    const gaps = handover ? handoverGaps(handover.proceeding, handover.by_formation, await this.handovers.held(manager, periodId)) : undefined;
    const expectedBy = new Map((handover?.by_formation ?? []).map((f) => [f.formationId, f.count]));
    const counts = await this.handovers.stageCounts(manager, periodId);
    const formations: InterviewFormationStageDto[] = counts.map((c) => ({
      ...c,
      expected: handover ? (expectedBy.get(c.formationId) ?? 0) : null,
      handedOn: c.scored + c.absent,
    }));
    for (const [formationId, expected] of expectedBy) {
      if (!counts.some((c) => c.formationId === formationId)) {
        formations.push({ formationId, formationCode: null, expected, received: 0, waiting: 0, assigned: 0, unplaced: 0, scored: 0, absent: 0, handedOn: 0 });
      }
    }
    const stuck: InterviewStuckApplicationDto[] = (gaps?.byFormation ?? [])
      .filter((g) => g.missing > 0)
      .map((g) => ({
        applicationId: null,
        formationId: g.formationId,
        reason: 'AWAITING_CANDIDATES',
        waitingOn: 'skb',
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
    const done = await this.handovers.completion(manager, periodId);
    return {
      periodId,
      stage: 'interview',
      handover: {
        received: handover !== undefined,
        closedAt: handover ? new Date(handover.finalized_at).toISOString() : null,
        receivedAt: handover ? new Date(handover.received_at).toISOString() : null,
        expected: handover?.proceeding ?? null,
        missing: gaps?.missing ?? 0,
        complete: gaps !== undefined && gaps.missing === 0 && gaps.byFormation.length === 0,
        differences: gaps?.byFormation ?? [],
      },
      completion: done ? completionDto(periodId, done) : null,
      formations,
      stuck,
    };
  }
}

const completionDto = (periodId: string, row: CompletionRow): InterviewCompletionDto => ({
  periodId,
  completedAt: new Date(row.completed_at).toISOString(),
  completed: row.completed,
  byFormation: row.by_formation as HandoverCount[],
});
