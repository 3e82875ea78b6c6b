import { Injectable } from '@nestjs/common';
import { HandoverCount, idDigestSql, SkbPeriodFinalized } from '@seleksi/contracts';
import { EntityManager } from 'typeorm';

export interface HandoverRow {
  finalized_at: Date;
  proceeding: number;
  by_formation: HandoverCount[];
  received_at: Date;
}

export interface CompletionRow {
  completed_at: Date;
  completed_by: string;
  completed: number;
  by_formation: HandoverCount[];
}

export interface InterviewStageCountRow {
  formationId: string;
  formationCode: string | null;
  received: number;
  assigned: number;
  waiting: number;
  unplaced: number;
  scored: number;
  absent: number;
}

export interface InterviewStuckRow {
  applicationId: string;
  formationId: string;
  reason: 'AWAITING_PANEL' | 'UNPLACED' | 'AWAITING_INTERVIEW';
  waitingOn: string;
  since: Date;
}

/** Skb's hand-over of a finalized period, the candidates interview holds of it, and the period's completion. */
@Injectable()
export class HandoversRepository {
  async record(manager: EntityManager, finalized: SkbPeriodFinalized, receivedAt: Date): Promise<void> {
    await manager.query(
      `INSERT INTO interview.handovers (period_id, finalized_at, proceeding, by_formation, received_at)
       VALUES ($1, $2, $3, $4::jsonb, $5) ON CONFLICT (period_id) DO NOTHING`,
      [finalized.periodId, finalized.finalizedAt, finalized.proceeding, JSON.stringify(finalized.proceedingByFormation), receivedAt],
    );
  }

  async find(manager: EntityManager, periodId: string): Promise<HandoverRow | undefined> {
    const rows = (await manager.query(`SELECT finalized_at, proceeding, by_formation, received_at FROM interview.handovers WHERE period_id = $1`, [
      periodId,
    ])) as HandoverRow[];
    return rows[0];
  }

  /** The candidates interview holds per formation, counted and digested the way skb counted the proceeding results. */
  async held(manager: EntityManager, periodId: string): Promise<HandoverCount[]> {
    return (await manager.query(
      `SELECT formation_id AS "formationId", count(*)::int AS count, ${idDigestSql('application_id')} AS digest
         FROM interview.candidates WHERE period_id = $1 GROUP BY formation_id`,
      [periodId],
    )) as HandoverCount[];
  }

  async completion(manager: EntityManager, periodId: string): Promise<CompletionRow | undefined> {
    const rows = (await manager.query(`SELECT completed_at, completed_by, completed, by_formation FROM interview.period_completions WHERE period_id = $1`, [
      periodId,
    ])) as CompletionRow[];
    return rows[0];
  }

  /** Candidates whose interview is not final (not COMPLETED or ABSENT). */
  async open(manager: EntityManager, periodId: string): Promise<number> {
    const rows = (await manager.query(`SELECT count(*)::int AS n FROM interview.candidates WHERE period_id = $1 AND status NOT IN ('COMPLETED', 'ABSENT')`, [
      periodId,
    ])) as { n: number }[];
    return rows[0].n;
  }

  /** Per formation of the period (every formation interview knows, 0 for none): the completed interviews with their digest. */
  async completedByFormation(manager: EntityManager, periodId: string): Promise<HandoverCount[]> {
    return (await manager.query(
      `SELECT f.formation_id AS "formationId", count(c.application_id)::int AS count, ${idDigestSql('c.application_id')} AS digest
         FROM (SELECT formation_id FROM interview.formations WHERE period_id = $1
               UNION SELECT DISTINCT formation_id FROM interview.candidates WHERE period_id = $1) f
         LEFT JOIN interview.candidates c ON c.formation_id = f.formation_id AND c.period_id = $1 AND c.status IN ('COMPLETED', 'ABSENT')
        GROUP BY f.formation_id ORDER BY f.formation_id`,
      [periodId],
    )) as HandoverCount[];
  }

  async recordCompletion(manager: EntityManager, periodId: string, at: Date, by: string, byFormation: HandoverCount[]): Promise<void> {
    await manager.query(
      `INSERT INTO interview.period_completions (period_id, completed_at, completed_by, completed, by_formation) VALUES ($1, $2, $3, $4, $5::jsonb)`,
      [periodId, at, by, byFormation.reduce((sum, f) => sum + f.count, 0), JSON.stringify(byFormation)],
    );
  }

  /** Per formation: candidates received, waiting for a panel, assigned, unplaced, scored and absent. */
  async stageCounts(manager: EntityManager, periodId: string): Promise<InterviewStageCountRow[]> {
    return (await manager.query(
      `SELECT c.formation_id AS "formationId", f.code AS "formationCode",
              count(*)::int AS received,
              count(*) FILTER (WHERE c.status = 'ASSIGNED')::int AS assigned,
              count(*) FILTER (WHERE c.status = 'WAITING')::int AS waiting,
              count(*) FILTER (WHERE c.status = 'UNPLACED')::int AS unplaced,
              count(*) FILTER (WHERE c.status = 'COMPLETED')::int AS scored,
              count(*) FILTER (WHERE c.status = 'ABSENT')::int AS absent
         FROM interview.candidates c LEFT JOIN interview.formations f ON f.formation_id = c.formation_id
        WHERE c.period_id = $1 GROUP BY c.formation_id, f.code ORDER BY f.code`,
      [periodId],
    )) as InterviewStageCountRow[];
  }

  /** Candidates whose interview is not final, with whom they wait on; oldest first. */
  async stuck(manager: EntityManager, periodId: string, limit: number): Promise<InterviewStuckRow[]> {
    return (await manager.query(
      `SELECT application_id AS "applicationId", formation_id AS "formationId",
              CASE status WHEN 'WAITING' THEN 'AWAITING_PANEL' WHEN 'UNPLACED' THEN 'UNPLACED' ELSE 'AWAITING_INTERVIEW' END AS reason,
              CASE WHEN status = 'ASSIGNED' THEN panel_id::text ELSE 'admin' END AS "waitingOn",
              created_at AS since
         FROM interview.candidates WHERE period_id = $1 AND status NOT IN ('COMPLETED', 'ABSENT')
        ORDER BY created_at, application_id LIMIT $2`,
      [periodId, limit],
    )) as InterviewStuckRow[];
  }
}
