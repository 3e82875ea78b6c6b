import { AgencyTimeZone } from '@seleksi/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface PanelMembership {
  panelistId: string;
  displayName: string;
  chair: boolean;
}

/** What scoring needs of a candidate; never their identity. */
export interface CandidateForScoring {
  applicationId: string;
  periodId: string;
  formationId: string;
  participantNumber: string;
  panelId: string;
  status: string;
  rubricId: string | null;
  calibrationNote: string | null;
  reopenUsed: boolean;
  ruleVersion: string;
}

export interface PanelistCandidateRow {
  panelId: string;
  participantNumber: string;
  formationCode: string | null;
  position: string | null;
  status: string;
  startsAt: Date | null;
  endsAt: Date | null;
  place: string | null;
  timeZone: AgencyTimeZone;
  sheetStatus: string | null;
}

export interface CandidateOutcomeRow {
  status: string;
  total: number | null;
  absentReason: string | null;
  completedAt: Date | null;
  timeZone: AgencyTimeZone;
}

export interface ScoreRow {
  criterion: string;
  value: number;
  justification: string;
}

export interface SheetRow {
  panelistId: string;
  displayName: string;
  status: string;
  rubricId: string;
  scores: ScoreRow[];
}

@Injectable()
export class ScoringRepository {
  async membership(manager: EntityManager, panelId: string, panelistId: string): Promise<PanelMembership | undefined> {
    const rows: PanelMembership[] = await manager.query(
      `SELECT panelist_id AS "panelistId", display_name AS "displayName", is_chair AS chair FROM interview.panel_members WHERE panel_id = $1 AND panelist_id = $2`,
      [panelId, panelistId],
    );
    return rows[0];
  }

  /** A candidate of this panel by participant number; with `lock`, the row is held for the transaction. */
  async candidate(manager: EntityManager, panelId: string, participantNumber: string, lock = false): Promise<CandidateForScoring | undefined> {
    const rows: CandidateForScoring[] = await manager.query(
      `SELECT application_id AS "applicationId", period_id AS "periodId", formation_id AS "formationId", participant_number AS "participantNumber",
              panel_id AS "panelId", status, rubric_id AS "rubricId", calibration_note AS "calibrationNote", reopen_used AS "reopenUsed",
              rule_version AS "ruleVersion"
         FROM interview.candidates WHERE panel_id = $1 AND participant_number = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [panelId, participantNumber],
    );
    return rows[0];
  }

  async isRecused(manager: EntityManager, applicationId: string, panelistId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM interview.recusals WHERE application_id = $1 AND panelist_id = $2`, [applicationId, panelistId]);
    return rows.length > 0;
  }

  /** Candidates on the panelist's panels from which they are not recused, by participant number. */
  async candidatesOf(manager: EntityManager, panelistId: string): Promise<(PanelistCandidateRow & { applicationId: string })[]> {
    return manager.query(
      `SELECT c.application_id AS "applicationId", c.panel_id AS "panelId", c.participant_number AS "participantNumber",
              f.code AS "formationCode", f.position, c.status, s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.place,
              p.time_zone AS "timeZone", sh.status AS "sheetStatus"
         FROM interview.panel_members m
         JOIN interview.candidates c ON c.panel_id = m.panel_id
         JOIN interview.periods p ON p.period_id = c.period_id
         LEFT JOIN interview.formations f ON f.formation_id = c.formation_id
         LEFT JOIN interview.slots s ON s.application_id = c.application_id
         LEFT JOIN interview.score_sheets sh ON sh.application_id = c.application_id AND sh.panelist_id = m.panelist_id
        WHERE m.panelist_id = $1
          AND NOT EXISTS (SELECT 1 FROM interview.recusals r WHERE r.application_id = c.application_id AND r.panelist_id = m.panelist_id)
        ORDER BY s.starts_at NULLS LAST, c.participant_number`,
      [panelistId],
    );
  }

  async candidateView(manager: EntityManager, applicationId: string): Promise<PanelistCandidateRow> {
    const rows: PanelistCandidateRow[] = await manager.query(
      `SELECT c.panel_id AS "panelId", c.participant_number AS "participantNumber", f.code AS "formationCode", f.position, c.status,
              s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.place, p.time_zone AS "timeZone", NULL AS "sheetStatus"
         FROM interview.candidates c
         JOIN interview.periods p ON p.period_id = c.period_id
         LEFT JOIN interview.formations f ON f.formation_id = c.formation_id
         LEFT JOIN interview.slots s ON s.application_id = c.application_id
        WHERE c.application_id = $1`,
      [applicationId],
    );
    return rows[0];
  }

  /** The closed interview's record (total, absence reason, when), with the period's zone. */
  async outcome(manager: EntityManager, applicationId: string): Promise<CandidateOutcomeRow> {
    const rows: CandidateOutcomeRow[] = await manager.query(
      `SELECT c.status, c.total::float8 AS total, c.absent_reason AS "absentReason", c.completed_at AS "completedAt", p.time_zone AS "timeZone"
         FROM interview.candidates c JOIN interview.periods p ON p.period_id = c.period_id
        WHERE c.application_id = $1`,
      [applicationId],
    );
    return rows[0];
  }

