import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface ParticipantRef {
  applicationId: string;
  formationId: string;
  participantNumber: string;
  attendance: 'TH' | 'DIS' | null;
}

export interface ScoresSnapshot {
  applicationId: string;
  formationId: string;
  participantNumber: string;
  attendance: 'TH' | 'DIS' | null;
  scores: { component: string; value: number }[];
}

@Injectable()
export class ScoresRepository {
  /** Of the given numbers, those that belong to this period and those that exist only in other periods. */
  async classifyNumbers(manager: EntityManager, periodId: string, numbers: string[]): Promise<{ here: Set<string>; elsewhere: Set<string> }> {
    const rows: { n: string; here: boolean }[] = await manager.query(
      `SELECT DISTINCT p.participant_number AS n, p.period_id = $2 AS here
         FROM skb.participants p WHERE p.participant_number = ANY($1::text[])`,
      [numbers, periodId],
    );
    const here = new Set(rows.filter((r) => r.here).map((r) => r.n));
    const elsewhere = new Set(rows.filter((r) => !r.here && !here.has(r.n)).map((r) => r.n));
    return { here, elsewhere };
  }

  async findParticipant(manager: EntityManager, periodId: string, participantNumber: string): Promise<ParticipantRef | undefined> {
    const rows: { application_id: string; formation_id: string; participant_number: string; attendance: 'TH' | 'DIS' | null }[] = await manager.query(
      `SELECT application_id, formation_id, participant_number, attendance FROM skb.participants WHERE period_id = $1 AND participant_number = $2 FOR UPDATE`,
      [periodId, participantNumber],
    );
    const r = rows[0];
    return r && { applicationId: r.application_id, formationId: r.formation_id, participantNumber: r.participant_number, attendance: r.attendance };
  }

  /**
   * Upserts many scores in one statement (unnest of column arrays); only rows whose value changed are
   * written. Returns the application ids whose scores changed.
   */
  async upsertScores(manager: EntityManager, periodId: string, numbers: string[], components: string[], values: number[], at: Date): Promise<string[]> {
    if (numbers.length === 0) return [];
    const rows: { application_id: string }[] = await manager.query(
      `WITH up AS (
         INSERT INTO skb.scores (application_id, component, value, recorded_at)
         SELECT p.application_id, u.component, u.value, $5
           FROM unnest($2::text[], $3::text[], $4::numeric[]) AS u(participant_number, component, value)
           JOIN skb.participants p ON p.period_id = $1 AND p.participant_number = u.participant_number
         ON CONFLICT (application_id, component) DO UPDATE SET value = EXCLUDED.value, recorded_at = EXCLUDED.recorded_at
           WHERE skb.scores.value IS DISTINCT FROM EXCLUDED.value
         RETURNING application_id)
       SELECT DISTINCT application_id FROM up`,
      [periodId, numbers, components, values, at],
    );
    return rows.map((r) => r.application_id);
  }

  /** Records absence / disqualification (or clears it with null); returns the ids that changed. */
  async setAttendance(manager: EntityManager, periodId: string, numbers: string[], attendance: ('TH' | 'DIS' | null)[]): Promise<string[]> {
    if (numbers.length === 0) return [];
    const rows: { application_id: string }[] = await manager.query(
      // Wrapped in a CTE: TypeORM hands back a bare UPDATE ... RETURNING as [rows, count], a SELECT as rows.
      `WITH changed AS (
         UPDATE skb.participants p SET attendance = u.attendance
           FROM unnest($2::text[], $3::text[]) AS u(participant_number, attendance)
          WHERE p.period_id = $1 AND p.participant_number = u.participant_number AND p.attendance IS DISTINCT FROM u.attendance
          RETURNING p.application_id)
       SELECT application_id FROM changed`,
      [periodId, numbers, attendance],
    );
    return rows.map((r) => r.application_id);
  }

  /** Each participant's whole score sheet, for the SkbScoresRecorded events. */
  async snapshots(manager: EntityManager, applicationIds: string[]): Promise<ScoresSnapshot[]> {
    const rows: { application_id: string; formation_id: string; participant_number: string; attendance: 'TH' | 'DIS' | null; scores: { component: string; value: number }[] }[] =
      await manager.query(
        `SELECT p.application_id, p.formation_id, p.participant_number, p.attendance,
                coalesce(json_agg(json_build_object('component', s.component, 'value', s.value) ORDER BY s.component)
                         FILTER (WHERE s.component IS NOT NULL), '[]') AS scores
           FROM skb.participants p LEFT JOIN skb.scores s ON s.application_id = p.application_id
          WHERE p.application_id = ANY($1::uuid[])
          GROUP BY p.application_id ORDER BY p.participant_number`,
        [applicationIds],
      );
    return rows.map((r) => ({
      applicationId: r.application_id,
      formationId: r.formation_id,
      participantNumber: r.participant_number,
      attendance: r.attendance,
      scores: r.scores.map((s) => ({ component: s.component, value: Number(s.value) })),
    }));
  }

  async countScores(manager: EntityManager, periodId: string): Promise<number> {
    const [r]: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM skb.scores s JOIN skb.participants p ON p.application_id = s.application_id WHERE p.period_id = $1`,
      [periodId],
    );
    return r.n;
  }
}
