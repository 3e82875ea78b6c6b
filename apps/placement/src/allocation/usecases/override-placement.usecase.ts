import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError, Outbox } from '@seleksi/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../clock/clock';
import { assertNotFrozen, PeriodRepository, PeriodRules } from '../../periods/period.repository';
import { RankingRepository } from '../../ranking/ranking.repository';
import { AllocationRepository, OverrideRow } from '../allocation.repository';
import { applicantWhy } from '../applicant-why';
import { assertNotConfirmed } from './period-placements';

export interface OverrideOutcome {
  override: OverrideRow;
}

/**
 * An officer replaces one proposed placement by another ranked candidate, with a reason. When the
 * period requires it, the override waits for a second, different officer (ApproveOverride); until
 * then the proposal cannot be confirmed. Every override stays in placement.overrides (the audit).
 */
@Injectable()
export class OverridePlacement {
  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: PeriodRepository,
    private readonly rankings: RankingRepository,
    private readonly placements: AllocationRepository,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  execute(command: { periodId: string; placementId: string; applicationId: string; reason: string; by: string }): Promise<OverrideRow> {
    return this.dataSource.transaction(async (manager) => {
      const period = await this.periods.get(manager, command.periodId, true);
      assertNotFrozen(period);
      assertNotConfirmed(period);
      const placement = await this.placements.find(manager, period.periodId, command.placementId);
      if (!placement || placement.status !== 'PROPOSED') {
        throw new DomainError('PLACEMENT_NOT_FOUND', `no open proposed placement ${command.placementId} in this period`, HttpStatus.NOT_FOUND, 'placementId');
      }
      if ((await this.placements.pendingOverrides(manager, period.periodId)).some((o) => o.placementId === placement.placementId)) {
        throw new DomainError('OVERRIDE_PENDING', 'this placement already has an override waiting for approval', HttpStatus.CONFLICT, 'placementId');
      }
      const now = this.clock.now();
      const overrideId = randomUUID();
      await this.placements.insertOverride(manager, {
        overrideId,
        periodId: period.periodId,
        placementId: placement.placementId,
        applicationId: command.applicationId,
        reason: command.reason,
        requestedBy: command.by,
        requestedAt: now,
      });
      await checkCandidate(manager, this.rankings, this.placements, period, command.applicationId);
      if (!period.overrideNeedsSecondApproval) await applyOverride(manager, this.rankings, this.placements, this.outbox, period, overrideId, null, now);
      return (await this.placements.findOverride(manager, period.periodId, overrideId)) as OverrideRow;
    });
  }
}

/** The candidate put in must be ranked in this period and hold no seat. */
export async function checkCandidate(
  manager: EntityManager,
  rankings: RankingRepository,
  placements: AllocationRepository,
  period: PeriodRules,
  applicationId: string,
): Promise<void> {
  const entry = await rankings.entry(manager, period.periodId, applicationId);
  if (!entry || entry.rank === null) {
    throw new DomainError(
      'CANDIDATE_NOT_RANKED',
      `application ${applicationId} is not a ranked candidate of this period`,
      HttpStatus.UNPROCESSABLE_ENTITY,
      'applicationId',
    );
  }
  const holding = await placements.ofPeriod(manager, period.periodId, ['PROPOSED', 'CONFIRMED']);
  if (holding.some((p) => p.applicationId === applicationId)) {
    throw new DomainError('CANDIDATE_ALREADY_PLACED', `application ${applicationId} already holds a seat`, HttpStatus.CONFLICT, 'applicationId');
  }
}

/** Withdraws the overridden placement and proposes the officer's candidate in its seat (kind OVERRIDE). */
export async function applyOverride(
  manager: EntityManager,
  rankings: RankingRepository,
  placements: AllocationRepository,
  outbox: Outbox,
  period: PeriodRules,
  overrideId: string,
  approvedBy: string | null,
  at: Date,
): Promise<void> {
  const o = (await placements.findOverride(manager, period.periodId, overrideId)) as OverrideRow;
  const old = await placements.find(manager, period.periodId, o.placementId);
  if (!old || old.status !== 'PROPOSED') {
    throw new DomainError('PLACEMENT_NOT_FOUND', 'the overridden placement is no longer proposed', HttpStatus.CONFLICT, 'placementId');
  }
  await checkCandidate(manager, rankings, placements, period, o.applicationId);
  const entry = await rankings.entry(manager, period.periodId, o.applicationId);
  await placements.setStatus(manager, [old.placementId], 'WITHDRAWN', at);
  const [placed] = await placements.insert(
    manager,
    period.periodId,
    [
      {
        applicationId: o.applicationId,
        applicantId: entry?.applicantId ?? null,
        seatFormationId: old.formationId,
        sourceFormationId: entry?.formationId ?? old.formationId,
        kind: 'OVERRIDE',
        rank: entry?.rank ?? 1,
        finalScore: entry?.finalScore ?? 0,
        why: `override of the proposed placement of ${old.applicationId} by officer ${o.requestedBy}${approvedBy ? `, approved by ${approvedBy}` : ''}: ${o.reason}`,
      },
    ],
    'PROPOSED',
    at,
  );
  await placements.markOverrideApplied(manager, overrideId, approvedBy, at, placed.placementId);
  await outbox.enqueue(manager, 'PlacementProposed', {
    periodId: period.periodId,
    ruleVersion: period.ruleVersion,
    applicationId: placed.applicationId,
    formationId: placed.formationId,
    proposalId: overrideId,
    // Published as what it is; the payload reaches beyond the officers, so it carries the
    // applicant-facing why, not the override's reason or the displaced applicant.
    kind: 'OVERRIDE',
    why: applicantWhy(placed),
    rank: placed.rank,
  });
}
