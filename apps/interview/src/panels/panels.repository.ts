import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface NewPanel {
  panelId: string;
  periodId: string;
  name: string;
  createdBy: string;
  createdAt: Date;
  members: { panelistId: string; displayName: string; kkDigest: string; chair: boolean }[];
}

export interface PanelRow {
  panelId: string;
  periodId: string;
  name: string;
  members: { panelistId: string; displayName: string; chair: boolean }[];
  formationIds: string[];
}

const PANEL_SELECT = `
  SELECT p.panel_id AS "panelId", p.period_id AS "periodId", p.name,
         (SELECT coalesce(json_agg(json_build_object('panelistId', m.panelist_id, 'displayName', m.display_name, 'chair', m.is_chair)
                                   ORDER BY m.is_chair DESC, m.display_name), '[]')
            FROM interview.panel_members m WHERE m.panel_id = p.panel_id) AS members,
         (SELECT coalesce(array_agg(pf.formation_id ORDER BY pf.assigned_at), '{}') FROM interview.panel_formations pf WHERE pf.panel_id = p.panel_id)
           AS "formationIds"
    FROM interview.panels p`;

@Injectable()
export class PanelsRepository {
  async create(manager: EntityManager, p: NewPanel): Promise<void> {
    await manager.query(`INSERT INTO interview.panels (panel_id, period_id, name, created_by, created_at) VALUES ($1, $2, $3, $4, $5)`, [
      p.panelId,
      p.periodId,
      p.name,
      p.createdBy,
      p.createdAt,
    ]);
    await manager.query(
      `INSERT INTO interview.panel_members (panel_id, panelist_id, display_name, kk_digest, is_chair)
       SELECT $1, m."panelistId", m."displayName", m."kkDigest", m.chair
         FROM jsonb_to_recordset($2::jsonb) AS m("panelistId" uuid, "displayName" text, "kkDigest" text, chair boolean)`,
      [p.panelId, JSON.stringify(p.members)],
    );
  }

  async find(manager: EntityManager, panelId: string, lock = false): Promise<PanelRow | undefined> {
    if (lock) await manager.query(`SELECT 1 FROM interview.panels WHERE panel_id = $1 FOR UPDATE`, [panelId]);
    const rows: PanelRow[] = await manager.query(`${PANEL_SELECT} WHERE p.panel_id = $1`, [panelId]);
    return rows[0];
  }

  async forPeriod(manager: EntityManager, periodId: string): Promise<PanelRow[]> {
    return manager.query(`${PANEL_SELECT} WHERE p.period_id = $1 ORDER BY p.created_at, p.panel_id`, [periodId]);
  }

  async assignFormation(manager: EntityManager, panelId: string, formationId: string, at: Date): Promise<void> {
    await manager.query(`INSERT INTO interview.panel_formations (panel_id, formation_id, assigned_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      panelId,
      formationId,
      at,
    ]);
  }
}
