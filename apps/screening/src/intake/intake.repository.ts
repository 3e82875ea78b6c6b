import { Injectable } from '@nestjs/common';
import { ApplicationSubmitted, FormationPublished, PeriodOpened } from '@seleksi/contracts';
import { EntityManager } from 'typeorm';
import { CheckResult, Recommendation } from '../checks/checks';

@Injectable()
export class IntakeRepository {
  async upsertPeriod(manager: EntityManager, period: PeriodOpened, openedAt: string): Promise<void> {
    await manager.query(
      `INSERT INTO screening.periods (period_id, rule_version, settings, opened_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (period_id) DO UPDATE SET rule_version = EXCLUDED.rule_version, settings = EXCLUDED.settings`,
      [period.periodId, period.ruleVersion, JSON.stringify(period), openedAt],
    );
  }

  async upsertFormation(manager: EntityManager, formation: FormationPublished): Promise<void> {
    await manager.query(
      `INSERT INTO screening.formations (formation_id, period_id, code, position, requirements) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (formation_id) DO UPDATE SET requirements = EXCLUDED.requirements, position = EXCLUDED.position`,
      [formation.formationId, formation.periodId, formation.code, formation.position, JSON.stringify(formation.requirements)],
    );
  }

  async ageReferenceDate(manager: EntityManager, periodId: string): Promise<string | null> {
    const rows = (await manager.query(`SELECT settings->>'ageReferenceDate' AS d FROM screening.periods WHERE period_id = $1`, [periodId])) as {
      d: string | null;
    }[];
    return rows[0]?.d ?? null;
  }

  /** Returns false when the application already has a case. */
  async openCase(
    manager: EntityManager,
    submission: ApplicationSubmitted,
    checks: CheckResult[],
    recommendation: Recommendation,
    assignedTo: string | null,
  ): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO screening.cases (application_id, period_id, formation_id, rule_version, submission, applicant_id, kk_digest, checks, recommendation, assigned_to)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (application_id) DO NOTHING RETURNING application_id`,
      [
        submission.applicationId,
        submission.periodId,
        submission.formationId,
        submission.ruleVersion,
        JSON.stringify(submission),
        submission.applicant.applicantId,
        submission.applicant.kkDigest,
        JSON.stringify(checks),
        recommendation,
        assignedTo,
      ],
    )) as unknown[];
    return rows.length === 1;
  }

  /** Cases opened before their period's rules arrived: their age checks could not run yet. */
  async casesAwaitingPeriod(manager: EntityManager, periodId: string): Promise<{ application_id: string; submission: ApplicationSubmitted }[]> {
    return (await manager.query(
      `SELECT application_id, submission FROM screening.cases WHERE period_id = $1 AND status = 'PENDING'
          AND checks @> '[{"ruleId": "AGE_MAXIMUM", "passed": null}]'`,
      [periodId],
    )) as { application_id: string; submission: ApplicationSubmitted }[];
  }

  async updateChecks(manager: EntityManager, updates: { applicationId: string; checks: CheckResult[]; recommendation: Recommendation }[]): Promise<void> {
    if (updates.length === 0) return;
    await manager.query(
      `UPDATE screening.cases c SET checks = u.checks, recommendation = u.recommendation
         FROM jsonb_to_recordset($1::jsonb) AS u(application_id uuid, checks jsonb, recommendation text)
        WHERE c.application_id = u.application_id`,
      [JSON.stringify(updates.map((u) => ({ application_id: u.applicationId, checks: u.checks, recommendation: u.recommendation })))],
    );
  }
}
