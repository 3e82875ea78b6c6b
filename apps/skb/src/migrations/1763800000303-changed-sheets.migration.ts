import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The participants whose score sheet a write changed, as the source of that write's SkbScoresRecorded
 * event batch (scores.batches.ts): the ids in chunks of ids (an array per row), so an import that
 * changes 500,000 sheets writes 500 short rows instead of 500,000 events.
 */
export class ChangedSheets1763800000303 implements MigrationInterface {
  name = 'ChangedSheets1763800000303';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE skb.changed_sheets (
        change_set      uuid NOT NULL,
        chunk           integer NOT NULL,
        application_ids uuid[] NOT NULL,
        PRIMARY KEY (change_set, chunk)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE skb.changed_sheets`);
  }
}