  /** Sheets of a candidate, optionally only those of the given panelists. */
  async sheets(manager: EntityManager, applicationId: string, panelistIds?: string[]): Promise<SheetRow[]> {
    return manager.query(
      `SELECT sh.panelist_id AS "panelistId", coalesce(m.display_name, '') AS "displayName", sh.status, sh.rubric_id AS "rubricId",
              coalesce((SELECT json_agg(json_build_object('criterion', s.criterion, 'value', s.value, 'justification', s.justification) ORDER BY s.criterion)
                          FROM interview.scores s WHERE s.application_id = sh.application_id AND s.panelist_id = sh.panelist_id), '[]') AS scores
         FROM interview.score_sheets sh
         LEFT JOIN interview.panel_members m ON m.panel_id = sh.panel_id AND m.panelist_id = sh.panelist_id
        WHERE sh.application_id = $1 AND ($2::uuid[] IS NULL OR sh.panelist_id = ANY($2::uuid[]))
        ORDER BY m.is_chair DESC, m.display_name`,
      [applicationId, panelistIds ?? null],
    );
  }

  /** Panel members not recused for the candidate: the panelists whose sheets count. */
  async scoringMembers(manager: EntityManager, panelId: string, applicationId: string): Promise<PanelMembership[]> {
    return manager.query(
      `SELECT m.panelist_id AS "panelistId", m.display_name AS "displayName", m.is_chair AS chair
         FROM interview.panel_members m
        WHERE m.panel_id = $1
          AND NOT EXISTS (SELECT 1 FROM interview.recusals r WHERE r.application_id = $2 AND r.panelist_id = m.panelist_id)
        ORDER BY m.panelist_id`,
      [panelId, applicationId],
    );
  }

  async pinRubric(manager: EntityManager, applicationId: string, rubricId: string): Promise<void> {
    await manager.query(`UPDATE interview.candidates SET rubric_id = $2 WHERE application_id = $1`, [applicationId, rubricId]);
  }

  /** Replaces the panelist's draft with these scores, in two statements whatever the rubric size. */
  async saveDraft(
    manager: EntityManager,
    s: { applicationId: string; panelistId: string; panelId: string; rubricId: string; scores: ScoreRow[]; at: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO interview.score_sheets (application_id, panelist_id, panel_id, rubric_id, status, updated_at) VALUES ($1, $2, $3, $4, 'DRAFT', $5)
       ON CONFLICT (application_id, panelist_id) DO UPDATE SET panel_id = EXCLUDED.panel_id, rubric_id = EXCLUDED.rubric_id, updated_at = EXCLUDED.updated_at`,
      [s.applicationId, s.panelistId, s.panelId, s.rubricId, s.at],
    );
    await manager.query(`DELETE FROM interview.scores WHERE application_id = $1 AND panelist_id = $2`, [s.applicationId, s.panelistId]);
    await manager.query(
      `INSERT INTO interview.scores (application_id, panelist_id, criterion, value, justification)
       SELECT $1, $2, x.criterion, x.value, x.justification FROM jsonb_to_recordset($3::jsonb) AS x(criterion text, value integer, justification text)`,
      [s.applicationId, s.panelistId, JSON.stringify(s.scores)],
    );
  }

  async submit(manager: EntityManager, applicationId: string, panelistId: string, at: Date): Promise<void> {
    await manager.query(`UPDATE interview.score_sheets SET status = 'SUBMITTED', submitted_at = $3 WHERE application_id = $1 AND panelist_id = $2`, [
      applicationId,
      panelistId,
      at,
    ]);
  }

  async reopen(manager: EntityManager, applicationId: string, panelistId: string): Promise<void> {
    await manager.query(`UPDATE interview.score_sheets SET status = 'DRAFT', submitted_at = NULL WHERE application_id = $1 AND panelist_id = $2`, [
      applicationId,
      panelistId,
    ]);
  }

  async recordCalibration(manager: EntityManager, applicationId: string, note: string, chairId: string, reopened: boolean): Promise<void> {
    await manager.query(
      `UPDATE interview.candidates SET calibration_note = $2, calibrated_by = $3, reopen_used = reopen_used OR $4 WHERE application_id = $1`,
      [applicationId, note, chairId, reopened],
    );
  }

  async complete(
    manager: EntityManager,
    c: {
      applicationId: string;
      status: 'COMPLETED' | 'ABSENT';
      total: number | null;
      at: Date;
      countedPanelists: string[];
      /** The chair who closed it. */
      by: string;
      absentReason: string | null;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE interview.candidates SET status = $2, total = $3, completed_at = $4, completed_by = $5, absent_reason = $6 WHERE application_id = $1`,
      [c.applicationId, c.status, c.total, c.at, c.by, c.absentReason],
    );
    await manager.query(`UPDATE interview.score_sheets SET counted = true WHERE application_id = $1 AND panelist_id = ANY($2::uuid[])`, [
      c.applicationId,
      c.countedPanelists,
    ]);
  }
}
