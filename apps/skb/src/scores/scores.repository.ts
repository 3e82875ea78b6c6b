import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SqlParams } from '../common/sql-params';
import { SkbPeriod } from '../periods/periods.repository';
import { ScoreRows } from './score-csv';
import { sheetSql } from './score-sheet.sql';
import { CHANGED_SHEETS_CHUNK } from './scores.batches';

export interface ParticipantRef {
  applicationId: string;
  formationId: string;
  participantNumber: string;
  attendance: 'TH' | 'DIS' | null;
}

@Injectable()
export class ScoresRepository {
  /**
   * The numbers that are not participants of this period (the anti-join returns nothing for a good
   * file), each marked when it is a participant of another period.
   */
  async unknownNumbers(manager: EntityManager, periodId: string, numbers: string[]): Promise<{ number: string; elsewhere: boolean }[]> {
    const rows: { n: string; elsewhere: boolean }[] = await manager.query(
      `SELECT u.n, EXISTS (SELECT 1 FROM skb.participants o WHERE o.participant_number = u.n) AS elsewhere
         FROM unnest($2::text[]) AS u(n)
        WHERE NOT EXISTS (SELECT 1 FROM skb.participants p WHERE p.period_id = $1 AND p.participant_number = u.n)`,
      [periodId, numbers],
    );
    return rows.map((r) => ({ number: r.n, elsewhere: r.elsewhere }));
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

  /**
   * Applies a checked score file in one statement: each row's participant looked up in the period,
   * scores upserted (unchanged ones not written), TH / DIS recorded (DIS outranks TH when a file says
   * both), and the participants whose sheet or attendance changed written as change set `changeSet`
   * (skb.changed_sheets, the source of their SkbScoresRecorded). Rows whose participant is not in the
   * period are skipped and returned as `unknown`: the caller then refuses the file and rolls all of it
   * back.
   */
  async applyImport(
    manager: EntityManager,
    periodId: string,
    rows: ScoreRows,
    at: Date,
    changeSet: string,
  ): Promise<{ unknown: string[]; scoresChanged: number; participantsChanged: number }> {
    const [r]: { unknown: string[]; scores_changed: number; participants_changed: number }[] = await manager.query(
      `WITH file AS MATERIALIZED (
         SELECT u.participant_number, u.component, u.value, u.mark, p.application_id, s.value AS old_value, s.application_id IS NOT NULL AS had_score
           FROM unnest(string_to_array($2, E'\n'), string_to_array($3, E'\n'), string_to_array($4, E'\n', '')::numeric[], string_to_array($5, E'\n', ''))
                  AS u(participant_number, component, value, mark)
           LEFT JOIN skb.participants p ON p.period_id = $1 AND p.participant_number = u.participant_number
           LEFT JOIN skb.scores s ON s.application_id = p.application_id AND s.component = u.component),
       -- Plain INSERT and UPDATE rather than INSERT ... ON CONFLICT, whose speculative insertion costs a
       -- third more per row; safe because every writer of a period's scores holds the period's row lock.
       inserted AS (
         INSERT INTO skb.scores (application_id, component, value, recorded_at)
         SELECT f.application_id, f.component, f.value, $6 FROM file f WHERE f.application_id IS NOT NULL AND f.value IS NOT NULL AND NOT f.had_score
         RETURNING application_id),
       updated AS (
         UPDATE skb.scores s SET value = f.value, recorded_at = $6
           FROM file f
          WHERE f.had_score AND f.value IS NOT NULL AND f.value <> f.old_value AND s.application_id = f.application_id AND s.component = f.component
         RETURNING s.application_id),
       scored AS (SELECT application_id FROM inserted UNION ALL SELECT application_id FROM updated),
       marked AS (
         UPDATE skb.participants p SET attendance = m.attendance
           FROM (SELECT f.application_id, CASE WHEN bool_or(f.mark = 'DIS') THEN 'DIS' ELSE 'TH' END AS attendance
                   FROM file f WHERE f.application_id IS NOT NULL AND f.mark IS NOT NULL GROUP BY f.application_id) m
          WHERE p.application_id = m.application_id AND p.attendance IS DISTINCT FROM m.attendance
         RETURNING p.application_id),
       changed AS (
         SELECT application_id, row_number() OVER () - 1 AS n FROM (SELECT application_id FROM scored UNION SELECT application_id FROM marked) c),
       sets AS (
         INSERT INTO skb.changed_sheets (change_set, chunk, application_ids)
         SELECT $7, n / $8, array_agg(application_id) FROM changed GROUP BY n / $8
         RETURNING chunk)
       SELECT (SELECT coalesce(array_agg(DISTINCT f.participant_number), '{}') FROM file f WHERE f.application_id IS NULL) AS unknown,
              (SELECT count(*) FROM (SELECT application_id FROM scored GROUP BY application_id) d)::int AS scores_changed,
              (SELECT count(*) FROM changed)::int AS participants_changed,
              (SELECT count(*) FROM sets)::int AS chunks`,
      // Each column as one text of lines (cells cannot hold a line break): node-pg would quote and escape
      // every element of a 500,000-element array parameter, which costs more than the server's split.
      [
        periodId,
        rows.participantNumbers.join('\n'),
        rows.components.join('\n'),
        rows.values.map((v) => (v === null ? '' : String(v))).join('\n'),
        rows.attendance.map((a) => a ?? '').join('\n'),
        at,
        changeSet,
        CHANGED_SHEETS_CHUNK,
      ],
    );
    return { unknown: r.unknown, scoresChanged: r.scores_changed, participantsChanged: r.participants_changed };
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

  /** A page of the period's participants with their sheets and attendance, by participant number. */
  async sheetPage(
    manager: EntityManager,
    period: SkbPeriod,
    limit: number,
    offset: number,
  ): Promise<{
    total: number;
    items: { participantNumber: string; formationCode: string; attendance: 'TH' | 'DIS' | null; scores: { component: string; value: number }[] }[];
  }> {
    const params = new SqlParams();
    const periodId = params.add(period.periodId, 'uuid');
    const sheet = sheetSql('p', period.rules.components, params);
    const rows: {
      participant_number: string;
      code: string;
      attendance: 'TH' | 'DIS' | null;
      scores: { component: string; value: number | string }[];
      total: number;
    }[] = await manager.query(
      `SELECT p.participant_number, f.code, p.attendance, ${sheet.json} AS scores, count(*) OVER ()::int AS total
           FROM skb.participants p JOIN skb.formations f ON f.formation_id = p.formation_id
           ${sheet.joins}
          WHERE p.period_id = ${periodId} AND p.participant_number IS NOT NULL
          ORDER BY p.participant_number LIMIT ${params.add(limit, 'int')} OFFSET ${params.add(offset, 'int')}`,
      params.values,
    );
    const total = rows[0]?.total ?? (offset > 0 ? await this.numbered(manager, period.periodId) : 0);
    return {
      total,
      items: rows.map((r) => ({
        participantNumber: r.participant_number,
        formationCode: r.code,
        attendance: r.attendance,
        scores: r.scores.map((s) => ({ component: s.component, value: Number(s.value) })),
      })),
    };
  }

  private async numbered(manager: EntityManager, periodId: string): Promise<number> {
    const [r]: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM skb.participants WHERE period_id = $1 AND participant_number IS NOT NULL`,
      [periodId],
    );
    return r.n;
  }
}
