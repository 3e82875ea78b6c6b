import { MigrationInterface, QueryRunner } from 'typeorm';

export class Inputs1763800000500 implements MigrationInterface {
  name = 'Inputs1763800000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE placement.formations (
        formation_id   uuid PRIMARY KEY,
        period_id      uuid NOT NULL,
        code           text NOT NULL,
        position       text NOT NULL,
        unit           text NOT NULL,
        formation_type text NOT NULL,
        quota          integer NOT NULL,
        quota_changed_at timestamptz
      )`);
    // One row per application and stage; a re-issued result replaces the earlier one.
    await q.query(`
      CREATE TABLE placement.stage_results (
        application_id uuid NOT NULL,
        stage          text NOT NULL CHECK (stage IN ('skb', 'interview')),
        period_id      uuid NOT NULL,
        formation_id   uuid NOT NULL,
        event_id       uuid NOT NULL,
        issued_at      timestamptz NOT NULL,
        result         jsonb NOT NULL,
        PRIMARY KEY (application_id, stage)
      )`);
    await q.query(`CREATE INDEX stage_results_by_formation ON placement.stage_results (period_id, formation_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE placement.stage_results`);
    await q.query(`DROP TABLE placement.formations`);
  }
}
