import { BatchPage, EventBatchSource } from '@seleksi/messaging';
import { EntityManager } from 'typeorm';
import { componentsJsonSql } from './results.repository';

/** The name the finalization's event batch is stored under (outbox.batch_source). */
export const RESULTS_FINALIZED_BATCH = 'skb.results-finalized';

/** What a SkbResultFinalized batch row holds. */
export interface ResultsFinalizedParams {
  periodId: string;
  /** The period's component names in the order of its rules (the order of `component_values`). */
  components: string[];
}

/**
 * SkbResultFinalized for every result of a period, read from the stored results (written once, by
 * the finalization, and never changed) and the participants' own fields, in application id order
 * (the results' primary key is period and application).
 */
export const resultsFinalizedBatch: EventBatchSource = {
  async read(manager: EntityManager, raw: Record<string, unknown>, cursor: string | null, limit: number): Promise<BatchPage> {
    const params = raw as unknown as ResultsFinalizedParams;
    const rows: { application_id: string; payload: Record<string, unknown> }[] = await manager.query(
      `SELECT r.application_id,
              jsonb_build_object(
                'periodId', r.period_id, 'ruleVersion', r.rule_version, 'applicationId', r.application_id, 'formationId', r.formation_id,
                'applicantId', p.applicant_id, 'participantNumber', p.participant_number, 'components', ${componentsJsonSql('r.component_values', '$4')}, 'total', r.total,
                'outcome', r.outcome, 'rank', r.rank, 'proceeds', r.proceeds, 'gpa', p.gpa,
                'dateOfBirth', to_char(p.date_of_birth, 'YYYY-MM-DD'), 'kkDigest', p.kk_digest) AS payload
         FROM skb.results r JOIN skb.participants p ON p.application_id = r.application_id
        WHERE r.period_id = $1 AND ($2::uuid IS NULL OR r.application_id > $2::uuid)
        ORDER BY r.application_id
        LIMIT $3`,
      [params.periodId, cursor, limit, params.components],
    );
    return {
      events: rows.map((r) => ({ itemId: r.application_id, payload: r.payload })),
      next: rows.length === limit ? rows[rows.length - 1].application_id : null,
    };
  },
};
