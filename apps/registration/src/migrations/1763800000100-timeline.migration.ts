import { MigrationInterface, QueryRunner } from 'typeorm';

export class Timeline1763800000100 implements MigrationInterface {
  name = 'Timeline1763800000100';

  async up(q: QueryRunner): Promise<void> {
    // What each applicant is told, stage by stage; period-wide entries have no application id.
    await q.query(`
      CREATE TABLE registration.timeline_entries (
        event_id       uuid PRIMARY KEY,
        application_id uuid,
        period_id      uuid NOT NULL,
        event_type     text NOT NULL,
        occurred_at    timestamptz NOT NULL,
        payload        jsonb NOT NULL,
        recorded_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX timeline_by_application ON registration.timeline_entries (application_id, occurred_at)`);
    await q.query(`CREATE INDEX timeline_by_period ON registration.timeline_entries (period_id, occurred_at) WHERE application_id IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE registration.timeline_entries`);
  }
}
