import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Criterion } from './rubric-rules';

export interface RubricRow {
  rubricId: string;
  formationId: string | null;
  position: string | null;
  version: number;
  label: string;
  criteria: Criterion[];
  frozen: boolean;
}

export type RubricOwner = { formationId: string } | { periodId: string; position: string };

const RUBRIC_SELECT = `
  SELECT r.rubric_id AS "rubricId", r.formation_id AS "formationId", r.position, r.version, r.label, r.criteria,
         EXISTS (SELECT 1 FROM interview.score_sheets s WHERE s.rubric_id = r.rubric_id) AS frozen
    FROM interview.rubrics r`;

@Injectable()
export class RubricsRepository {
  /**
   * The rubric that scores a formation's candidates: the formation's newest version, or else the
   * newest version for the formation's position in its period.
   */
  async effective(manager: EntityManager, formationId: string): Promise<RubricRow | undefined> {
    const rows: RubricRow[] = await manager.query(
      `${RUBRIC_SELECT}
         JOIN interview.formations f ON f.formation_id = $1
        WHERE r.formation_id = f.formation_id OR (r.formation_id IS NULL AND r.period_id = f.period_id AND r.position = f.position)
        ORDER BY (r.formation_id IS NOT NULL) DESC, r.version DESC LIMIT 1`,
      [formationId],
    );
    return rows[0];
  }

  /** The newest version owned exactly by this formation or position; `lock` serialises new versions of one owner. */
  async latest(manager: EntityManager, owner: RubricOwner, lock = false): Promise<RubricRow | undefined> {
    if ('formationId' in owner) {
      if (lock) await manager.query(`SELECT 1 FROM interview.formations WHERE formation_id = $1 FOR UPDATE`, [owner.formationId]);
      const rows: RubricRow[] = await manager.query(`${RUBRIC_SELECT} WHERE r.formation_id = $1 ORDER BY r.version DESC LIMIT 1`, [owner.formationId]);
      return rows[0];
    }
    if (lock) await manager.query(`SELECT pg_advisory_xact_lock(hashtext('interview.rubric:' || $1 || ':' || $2))`, [owner.periodId, owner.position]);
    const rows: RubricRow[] = await manager.query(
      `${RUBRIC_SELECT} WHERE r.formation_id IS NULL AND r.period_id = $1 AND r.position = $2 ORDER BY r.version DESC LIMIT 1`,
      [owner.periodId, owner.position],
    );
    return rows[0];
  }

  /** Whether any candidate of the formation has a sheet: from then on its candidates keep their rubric. */
  async formationScored(manager: EntityManager, formationId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM interview.score_sheets s JOIN interview.candidates c ON c.application_id = s.application_id WHERE c.formation_id = $1 LIMIT 1`,
      [formationId],
    );
    return rows.length > 0;
  }

  async byId(manager: EntityManager, rubricId: string): Promise<RubricRow | undefined> {
    const rows: RubricRow[] = await manager.query(`${RUBRIC_SELECT} WHERE r.rubric_id = $1`, [rubricId]);
    return rows[0];
  }

  async add(manager: EntityManager, r: Omit<RubricRow, 'frozen'> & { periodId: string; createdBy: string; createdAt: Date }): Promise<void> {
    await manager.query(
      `INSERT INTO interview.rubrics (rubric_id, period_id, formation_id, position, version, label, criteria, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [r.rubricId, r.periodId, r.formationId, r.position, r.version, r.label, JSON.stringify(r.criteria), r.createdBy, r.createdAt],
    );
  }
}
