import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every score import's outcome, applied or refused with its row report, so the officer who leaves the
 * page (or another officer) reads back what the last import did.
 */
export class ScoreImports1763800000305 implements MigrationInterface {
  name = 'ScoreImports1763800000305';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE skb.score_imports (
        import_id     uuid PRIMARY KEY,
        period_id     uuid NOT NULL,
        imported_at   timestamptz NOT NULL,
        imported_by   uuid NOT NULL,
        outcome       text NOT NULL CHECK (outcome IN ('APPLIED', 'REJECTED')),
        code          text,
        rows          integer NOT NULL DEFAULT 0,
        participants_changed integer NOT NULL DEFAULT 0,
        error_count   integer NOT NULL DEFAULT 0,
        errors        jsonb NOT NULL DEFAULT '[]'::jsonb
      )`);
    await q.query(`CREATE INDEX score_imports_latest ON skb.score_imports (period_id, imported_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE skb.score_imports`);
  }
}
