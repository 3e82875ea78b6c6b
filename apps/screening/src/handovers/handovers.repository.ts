import { Injectable } from '@nestjs/common';
import { HandoverCount, idDigestSql, PeriodClosed } from '@seleksi/contracts';
import { EntityManager } from 'typeorm';

export interface HandoverRow {
  period_id: string;
  closed_at: Date;
  submitted: number;
  by_formation: HandoverCount[] | null;
  received_at: Date;
}

/** Registration's hand-over of a closed period, and what screening holds of it. */
@Injectable()
export class HandoversRepository {
  async record(manager: EntityManager, closed: PeriodClosed, receivedAt: Date): Promise<void> {
    await manager.query(
      `INSERT INTO screening.handovers (period_id, closed_at, submitted, by_formation, received_at)
       VALUES ($1, $2, $3, $4::jsonb, $5) ON CONFLICT (period_id) DO NOTHING`,
      [closed.periodId, closed.closedAt, closed.submittedApplications, closed.byFormation ? JSON.stringify(closed.byFormation) : null, receivedAt],
    );
  }

  async find(manager: EntityManager, periodId: string): Promise<HandoverRow | undefined> {
    const rows = (await manager.query(`SELECT period_id, closed_at, submitted, by_formation, received_at FROM screening.handovers WHERE period_id = $1`, [
      periodId,
    ])) as HandoverRow[];
    return rows[0];
  }

  /** The cases screening holds per formation, counted and digested the way registration counted them. */
  async held(manager: EntityManager, periodId: string): Promise<HandoverCount[]> {
    return (await manager.query(
      `SELECT formation_id AS "formationId", count(*)::int AS count, ${idDigestSql('application_id')} AS digest
         FROM screening.cases WHERE period_id = $1 GROUP BY formation_id`,
      [periodId],
    )) as HandoverCount[];
  }

  /** Per formation: cases received, decided, pending and handed on (finalized), with each outcome. */
  async stageCounts(manager: EntityManager, periodId: string): Promise<StageCountRow[]> {
    return (await manager.query(
      `SELECT c.formation_id AS "formationId", f.code AS "formationCode",
              count(*)::int AS received,
              count(*) FILTER (WHERE c.status <> 'PENDING')::int AS decided,
              count(*) FILTER (WHERE c.status = 'PENDING')::int AS pending,
              count(*) FILTER (WHERE c.status <> 'PENDING' AND c.result = 'MS')::int AS eligible,
              count(*) FILTER (WHERE c.status <> 'PENDING' AND c.result = 'TMS')::int AS ineligible,
              count(*) FILTER (WHERE c.status = 'FINALIZED')::int AS "handedOn"
         FROM screening.cases c LEFT JOIN screening.formations f ON f.formation_id = c.formation_id
        WHERE c.period_id = $1 GROUP BY c.formation_id, f.code ORDER BY f.code`,
      [periodId],
    )) as StageCountRow[];
  }

  /** Applications that cannot move on without someone: an undecided case or an unanswered appeal, oldest first. */
  async stuck(manager: EntityManager, periodId: string, limit: number): Promise<StuckRow[]> {
    return (await manager.query(
      `SELECT * FROM (
         SELECT application_id AS "applicationId", formation_id AS "formationId",
                CASE WHEN assigned_to IS NULL THEN 'AWAITING_ASSIGNMENT' ELSE 'AWAITING_VERIFIER' END AS reason,
                assigned_to AS "waitingOn", created_at AS since
           FROM screening.cases WHERE period_id = $1 AND status = 'PENDING'
         UNION ALL
         SELECT a.application_id, c.formation_id, 'AWAITING_APPEAL_ANSWER', a.reviewer_id, a.filed_at
           FROM screening.appeals a JOIN screening.cases c ON c.application_id = a.application_id
          WHERE a.period_id = $1 AND a.status = 'OPEN') s
        ORDER BY since, "applicationId" LIMIT $2`,
      [periodId, limit],
    )) as StuckRow[];
  }
}

export interface StageCountRow {
  formationId: string;
  formationCode: string | null;
  received: number;
  decided: number;
  pending: number;
  eligible: number;
  ineligible: number;
  handedOn: number;
}

export interface StuckRow {
  applicationId: string;
  formationId: string;
  reason: 'AWAITING_ASSIGNMENT' | 'AWAITING_VERIFIER' | 'AWAITING_APPEAL_ANSWER';
  waitingOn: string | null;
  since: Date;
}
