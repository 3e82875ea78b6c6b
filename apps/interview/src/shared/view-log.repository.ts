import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface ViewRecord {
  viewerId: string;
  viewerRole: string;
  action: string;
  panelId: string | null;
  applicationIds: string[];
  at: Date;
}

/** Every staff view of candidates, one row per request. */
@Injectable()
export class ViewLogRepository {
  async record(manager: EntityManager, v: ViewRecord): Promise<void> {
    await manager.query(
      `INSERT INTO interview.view_log (viewer_id, viewer_role, action, panel_id, application_ids, viewed_at) VALUES ($1, $2, $3, $4, $5::uuid[], $6)`,
      [v.viewerId, v.viewerRole, v.action, v.panelId, v.applicationIds, v.at],
    );
  }
}
