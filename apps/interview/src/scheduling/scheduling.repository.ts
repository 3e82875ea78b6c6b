import { AgencyTimeZone } from '@seleksi/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface SlotRow {
  slotId: string;
  panelId: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  applicationId: string | null;
  participantNumber: string | null;
  timeZone: AgencyTimeZone;
}

export interface NewSlot {
  slotId: string;
  startsAt: string;
  endsAt: string;
  place: string;
}

const SLOT_SELECT = `
  SELECT s.slot_id AS "slotId", s.panel_id AS "panelId", s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.place,
         s.application_id AS "applicationId", c.participant_number AS "participantNumber", per.time_zone AS "timeZone"
    FROM interview.slots s
    JOIN interview.panels p ON p.panel_id = s.panel_id
    JOIN interview.periods per ON per.period_id = p.period_id
    LEFT JOIN interview.candidates c ON c.application_id = s.application_id`;

@Injectable()
export class SchedulingRepository {
  /** Index (in `slots`) of the first new slot overlapping another new slot or one the panel already has. */
  async firstOverlap(manager: EntityManager, panelId: string, slots: NewSlot[]): Promise<number | undefined> {
    const rows: { i: number }[] = await manager.query(
      `WITH n AS (SELECT (x.ord - 1)::int AS i, (x.slot->>'startsAt')::timestamptz AS s, (x.slot->>'endsAt')::timestamptz AS e
                    FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS x(slot, ord))
       SELECT min(a.i) AS i FROM n a
        WHERE EXISTS (SELECT 1 FROM n b WHERE b.i <> a.i AND b.s < a.e AND a.s < b.e)
           OR EXISTS (SELECT 1 FROM interview.slots o WHERE o.panel_id = $1 AND o.starts_at < a.e AND a.s < o.ends_at)`,
      [panelId, JSON.stringify(slots)],
    );
    return rows[0]?.i ?? undefined;
  }

  async add(manager: EntityManager, panelId: string, slots: NewSlot[]): Promise<void> {
    await manager.query(
      `INSERT INTO interview.slots (slot_id, panel_id, starts_at, ends_at, place)
       SELECT x."slotId", $1, x."startsAt"::timestamptz, x."endsAt"::timestamptz, x.place
         FROM jsonb_to_recordset($2::jsonb) AS x("slotId" uuid, "startsAt" text, "endsAt" text, place text)`,
      [panelId, JSON.stringify(slots)],
    );
  }

  async forPanel(manager: EntityManager, panelId: string): Promise<SlotRow[]> {
    return manager.query(`${SLOT_SELECT} WHERE s.panel_id = $1 ORDER BY s.starts_at`, [panelId]);
  }

  async find(manager: EntityManager, slotId: string, lock = false): Promise<SlotRow | undefined> {
    if (lock) await manager.query(`SELECT 1 FROM interview.slots WHERE slot_id = $1 FOR UPDATE`, [slotId]);
    const rows: SlotRow[] = await manager.query(`${SLOT_SELECT} WHERE s.slot_id = $1`, [slotId]);
    return rows[0];
  }

  async candidate(
    manager: EntityManager,
    applicationId: string,
  ): Promise<
    | {
        applicationId: string;
        periodId: string;
        formationId: string;
        participantNumber: string;
        panelId: string | null;
        status: string;
        ruleVersion: string;
        slotId: string | null;
      }
    | undefined
  > {
    const rows = await manager.query(
      `SELECT c.application_id AS "applicationId", c.period_id AS "periodId", c.formation_id AS "formationId", c.participant_number AS "participantNumber",
              c.panel_id AS "panelId", c.status, c.rule_version AS "ruleVersion", (SELECT s.slot_id FROM interview.slots s WHERE s.application_id = c.application_id) AS "slotId"
         FROM interview.candidates c WHERE c.application_id = $1 FOR UPDATE OF c`,
      [applicationId],
    );
    return rows[0];
  }

  async book(manager: EntityManager, slotId: string, applicationId: string): Promise<void> {
    await manager.query(`UPDATE interview.slots SET application_id = $2 WHERE slot_id = $1`, [slotId, applicationId]);
  }
}
