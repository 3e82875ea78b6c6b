import { Injectable } from '@nestjs/common';
import { FormationPublished, FormationQuotaChanged } from '@seleksi/contracts';
import { EntityManager } from 'typeorm';

export type Stage = 'skb' | 'interview';

@Injectable()
export class InputsRepository {
  async upsertFormation(manager: EntityManager, f: FormationPublished): Promise<void> {
    await manager.query(
      `INSERT INTO placement.formations (formation_id, period_id, code, position, unit, formation_type, quota)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (formation_id) DO UPDATE SET position = EXCLUDED.position, unit = EXCLUDED.unit, quota = EXCLUDED.quota`,
      [f.formationId, f.periodId, f.code, f.position, f.unit, f.formationType, f.quota],
    );
  }

  async changeQuota(manager: EntityManager, q: FormationQuotaChanged, at: string): Promise<void> {
    await manager.query(`UPDATE placement.formations SET quota = $2, quota_changed_at = $3 WHERE formation_id = $1`, [q.formationId, q.quota, at]);
  }

  /** Keeps the latest issue of a stage result: an older event arriving late never overwrites a newer one. */
  async recordResult(
    manager: EntityManager,
    stage: Stage,
    r: { applicationId: string; periodId: string; formationId: string },
    eventId: string,
    issuedAt: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO placement.stage_results (application_id, stage, period_id, formation_id, event_id, issued_at, result)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (application_id, stage) DO UPDATE
         SET event_id = EXCLUDED.event_id, issued_at = EXCLUDED.issued_at, result = EXCLUDED.result
       WHERE placement.stage_results.issued_at <= EXCLUDED.issued_at`,
      [r.applicationId, stage, r.periodId, r.formationId, eventId, issuedAt, JSON.stringify(r)],
    );
  }
}
