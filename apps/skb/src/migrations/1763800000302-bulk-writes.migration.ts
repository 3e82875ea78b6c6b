import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scores and results no longer reference participants by foreign key. Every write of either joins
 * the period's participants in the same statement, and participants are never deleted, so the key
 * checked nothing those joins do not; but it cost a row lock on the participant for every score or
 * result written (a score import or finalize writes one per participant, hundreds of thousands).
 */
export class BulkWrites1763800000302 implements MigrationInterface {
  name = 'BulkWrites1763800000302';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE skb.scores DROP CONSTRAINT scores_application_id_fkey`);
    await q.query(`ALTER TABLE skb.results DROP CONSTRAINT results_application_id_fkey`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE skb.scores ADD CONSTRAINT scores_application_id_fkey FOREIGN KEY (application_id) REFERENCES skb.participants (application_id)`);
    await q.query(
      `ALTER TABLE skb.results ADD CONSTRAINT results_application_id_fkey FOREIGN KEY (application_id) REFERENCES skb.participants (application_id)`,
    );
  }
}
