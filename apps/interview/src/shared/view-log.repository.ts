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

export interface ViewLogRow {
  id: string;
  viewer_id: string;
  viewer_role: string;
  action: string;
  panel_id: string | null;
  application_ids: string[];
  viewed_at: Date;
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

  /** Keyset paging on the log's id, oldest first. */
  async search(
    manager: EntityManager,
    f: { viewerId?: string; action?: string; applicationId?: string; from?: string; to?: string; afterId?: string; limit: number },
  ): Promise<ViewLogRow[]> {
    return manager.query(
      `SELECT id::text, viewer_id, viewer_role, action, panel_id, application_ids::text[] AS application_ids, viewed_at FROM interview.view_log
        WHERE ($1::uuid IS NULL OR viewer_id = $1) AND ($2::text IS NULL OR action = $2) AND ($3::uuid IS NULL OR $3 = ANY (application_ids))
          AND ($4::timestamptz IS NULL OR viewed_at >= $4) AND ($5::timestamptz IS NULL OR viewed_at < $5) AND ($6::bigint IS NULL OR id > $6)
        ORDER BY id LIMIT $7`,
      [f.viewerId ?? null, f.action ?? null, f.applicationId ?? null, f.from ?? null, f.to ?? null, f.afterId ?? null, f.limit],
    );
  }
}
