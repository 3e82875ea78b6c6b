import { Injectable } from '@nestjs/common';
import { ApplicationSubmitted, FormationPublished, PeriodOpened } from '@seleksi/contracts';
import { EntityManager } from 'typeorm';

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

  /** Returns false when the application already has a case. */
  async openCase(manager: EntityManager, submission: ApplicationSubmitted): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO screening.cases (application_id, period_id, formation_id, rule_version, submission)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (application_id) DO NOTHING RETURNING application_id`,
      [submission.applicationId, submission.periodId, submission.formationId, submission.ruleVersion, JSON.stringify(submission)],
    )) as unknown[];
    return rows.length === 1;
  }
}
