import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError } from '@seleksi/messaging';
import { DataSource, EntityManager } from 'typeorm';
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

const PERIOD_SELECT = `SELECT period_id, rule_version, time_zone, stage_weights, tie_break_chain, optimalisasi_scope, override_needs_second_approval,
    to_char(reporting_date, 'YYYY-MM-DD') AS reporting_date, proposed_at, confirmed_at, announced_at
  FROM placement.periods`;

const toRules = (r: PeriodRow): PeriodRules => ({
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
});

/** Where a period's placement work stands, counted from what is stored (so a page left and reopened reads it back). */
export interface PeriodProgress {
  rankedAt: Date | null;
  rankedFormations: number;
  ranked: number;
  notRanked: number;
  exactTies: number;
  proposed: number;
  confirmed: number;
  declined: number;
  regular: number;
  optimalisasi: number;
  override: number;
  replacement: number;
  pendingOverrides: number;
}

export interface PeriodFormationProgress {
  formationId: string;
  code: string;
  position: string;
  unit: string;
  quota: number;
  educationLevels: string[];
  rankedAt: Date | null;
  ranked: number;
  notRanked: number;
}

@Injectable()
export class PeriodRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The period's rules; with `lock`, the period row is locked for the transaction, which serialises
   * every placement write of a period (compute, propose, override, confirm, announce, decline).
   */
  async find(manager: EntityManager, periodId: string, lock = false): Promise<PeriodRules | null> {
    const rows = (await manager.query(`${PERIOD_SELECT} WHERE period_id = $1 ${lock ? 'FOR UPDATE' : ''}`, [periodId])) as PeriodRow[];
    return rows[0] ? toRules(rows[0]) : null;
  }

  /** For the read-only routes: every period placement has heard of, newest reporting date first, with when it was last ranked. */
  async readAll(): Promise<(PeriodRules & { rankedAt: Date | null })[]> {
    const rows = (await this.dataSource.query(
      `SELECT p.*, (SELECT max(computed_at) FROM placement.rankings r WHERE r.period_id = p.period_id) AS ranked_at
         FROM (${PERIOD_SELECT}) p ORDER BY p.reporting_date DESC, p.period_id`,
    )) as (PeriodRow & { ranked_at: Date | null })[];
    return rows.map((r) => ({ ...toRules(r), rankedAt: r.ranked_at }));
  }

  /** For the read-only routes: one period, or PERIOD_NOT_FOUND. */
  readOne(periodId: string): Promise<PeriodRules> {
    return this.get(this.dataSource.manager, periodId);
  }

  /** Counts of the period's rankings, placements (current ones: proposed or confirmed, by kind) and waiting overrides. */
  async readProgress(periodId: string): Promise<PeriodProgress> {
    const [row] = (await this.dataSource.query(
      `SELECT (SELECT max(computed_at) FROM placement.rankings WHERE period_id = $1) AS "rankedAt",
              (SELECT count(*) FROM placement.rankings WHERE period_id = $1)::int AS "rankedFormations",
              (SELECT count(*) FROM placement.ranking_entries WHERE period_id = $1 AND rank IS NOT NULL)::int AS ranked,
              (SELECT count(*) FROM placement.ranking_entries WHERE period_id = $1 AND rank IS NULL)::int AS "notRanked",
              (SELECT count(*) FROM placement.ranking_entries WHERE period_id = $1 AND exact_tie)::int AS "exactTies",
              count(*) FILTER (WHERE p.status = 'PROPOSED')::int AS proposed,
              count(*) FILTER (WHERE p.status = 'CONFIRMED')::int AS confirmed,
              count(*) FILTER (WHERE p.status = 'DECLINED')::int AS declined,
              count(*) FILTER (WHERE p.status IN ('PROPOSED', 'CONFIRMED') AND p.kind = 'REGULAR')::int AS regular,
              count(*) FILTER (WHERE p.status IN ('PROPOSED', 'CONFIRMED') AND p.kind = 'OPTIMALISASI')::int AS optimalisasi,
              count(*) FILTER (WHERE p.status IN ('PROPOSED', 'CONFIRMED') AND p.kind = 'OVERRIDE')::int AS override,
              count(*) FILTER (WHERE p.status IN ('PROPOSED', 'CONFIRMED') AND p.kind = 'REPLACEMENT')::int AS replacement,
              (SELECT count(*) FROM placement.overrides o JOIN placement.placements op ON op.placement_id = o.placement_id
                WHERE o.period_id = $1 AND o.status = 'PENDING' AND op.status = 'PROPOSED')::int AS "pendingOverrides"
         FROM placement.placements p WHERE p.period_id = $1`,
      [periodId],
    )) as PeriodProgress[];
    return row;
  }

  /** The period's formations with their ranking's time and counts (none before the first computation). */
  async readFormations(periodId: string): Promise<PeriodFormationProgress[]> {
    return (await this.dataSource.query(
      `SELECT f.formation_id AS "formationId", f.code, f.position, f.unit, f.quota, f.education_levels AS "educationLevels", r.computed_at AS "rankedAt",
              (SELECT count(*) FROM placement.ranking_entries e WHERE e.period_id = f.period_id AND e.formation_id = f.formation_id AND e.rank IS NOT NULL)::int
                AS ranked,
              (SELECT count(*) FROM placement.ranking_entries e WHERE e.period_id = f.period_id AND e.formation_id = f.formation_id AND e.rank IS NULL)::int
                AS "notRanked"
         FROM placement.formations f LEFT JOIN placement.rankings r ON r.period_id = f.period_id AND r.formation_id = f.formation_id
        WHERE f.period_id = $1 ORDER BY f.code, f.formation_id`,
      [periodId],
    )) as PeriodFormationProgress[];
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
