import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError } from '@seleksi/messaging';
import { EntityManager } from 'typeorm';
import { OptimalisasiScope } from '../allocation/allocate';
import { StageWeightsRule } from '../ranking/score-integration';
import { TieBreaker } from '../ranking/rank-formation';

export interface PeriodRules {
  periodId: string;
  ruleVersion: string;
  timeZone: 'WIB' | 'WITA' | 'WIT';
  stageWeights: StageWeightsRule;
  tieBreakChain: TieBreaker[];
  optimalisasiScope: OptimalisasiScope;
  overrideNeedsSecondApproval: boolean;
  /** YYYY-MM-DD in the agency's zone. */
  reportingDate: string;
  proposedAt: Date | null;
  confirmedAt: Date | null;
  announcedAt: Date | null;
}

interface PeriodRow {
  period_id: string;
  rule_version: string;
  time_zone: PeriodRules['timeZone'];
  stage_weights: StageWeightsRule;
  tie_break_chain: TieBreaker[];
  optimalisasi_scope: OptimalisasiScope;
  override_needs_second_approval: boolean;
  reporting_date: string;
  proposed_at: Date | null;
  confirmed_at: Date | null;
  announced_at: Date | null;
}

@Injectable()
export class PeriodRepository {
  /**
   * The period's rules; with `lock`, the period row is locked for the transaction, which serialises
   * every placement write of a period (compute, propose, override, confirm, announce, decline).
   */
  async find(manager: EntityManager, periodId: string, lock = false): Promise<PeriodRules | null> {
    const rows = (await manager.query(
      `SELECT period_id, rule_version, time_zone, stage_weights, tie_break_chain, optimalisasi_scope, override_needs_second_approval,
              to_char(reporting_date, 'YYYY-MM-DD') AS reporting_date, proposed_at, confirmed_at, announced_at
         FROM placement.periods WHERE period_id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [periodId],
    )) as PeriodRow[];
    const r = rows[0];
    if (!r) return null;
    return {
      periodId: r.period_id,
      ruleVersion: r.rule_version,
      timeZone: r.time_zone,
      stageWeights: r.stage_weights,
      tieBreakChain: r.tie_break_chain,
      optimalisasiScope: r.optimalisasi_scope,
      overrideNeedsSecondApproval: r.override_needs_second_approval,
      reportingDate: r.reporting_date,
      proposedAt: r.proposed_at,
      confirmedAt: r.confirmed_at,
      announcedAt: r.announced_at,
    };
  }

  async get(manager: EntityManager, periodId: string, lock = false): Promise<PeriodRules> {
    const period = await this.find(manager, periodId, lock);
    if (!period)
      throw new DomainError('PERIOD_NOT_FOUND', `no period ${periodId} has been opened (PeriodOpened not received)`, HttpStatus.NOT_FOUND, 'periodId');
    return period;
  }

  /** Set by a proposal, cleared by a recompute (which withdraws the proposal). */
  async markProposed(manager: EntityManager, periodId: string, at: Date | null): Promise<void> {
    await manager.query(`UPDATE placement.periods SET proposed_at = $2 WHERE period_id = $1`, [periodId, at]);
  }

  async markConfirmed(manager: EntityManager, periodId: string, at: Date): Promise<void> {
    await manager.query(`UPDATE placement.periods SET confirmed_at = $2 WHERE period_id = $1`, [periodId, at]);
  }

  async markAnnounced(manager: EntityManager, periodId: string, at: Date): Promise<void> {
    await manager.query(`UPDATE placement.periods SET announced_at = $2 WHERE period_id = $1`, [periodId, at]);
  }
}

/** Rankings and placements of an announced period never change again. */
export function assertNotFrozen(period: PeriodRules): void {
  if (period.announcedAt) {
    throw new DomainError('RANKING_FROZEN', `period ${period.periodId} was announced; its rankings and placements are frozen`, HttpStatus.CONFLICT, 'periodId');
  }
}
