import { MigrationInterface, QueryRunner } from 'typeorm';

export class Intake1763800000200 implements MigrationInterface {
  name = 'Intake1763800000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE screening.periods (
        period_id    uuid PRIMARY KEY,
        rule_version text NOT NULL,
        settings     jsonb NOT NULL,
        opened_at    timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE screening.formations (
        formation_id uuid PRIMARY KEY,
        period_id    uuid NOT NULL,
        code         text NOT NULL,
        position     text NOT NULL,
        requirements jsonb NOT NULL
      )`);
    // One case per submitted application: the primary key makes "exactly once" a database fact.
    await q.query(`
      CREATE TABLE screening.cases (
        application_id uuid PRIMARY KEY,
        period_id      uuid NOT NULL,
        formation_id   uuid NOT NULL,
        rule_version   text NOT NULL,
        submission     jsonb NOT NULL,
        status         text NOT NULL DEFAULT 'PENDING',
        created_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX cases_by_period_status ON screening.cases (period_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE screening.cases`);
    await q.query(`DROP TABLE screening.formations`);
    await q.query(`DROP TABLE screening.periods`);
  }
}
