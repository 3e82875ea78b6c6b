import { Injectable } from '@nestjs/common';
import { HandoverCount, idDigestSql } from '@seleksi/contracts';
import { EntityManager } from 'typeorm';

export type HandoverStage = 'skb' | 'interview';

export interface HandoverRow {
  stage: HandoverStage;
  closed_at: Date;
  total: number;
  by_formation: HandoverCount[];
  received_at: Date;
}

export interface PlacementStageCountRow {
  formationId: string;
  formationCode: string | null;
  skbResults: number;
  proceeding: number;
  interviewResults: number;
  ranked: number;
  placed: number;
}

export interface PlacementStuckRow {
  applicationId: string;
  formationId: string;
  since: Date;
}

/** The closing counts of skb and interview, and the stage results placement holds of them. */
@Injectable()
export class HandoversRepository {
  async record(
    manager: EntityManager,
    periodId: string,
    stage: HandoverStage,
    closedAt: string,
    total: number,
    byFormation: HandoverCount[],
    at: Date,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO placement.handovers (period_id, stage, closed_at, total, by_formation, received_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6) ON CONFLICT (period_id, stage) DO NOTHING`,
      [periodId, stage, closedAt, total, JSON.stringify(byFormation), at],
    );
  }

  async find(manager: EntityManager, periodId: string, stage: HandoverStage): Promise<HandoverRow | undefined> {
    const rows = (await manager.query(
      `SELECT stage, closed_at, total, by_formation, received_at FROM placement.handovers WHERE period_id = $1 AND stage = $2`,
      [periodId, stage],
    )) as HandoverRow[];
    return rows[0];
  }

  /** The stage results placement holds per formation, counted and digested the way the stage counted them. */
  async held(manager: EntityManager, periodId: string, stage: HandoverStage): Promise<HandoverCount[]> {
    return (await manager.query(
      `SELECT formation_id AS "formationId", count(*)::int AS count, ${idDigestSql('application_id')} AS digest
         FROM placement.stage_results WHERE period_id = $1 AND stage = $2 GROUP BY formation_id`,
      [periodId, stage],
    )) as HandoverCount[];
  }

  /** Per formation: SKB results, those proceeding to the interview, interview results, ranked entries and seats held. */
  async stageCounts(manager: EntityManager, periodId: string): Promise<PlacementStageCountRow[]> {
    return (await manager.query(
      `SELECT s.formation_id AS "formationId", f.code AS "formationCode",
              count(*)::int AS "skbResults",
              count(*) FILTER (WHERE s.result->>'outcome' = 'P/L' AND (s.result->>'proceeds')::boolean)::int AS proceeding,
              count(i.application_id)::int AS "interviewResults",
              count(e.application_id) FILTER (WHERE e.rank IS NOT NULL)::int AS ranked,
              count(p.application_id)::int AS placed
         FROM placement.stage_results s
         LEFT JOIN placement.formations f ON f.formation_id = s.formation_id
         LEFT JOIN placement.stage_results i ON i.application_id = s.application_id AND i.stage = 'interview'
         LEFT JOIN placement.ranking_entries e ON e.period_id = s.period_id AND e.application_id = s.application_id
         LEFT JOIN placement.placements p ON p.application_id = s.application_id AND p.status IN ('PROPOSED', 'CONFIRMED')
        WHERE s.period_id = $1 AND s.stage = 'skb'
        GROUP BY s.formation_id, f.code ORDER BY f.code`,
      [periodId],
    )) as PlacementStageCountRow[];
  }

  /** SKB results that proceed to the interview and have no interview result yet, oldest first. */
  async awaitingInterview(manager: EntityManager, periodId: string, limit: number): Promise<PlacementStuckRow[]> {
    return (await manager.query(
      `SELECT s.application_id AS "applicationId", s.formation_id AS "formationId", s.issued_at AS since
         FROM placement.stage_results s
        WHERE s.period_id = $1 AND s.stage = 'skb' AND s.result->>'outcome' = 'P/L' AND (s.result->>'proceeds')::boolean
          AND NOT EXISTS (SELECT 1 FROM placement.stage_results i WHERE i.application_id = s.application_id AND i.stage = 'interview')
        ORDER BY s.issued_at, s.application_id LIMIT $2`,
      [periodId, limit],
    )) as PlacementStuckRow[];
  }
}
