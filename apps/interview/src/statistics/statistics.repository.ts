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
}
