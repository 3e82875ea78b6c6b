import { Injectable } from '@nestjs/common';
import { FormationRequirements } from '@seleksi/contracts';
import { EntityManager } from 'typeorm';
import { Formation } from './formation';

export interface FormationRow {
  id: string;
  period_id: string;
  code: string;
  position: string;
  unit: string;
  formation_type: string;
  quota: number;
  requirements: FormationRequirements;
}

export const toFormation = (r: FormationRow): Formation => ({
  id: r.id,
  periodId: r.period_id,
  code: r.code,
  position: r.position,
  unit: r.unit,
  formationType: r.formation_type,
  quota: r.quota,
  requirements: r.requirements,
});

const COLUMNS = 'id, period_id, code, position, unit, formation_type, quota, requirements';

@Injectable()
export class FormationsRepository {
  /** Returns false when the period already has a formation with this code. */
  async insert(manager: EntityManager, f: Formation): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO registration.formations (id, period_id, code, position, unit, formation_type, quota, requirements)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (period_id, code) DO NOTHING RETURNING id`,
      [f.id, f.periodId, f.code, f.position, f.unit, f.formationType, f.quota, JSON.stringify(f.requirements)],
    );
    return rows.length === 1;
  }

  async replace(manager: EntityManager, f: Formation): Promise<void> {
    await manager.query(
      `UPDATE registration.formations SET code = $2, position = $3, unit = $4, formation_type = $5, quota = $6, requirements = $7
        WHERE id = $1`,
      [f.id, f.code, f.position, f.unit, f.formationType, f.quota, JSON.stringify(f.requirements)],
    );
  }

  async find(manager: EntityManager, id: string, options: { lock?: boolean } = {}): Promise<Formation | undefined> {
    const rows: FormationRow[] = await manager.query(`SELECT ${COLUMNS} FROM registration.formations WHERE id = $1 ${options.lock ? 'FOR UPDATE' : ''}`, [id]);
    return rows[0] && toFormation(rows[0]);
  }

  async listOfPeriod(manager: EntityManager, periodId: string): Promise<Formation[]> {
    const rows: FormationRow[] = await manager.query(`SELECT ${COLUMNS} FROM registration.formations WHERE period_id = $1 ORDER BY code`, [periodId]);
    return rows.map(toFormation);
  }

  async changeQuota(manager: EntityManager, id: string, previous: number, quota: number, reason: string, changedBy: string): Promise<void> {
    await manager.query(`UPDATE registration.formations SET quota = $2 WHERE id = $1`, [id, quota]);
    await manager.query(`INSERT INTO registration.quota_changes (formation_id, previous_quota, quota, reason, changed_by) VALUES ($1, $2, $3, $4, $5)`, [
      id,
      previous,
      quota,
      reason,
      changedBy,
    ]);
  }

  async quotaHistory(
    manager: EntityManager,
    id: string,
  ): Promise<{ previousQuota: number; quota: number; reason: string; changedBy: string; changedAt: Date }[]> {
    return manager.query(
      `SELECT previous_quota AS "previousQuota", quota, reason, changed_by AS "changedBy", changed_at AS "changedAt"
         FROM registration.quota_changes WHERE formation_id = $1 ORDER BY id`,
      [id],
    );
  }
}
