import { MigrationInterface, QueryRunner } from 'typeorm';

/** What skb's SkbPeriodFinalized and interview's InterviewPeriodCompleted said placement must hold before it ranks. */
export class Handovers1763800000910 implements MigrationInterface {
  name = 'Handovers1763800000910';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE placement.handovers (
        period_id    uuid NOT NULL,
        stage        text NOT NULL CHECK (stage IN ('skb', 'interview')),
        closed_at    timestamptz NOT NULL,
        total        integer NOT NULL,
        by_formation jsonb NOT NULL,
        received_at  timestamptz NOT NULL,
        PRIMARY KEY (period_id, stage)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE placement.handovers`);
  }
}
