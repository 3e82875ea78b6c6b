import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The probe's effect table. Deliberately without a unique key on the event: if the inbox ever let a
 * duplicate through, it would show here as a second row.
 */
export class ProbeEffects1763800009000 implements MigrationInterface {
  name = 'ProbeEffects1763800009000';

  async up(q: QueryRunner): Promise<void> {
    const schema = (q.connection.options as { schema?: string }).schema;
    await q.query(`
      CREATE TABLE "${schema}".effects (
        id                  bigserial PRIMARY KEY,
        event_id            uuid NOT NULL,
        application_id      uuid NOT NULL,
        registration_number text NOT NULL,
        instance            text NOT NULL,
        correlation_id      text,
        causation_id        text
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const schema = (q.connection.options as { schema?: string }).schema;
    await q.query(`DROP TABLE "${schema}".effects`);
  }
}
