import { Injectable } from '@nestjs/common';
import { FormationPublished, ScreeningFinalized } from '@seleksi/contracts';
import { EntityManager } from 'typeorm';

@Injectable()
export class IntakeRepository {
  async upsertFormation(manager: EntityManager, f: FormationPublished): Promise<void> {
    await manager.query(
      `INSERT INTO skb.formations (formation_id, period_id, code, position, formation_type, quota) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (formation_id) DO UPDATE SET quota = EXCLUDED.quota, position = EXCLUDED.position, formation_type = EXCLUDED.formation_type`,
      [f.formationId, f.periodId, f.code, f.position, f.formationType, f.quota],
    );
  }

  async addParticipant(manager: EntityManager, s: ScreeningFinalized): Promise<void> {
    await manager.query(
      `INSERT INTO skb.participants (application_id, period_id, formation_id, full_name, registration_number, rule_version)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (application_id) DO NOTHING`,
      [s.applicationId, s.periodId, s.formationId, s.fullName, s.registrationNumber, s.ruleVersion],
    );
  }
}
