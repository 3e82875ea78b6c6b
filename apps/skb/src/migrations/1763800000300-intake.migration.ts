import { MigrationInterface, QueryRunner } from 'typeorm';

export class Intake1763800000300 implements MigrationInterface {
  name = 'Intake1763800000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE skb.formations (
        formation_id   uuid PRIMARY KEY,
        period_id      uuid NOT NULL,
        code           text NOT NULL,
        position       text NOT NULL,
        formation_type text NOT NULL,
        quota          integer NOT NULL
      )`);
    // Only applications finally found eligible (MS) become participants, once each.
    await q.query(`
      CREATE TABLE skb.participants (
        application_id      uuid PRIMARY KEY,
        period_id           uuid NOT NULL,
        formation_id        uuid NOT NULL,
        full_name           text NOT NULL,
        registration_number text NOT NULL,
        rule_version        text NOT NULL,
        created_at          timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX participants_by_formation ON skb.participants (period_id, formation_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE skb.participants`);
    await q.query(`DROP TABLE skb.formations`);
  }
}
