import { Injectable } from '@nestjs/common';
import { AgencyTimeZone, HandoverCount, idDigestSql } from '@seleksi/contracts';
import { EntityManager } from 'typeorm';
import { Period, PeriodRules, PeriodStatus } from './period';

export interface PeriodRow {
  id: string;
  code: string;
  name: string;
  agency_name: string;
  time_zone: AgencyTimeZone;
  registration_opens_at: Date;
  registration_closes_at: Date;
  age_reference_date: string;
  appeal_filing_days: number;
  appeal_answering_days: number;
  rule_version: string;
  rules: PeriodRules;
  status: PeriodStatus;
}

const COLUMNS = `id, code, name, agency_name, time_zone, registration_opens_at, registration_closes_at,
  to_char(age_reference_date, 'YYYY-MM-DD') AS age_reference_date, appeal_filing_days, appeal_answering_days,
  rule_version, rules, status`;

export function toPeriod(row: PeriodRow): Period {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    agencyName: row.agency_name,
    timeZone: row.time_zone,
    registrationOpensAt: new Date(row.registration_opens_at),
    registrationClosesAt: new Date(row.registration_closes_at),
    ageReferenceDate: row.age_reference_date,
    appealFilingDays: row.appeal_filing_days,
    appealAnsweringDays: row.appeal_answering_days,
    ruleVersion: row.rule_version,
    rules: row.rules,
    status: row.status,
  };
}

@Injectable()
export class PeriodsRepository {
  /** Returns false when the code is taken. */
  async insert(manager: EntityManager, period: Period, createdBy: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO registration.periods (id, code, name, agency_name, time_zone, registration_opens_at, registration_closes_at,
         age_reference_date, appeal_filing_days, appeal_answering_days, rule_version, rules, status, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'draft', $13)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [
        period.id,
        period.code,
        period.name,
        period.agencyName,
        period.timeZone,
        period.registrationOpensAt,
        period.registrationClosesAt,
        period.ageReferenceDate,
        period.appealFilingDays,
        period.appealAnsweringDays,
        period.ruleVersion,
        JSON.stringify(period.rules),
        createdBy,
      ],
    );
    return rows.length === 1;
  }

  /** Rewrites a draft's settings; returns false when the new code is another period's. */
  async update(manager: EntityManager, period: Period): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `UPDATE registration.periods SET code = $2, name = $3, agency_name = $4, time_zone = $5, registration_opens_at = $6,
         registration_closes_at = $7, age_reference_date = $8, appeal_filing_days = $9, appeal_answering_days = $10,
         rule_version = $11, rules = $12
       WHERE id = $1 AND status = 'draft' AND NOT EXISTS (SELECT 1 FROM registration.periods o WHERE o.code = $2 AND o.id <> $1)
       RETURNING id`,
      [
        period.id,
        period.code,
        period.name,
        period.agencyName,
        period.timeZone,
        period.registrationOpensAt,
        period.registrationClosesAt,
        period.ageReferenceDate,
        period.appealFilingDays,
        period.appealAnsweringDays,
        period.ruleVersion,
        JSON.stringify(period.rules),
      ],
    );
    return (rows[0] as unknown[]).length === 1;
  }

  async find(manager: EntityManager, id: string, options: { lock?: boolean } = {}): Promise<Period | undefined> {
    const rows: PeriodRow[] = await manager.query(`SELECT ${COLUMNS} FROM registration.periods WHERE id = $1 ${options.lock ? 'FOR UPDATE' : ''}`, [id]);
    return rows[0] && toPeriod(rows[0]);
  }

  async list(manager: EntityManager, statuses: PeriodStatus[]): Promise<Period[]> {
    const rows: PeriodRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM registration.periods WHERE status = ANY($1) ORDER BY registration_opens_at DESC, code`,
      [statuses],
    );
    return rows.map(toPeriod);
  }

  async setStatus(manager: EntityManager, id: string, status: PeriodStatus, at: Date): Promise<void> {
    const column = status === 'open' ? 'opened_at' : 'closed_at';
    await manager.query(`UPDATE registration.periods SET status = $2, ${column} = $3 WHERE id = $1`, [id, status, at]);
  }

  /** Submitted applications per formation of the period (every formation, 0 for none), with the digest of their ids. */
  async submittedByFormation(manager: EntityManager, id: string): Promise<HandoverCount[]> {
    return (await manager.query(
      `SELECT f.id AS "formationId", count(a.id)::int AS count, ${idDigestSql('a.id')} AS digest
         FROM registration.formations f
         LEFT JOIN registration.applications a ON a.formation_id = f.id AND a.status = 'submitted'
        WHERE f.period_id = $1
        GROUP BY f.id ORDER BY f.id`,
      [id],
    )) as HandoverCount[];
  }

  async submittedCount(manager: EntityManager, id: string): Promise<number> {
    const [row] = (await manager.query(`SELECT count(*)::int AS n FROM registration.applications WHERE period_id = $1 AND status = 'submitted'`, [id])) as {
      n: number;
    }[];
    return row.n;
  }
}
