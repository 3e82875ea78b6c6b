import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface ShortCandidate {
  applicationId: string;
  periodId: string;
  formationId: string;
  panelId: string;
  minimumPanelSize: number;
}

/** SQL behind candidate placement: which panel scores whom, recusals for shared families. */
@Injectable()
export class PlacementRepository {
  /** Candidates of a period not yet finalized (for re-placing after a panel changes). */
  async openCandidateIds(manager: EntityManager, periodId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT application_id AS id FROM interview.candidates WHERE period_id = $1 AND status IN ('WAITING', 'ASSIGNED', 'UNPLACED')`,
      [periodId],
    );
    return rows.map((r) => r.id);
  }

  /** Recuses every panelist of the candidate's period whose KK digest equals the candidate's. */
  async recuseSharedFamilies(manager: EntityManager, applicationIds: string[], now: Date): Promise<number> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO interview.recusals (application_id, panelist_id, source, reason, recorded_at)
       SELECT DISTINCT c.application_id, m.panelist_id, 'KK_MATCH', 'shares a family card (KK) with the candidate', $2::timestamptz
         FROM interview.candidates c
         JOIN interview.panels p ON p.period_id = c.period_id
         JOIN interview.panel_members m ON m.panel_id = p.panel_id AND m.kk_digest = c.kk_digest
        WHERE c.application_id = ANY($1::uuid[])
       ON CONFLICT (application_id, panelist_id) DO NOTHING
       RETURNING application_id`,
      [applicationIds, now],
    );
    return rows.length;
  }

  /**
   * Candidates without a panel go to a panel assigned their formation, the one with the fewest
   * candidates (counted before this statement, so one batch goes to one panel), oldest assignment first.
   * Loads are counted once, and only for the panels of these candidates' formations.
   */
  async assignToFormationPanels(manager: EntityManager, applicationIds: string[]): Promise<void> {
    await manager.query(
      `WITH todo AS (SELECT application_id, formation_id FROM interview.candidates
                      WHERE application_id = ANY($1::uuid[]) AND status IN ('WAITING', 'UNPLACED')),
            options AS MATERIALIZED (SELECT DISTINCT pf.panel_id, pf.formation_id, pf.assigned_at FROM interview.panel_formations pf
                          JOIN todo ON todo.formation_id = pf.formation_id),
            load AS MATERIALIZED (SELECT o.panel_id, (SELECT count(*) FROM interview.candidates y WHERE y.panel_id = o.panel_id) AS n
                                    FROM (SELECT DISTINCT panel_id FROM options) o),
            pick AS (SELECT DISTINCT ON (todo.application_id) todo.application_id, o.panel_id
                       FROM todo JOIN options o ON o.formation_id = todo.formation_id JOIN load l ON l.panel_id = o.panel_id
                      ORDER BY todo.application_id, l.n, o.assigned_at, o.panel_id)
       UPDATE interview.candidates c SET panel_id = pick.panel_id, status = 'ASSIGNED', unplaced_reason = NULL
         FROM pick WHERE c.application_id = pick.application_id`,
      [applicationIds],
    );
  }

  /**
   * Assigned candidates whose panel has fewer non-recused members than the period's minimum, or whose
   * chair is recused. One grouped join, so a whole period is checked as cheaply as one candidate.
   */
  async shortOfPanelists(manager: EntityManager, applicationIds: string[]): Promise<ShortCandidate[]> {
    return manager.query(
      `SELECT c.application_id AS "applicationId", c.period_id AS "periodId", c.formation_id AS "formationId", c.panel_id AS "panelId",
              p.minimum_panel_size AS "minimumPanelSize"
         FROM interview.candidates c
         JOIN interview.periods p ON p.period_id = c.period_id
         JOIN interview.panel_members m ON m.panel_id = c.panel_id
         LEFT JOIN interview.recusals r ON r.application_id = c.application_id AND r.panelist_id = m.panelist_id
        WHERE c.application_id = ANY($1::uuid[]) AND c.status = 'ASSIGNED'
        GROUP BY c.application_id, p.minimum_panel_size
       HAVING count(*) FILTER (WHERE r.panelist_id IS NULL) < p.minimum_panel_size
           OR NOT bool_or(m.is_chair AND r.panelist_id IS NULL)`,
      [applicationIds],
    );
  }

  /**
   * Another panel of the period with at least `minimum` members not recused for this candidate
   * (after recusing its shared-family members), its chair among them, preferring panels assigned the candidate's formation,
   * then the least loaded, then the oldest.
   */
  async alternativePanel(manager: EntityManager, c: ShortCandidate): Promise<string | undefined> {
    const rows: { panelId: string }[] = await manager.query(
      `SELECT p.panel_id AS "panelId"
         FROM interview.panels p
         JOIN interview.panel_members m ON m.panel_id = p.panel_id
         JOIN interview.candidates c ON c.application_id = $1
        WHERE p.period_id = $2 AND p.panel_id <> $3
          AND m.kk_digest <> c.kk_digest
          AND NOT EXISTS (SELECT 1 FROM interview.recusals r WHERE r.application_id = $1 AND r.panelist_id = m.panelist_id)
        GROUP BY p.panel_id, p.created_at
       HAVING count(*) >= $5 AND bool_or(m.is_chair)
        ORDER BY EXISTS (SELECT 1 FROM interview.panel_formations pf WHERE pf.panel_id = p.panel_id AND pf.formation_id = $4) DESC,
                 (SELECT count(*) FROM interview.candidates y WHERE y.panel_id = p.panel_id), p.created_at, p.panel_id
        LIMIT 1`,
      [c.applicationId, c.periodId, c.panelId, c.formationId, c.minimumPanelSize],
    );
    return rows[0]?.panelId;
  }

  /** Moves a candidate (or, with no panel, marks them UNPLACED) and frees any slot they held on the old panel. */
  async move(manager: EntityManager, applicationId: string, panelId: string | null, reason: string | null): Promise<void> {
    await manager.query(`UPDATE interview.slots SET application_id = NULL WHERE application_id = $1`, [applicationId]);
    await manager.query(
      `UPDATE interview.candidates SET panel_id = $2, status = CASE WHEN $2::uuid IS NULL THEN 'UNPLACED' ELSE 'ASSIGNED' END, unplaced_reason = $3
        WHERE application_id = $1`,
      [applicationId, panelId, reason],
    );
  }
}
