import { MigrationInterface, QueryRunner } from 'typeorm';

/** What screening's ScreeningPeriodFinalized said skb must hold: the barrier of allocation and finalization. */
export class Handovers1763800000910 implements MigrationInterface {
  name = 'Handovers1763800000910';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE skb.handovers (
        period_id    uuid PRIMARY KEY,
        finalized_at timestamptz NOT NULL,
        eligible     integer NOT NULL,
        by_formation jsonb NOT NULL,
        received_at  timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE skb.handovers`);
  }
}
