import { BatchPage, EventBatchSource } from '@seleksi/messaging';
import { EntityManager } from 'typeorm';
import { SqlParams } from '../common/sql-params';
import { sheetSql } from './score-sheet.sql';

/** The name SkbScoresRecorded batches are stored under (outbox.batch_source). */
export const SCORES_RECORDED_BATCH = 'skb.scores-recorded';

/** Application ids per skb.changed_sheets row. */
export const CHANGED_SHEETS_CHUNK = 1_000;

/** What a SkbScoresRecorded batch row holds: the change set and what every event of it repeats. */
export interface ScoresRecordedParams {
  periodId: string;
  ruleVersion: string;
  /** The period's component names, sorted: the order of each sheet's scores. */
  components: string[];
  changeSet: string;
}

/**
 * SkbScoresRecorded for every participant of a change set (skb.changed_sheets), in the set's order,
 * each with the participant's sheet and attendance as they stand when the page is read. A sheet
 * changed again after the batch was written has its own event after the batch, so the last event a
 * consumer holds for a participant is the current sheet.
 */
export const scoresRecordedBatch: EventBatchSource = {
  async read(manager: EntityManager, raw: Record<string, unknown>, cursor: string | null, limit: number): Promise<BatchPage> {
    const params = raw as unknown as ScoresRecordedParams;
    const start = cursor === null ? 0 : Number(cursor);
    const sql = new SqlParams();
    const sheet = sheetSql(
      'p',
      params.components.map((component) => ({ component })),
      sql,
    );
    const from = sql.add(start, 'int');
    const to = sql.add(start + limit, 'int');
    const chunk = sql.add(CHANGED_SHEETS_CHUNK, 'int');
    const rows: { application_id: string; payload: Record<string, unknown> }[] = await manager.query(
      `WITH ids AS (
         SELECT c.application_id, s.chunk * ${chunk} + c.k - 1 AS n
           FROM skb.changed_sheets s, unnest(s.application_ids) WITH ORDINALITY AS c(application_id, k)
          WHERE s.change_set = ${sql.add(params.changeSet, 'uuid')} AND s.chunk BETWEEN ${from} / ${chunk} AND (${to} - 1) / ${chunk})
       SELECT p.application_id,
              jsonb_build_object(
                'periodId', ${sql.add(params.periodId, 'text')}, 'ruleVersion', ${sql.add(params.ruleVersion, 'text')},
                'applicationId', p.application_id, 'formationId', p.formation_id, 'participantNumber', p.participant_number,
                'scores', ${sheet.json}, 'attendance', coalesce(p.attendance, 'SCORED')) AS payload
         FROM ids JOIN skb.participants p ON p.application_id = ids.application_id
         ${sheet.joins}
        WHERE ids.n >= ${from} AND ids.n < ${to}
        ORDER BY ids.n`,
      sql.values,
    );
    return {
      events: rows.map((r) => ({ itemId: r.application_id, payload: r.payload })),
      next: rows.length === limit ? String(start + limit) : null,
    };
  },
};
