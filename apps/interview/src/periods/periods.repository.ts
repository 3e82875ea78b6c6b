import { AgencyTimeZone } from '@seleksi/contracts';
import { Injectable } from '@nestjs/common';
import { FormationPublished, PeriodOpened } from '@seleksi/contracts';
import { EntityManager } from 'typeorm';

export interface PeriodRules {
  periodId: string;
  ruleVersion: string;
  timeZone: AgencyTimeZone;
  scaleMin: number;
  scaleMax: number;
  calibrationThreshold: number;
  minimumPanelSize: number;
}

export interface FormationRow {
  formationId: string;
  periodId: string;
  code: string;
  position: string;
  unit: string;
}

@Injectable()
export class PeriodsRepository {
  /** A period is frozen when it opens; a redelivered or replayed PeriodOpened changes nothing. */
  async addPeriod(manager: EntityManager, p: PeriodOpened): Promise<void> {
    await manager.query(
      `INSERT INTO interview.periods (period_id, rule_version, time_zone, scale_min, scale_max, calibration_threshold, minimum_panel_size)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (period_id) DO NOTHING`,
      [p.periodId, p.ruleVersion, p.timeZone, p.interview.scaleMin, p.interview.scaleMax, p.interview.calibrationThreshold, p.interview.minimumPanelSize],
    );
  }

  async upsertFormation(manager: EntityManager, f: FormationPublished): Promise<void> {
    await manager.query(
      `INSERT INTO interview.formations (formation_id, period_id, code, position, unit) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (formation_id) DO UPDATE SET code = EXCLUDED.code, position = EXCLUDED.position, unit = EXCLUDED.unit`,
      [f.formationId, f.periodId, f.code, f.position, f.unit],
    );
  }

  async period(manager: EntityManager, periodId: string): Promise<PeriodRules | undefined> {
    const rows: PeriodRules[] = await manager.query(
      `SELECT period_id AS "periodId", rule_version AS "ruleVersion", time_zone AS "timeZone", scale_min AS "scaleMin", scale_max AS "scaleMax",
              calibration_threshold::float8 AS "calibrationThreshold", minimum_panel_size AS "minimumPanelSize"
         FROM interview.periods WHERE period_id = $1`,
      [periodId],
    );
    return rows[0];
  }

  async formations(manager: EntityManager, formationIds: string[]): Promise<FormationRow[]> {
    return manager.query(
      `SELECT formation_id AS "formationId", period_id AS "periodId", code, position, unit FROM interview.formations WHERE formation_id = ANY($1::uuid[])`,
      [formationIds],
    );
  }
}
