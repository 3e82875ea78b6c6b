import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

@Injectable()
export class ConflictsRepository {
  async declare(manager: EntityManager, applicationId: string, panelistId: string, reason: string, at: Date): Promise<void> {
    await manager.query(`INSERT INTO interview.recusals (application_id, panelist_id, source, reason, recorded_at) VALUES ($1, $2, 'DECLARED', $3, $4)`, [
      applicationId,
      panelistId,
      reason,
      at,
    ]);
  }
}
