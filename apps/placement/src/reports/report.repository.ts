import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface FormationReportRow {
  formationId: string;
  code: string;
  position: string;
  unit: string;
  quota: number;
  reachedPlacement: number;
  skbProceeded: number;
  interviewed: number;
  placed: number;
  vacancies: number;
}

@Injectable()
export class ReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One statement per period: counts per formation from the stored inputs and placements. */
  async perFormation(periodId: string): Promise<FormationReportRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT f.formation_id AS "formationId", f.code, f.position, f.unit, f.quota,
              (SELECT count(DISTINCT application_id) FROM placement.stage_results s WHERE s.formation_id = f.formation_id)::int AS "reachedPlacement",
              (SELECT count(*) FROM placement.stage_results s WHERE s.formation_id = f.formation_id AND s.stage = 'skb' AND (s.result->>'proceeds')::boolean)::int AS "skbProceeded",
              (SELECT count(*) FROM placement.stage_results s WHERE s.formation_id = f.formation_id AND s.stage = 'interview' AND s.result->>'outcome' = 'SCORED')::int AS "interviewed",
              (SELECT count(*) FROM placement.placements p WHERE p.formation_id = f.formation_id AND p.status = 'CONFIRMED')::int AS placed
         FROM placement.formations f WHERE f.period_id = $1 ORDER BY f.code, f.formation_id`,
      [periodId],
    )) as Omit<FormationReportRow, 'vacancies'>[];
    return rows.map((r) => ({ ...r, vacancies: Math.max(0, r.quota - r.placed) }));
  }
}
