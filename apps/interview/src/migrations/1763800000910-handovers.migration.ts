import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What skb's SkbPeriodFinalized said interview must hold (the barrier of scheduling and of the
 * period's completion), and the completion itself (what InterviewPeriodCompleted handed on).
 */
export class Handovers1763800000910 implements MigrationInterface {
  name = 'Handovers1763800000910';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE interview.handovers (
        period_id    uuid PRIMARY KEY,
        finalized_at timestamptz NOT NULL,
        proceeding   integer NOT NULL,
        by_formation jsonb NOT NULL,
        received_at  timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE interview.period_completions (
        period_id    uuid PRIMARY KEY,
        completed_at timestamptz NOT NULL,
        completed_by uuid NOT NULL,
        completed    integer NOT NULL,
        by_formation jsonb NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE interview.period_completions`);
    await q.query(`DROP TABLE interview.handovers`);
  }
}
