import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ScoreFact } from './rater-statistics';

@Injectable()
export class StatisticsRepository {
  /** Scores that counted towards finalized (SCORED) interviews of the period. */
  async countedScores(manager: EntityManager, periodId: string): Promise<ScoreFact[]> {
    return manager.query(
      `SELECT s.application_id AS "applicationId", s.panelist_id AS "panelistId", s.criterion, s.value
         FROM interview.scores s
         JOIN interview.score_sheets sh ON sh.application_id = s.application_id AND sh.panelist_id = s.panelist_id AND sh.counted
         JOIN interview.candidates c ON c.application_id = s.application_id
        WHERE c.period_id = $1 AND c.status = 'COMPLETED'`,
      [periodId],
    );
  }

  async displayNames(manager: EntityManager, periodId: string): Promise<Map<string, string>> {
    const rows: { panelistId: string; displayName: string }[] = await manager.query(
      `SELECT DISTINCT ON (m.panelist_id) m.panelist_id AS "panelistId", m.display_name AS "displayName"
         FROM interview.panel_members m JOIN interview.panels p ON p.panel_id = m.panel_id
        WHERE p.period_id = $1 ORDER BY m.panelist_id, p.created_at DESC`,
      [periodId],
    );
    return new Map(rows.map((r) => [r.panelistId, r.displayName]));
  }

  async interviewCounts(manager: EntityManager, periodId: string): Promise<{ formationId: string; candidates: number; interviewed: number; absent: number }[]> {
    return manager.query(
      `SELECT formation_id AS "formationId", count(*)::int AS candidates,
              count(*) FILTER (WHERE status = 'COMPLETED')::int AS interviewed,
              count(*) FILTER (WHERE status = 'ABSENT')::int AS absent
         FROM interview.candidates WHERE period_id = $1 GROUP BY formation_id ORDER BY formation_id`,
      [periodId],
    );
  }
}
