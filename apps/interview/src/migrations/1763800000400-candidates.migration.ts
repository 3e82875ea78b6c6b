import { MigrationInterface, QueryRunner } from 'typeorm';

export class Candidates1763800000400 implements MigrationInterface {
  name = 'Candidates1763800000400';

  async up(q: QueryRunner): Promise<void> {
    // Panelists see candidates by participant number only; identity stays out of this table.
    await q.query(`
      CREATE TABLE interview.candidates (
        application_id     uuid PRIMARY KEY,
        period_id          uuid NOT NULL,
        formation_id       uuid NOT NULL,
        participant_number text NOT NULL,
        kk_digest          text NOT NULL,
        skb_total          numeric(6,3),
        skb_rank           integer,
        rule_version       text NOT NULL,
        created_at         timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX candidates_by_formation ON interview.candidates (period_id, formation_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE interview.candidates`);
  }
}
