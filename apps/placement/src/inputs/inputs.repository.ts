import { Injectable } from '@nestjs/common';
import { FormationPublished, FormationQuotaChanged, PeriodOpened } from '@seleksi/contracts';
import { EntityManager } from 'typeorm';

export interface StageResultInput {
  stage: Stage;
  result: { applicationId: string; periodId: string; formationId: string };
  eventId: string;
  issuedAt: string;
}

export type Stage = 'skb' | 'interview';

@Injectable()
export class InputsRepository {
  /** The period's placement rules, frozen when it opens; a re-sent PeriodOpened never changes an announced period. */
  async upsertPeriod(manager: EntityManager, p: PeriodOpened): Promise<void> {
    await manager.query(
      `INSERT INTO placement.periods (period_id, rule_version, time_zone, stage_weights, tie_break_chain, optimalisasi_scope,
                                      override_needs_second_approval, reporting_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (period_id) DO UPDATE SET rule_version = EXCLUDED.rule_version, time_zone = EXCLUDED.time_zone,
         stage_weights = EXCLUDED.stage_weights, tie_break_chain = EXCLUDED.tie_break_chain,
         optimalisasi_scope = EXCLUDED.optimalisasi_scope, override_needs_second_approval = EXCLUDED.override_needs_second_approval,
         reporting_date = EXCLUDED.reporting_date
       WHERE placement.periods.announced_at IS NULL`,
      [
        p.periodId,
        p.ruleVersion,
        p.timeZone,
        JSON.stringify(p.stageWeights),
        JSON.stringify(p.tieBreakChain),
        p.placement.optimalisasiScope,
        p.placement.overrideNeedsSecondApproval,
        p.placement.reportingDate,
      ],
    );
  }

  async upsertFormation(manager: EntityManager, f: FormationPublished): Promise<void> {
    await manager.query(
      `INSERT INTO placement.formations (formation_id, period_id, code, position, unit, formation_type, quota, education_levels)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (formation_id) DO UPDATE SET position = EXCLUDED.position, unit = EXCLUDED.unit, quota = EXCLUDED.quota,
         education_levels = EXCLUDED.education_levels`,
      [f.formationId, f.periodId, f.code, f.position, f.unit, f.formationType, f.quota, f.requirements.educationLevels],
    );
  }

  async changeQuota(manager: EntityManager, q: FormationQuotaChanged, at: string): Promise<void> {
    await manager.query(`UPDATE placement.formations SET quota = $2, quota_changed_at = $3 WHERE formation_id = $1`, [q.formationId, q.quota, at]);
  }

  /** Which of the periods have been announced (their rankings are frozen). */
  async announcedAmong(manager: EntityManager, periodIds: string[]): Promise<Set<string>> {
    const rows: { period_id: string }[] = await manager.query(
      `SELECT period_id FROM placement.periods WHERE period_id = ANY($1::uuid[]) AND announced_at IS NOT NULL`,
      [periodIds],
    );
    return new Set(rows.map((r) => r.period_id));
  }

  /**
   * Keeps the latest issue of each stage result: an older event arriving late never overwrites a
   * newer one. One statement for a chunk; of several issues of one result in the chunk only the one
   * that would have stood after applying them in order is written (the latest, the last among equals).
   */
  async recordResults(manager: EntityManager, inputs: StageResultInput[]): Promise<void> {
    const standing = new Map<string, StageResultInput>();
    for (const input of inputs) {
      const key = `${input.result.applicationId}/${input.stage}`;
      const held = standing.get(key);
      if (!held || Date.parse(held.issuedAt) <= Date.parse(input.issuedAt)) standing.set(key, input);
    }
    const rows = [...standing.values()];
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO placement.stage_results (application_id, stage, period_id, formation_id, event_id, issued_at, result)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::timestamptz[], $7::jsonb[])
       ON CONFLICT (application_id, stage) DO UPDATE
         SET event_id = EXCLUDED.event_id, issued_at = EXCLUDED.issued_at, result = EXCLUDED.result
       WHERE placement.stage_results.issued_at <= EXCLUDED.issued_at`,
      [
        rows.map((r) => r.result.applicationId),
        rows.map((r) => r.stage),
        rows.map((r) => r.result.periodId),
        rows.map((r) => r.result.formationId),
        rows.map((r) => r.eventId),
        rows.map((r) => r.issuedAt),
        rows.map((r) => JSON.stringify(r.result)),
      ],
    );
  }

  async recordLateCorrection(manager: EntityManager, stage: Stage, r: { applicationId: string; periodId: string }, eventId: string, at: string): Promise<void> {
    await manager.query(
      `INSERT INTO placement.late_corrections (event_id, application_id, stage, period_id, received_at, result)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING`,
      [eventId, r.applicationId, stage, r.periodId, at, JSON.stringify(r)],
    );
  }
}
