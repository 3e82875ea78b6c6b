import { MigrationInterface, QueryRunner } from 'typeorm';

/** What registration's PeriodClosed said screening must hold: the barrier of the announcement. */
export class Handovers1763800000910 implements MigrationInterface {
  name = 'Handovers1763800000910';

  async up(q: QueryRunner): Promise<void> {
    // by_formation is null when the event predates per-formation counts; only the total is checked then.
    await q.query(`
      CREATE TABLE screening.handovers (
        period_id    uuid PRIMARY KEY,
        closed_at    timestamptz NOT NULL,
        submitted    integer NOT NULL,
        by_formation jsonb,
        received_at  timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX cases_by_period_formation ON screening.cases (period_id, formation_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX screening.cases_by_period_formation`);
    await q.query(`DROP TABLE screening.handovers`);
  }
}
