import { MigrationInterface, QueryRunner } from 'typeorm';

function schemaOf(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema;
  if (!schema) throw new Error('the data source has no schema; every service runs in its own schema');
  return `"${schema}"`;
}

/**
 * The outbox (events waiting to be published) and inbox (events already applied) of a service,
 * created in the service's own schema. Every service lists this first in its migrations.
 */
export class MessagingTables1763800000000 implements MigrationInterface {
  name = 'MessagingTables1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${s}.outbox (
        id            bigserial PRIMARY KEY,
        event_id      uuid NOT NULL UNIQUE,
        event_type    text NOT NULL,
        topic         text NOT NULL,
        message_key   text NOT NULL,
        headers       jsonb NOT NULL,
        payload       jsonb NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        published_at  timestamptz
      )`);
    // The relay only ever scans unpublished rows in id order; keep that index small.
    await queryRunner.query(`CREATE INDEX outbox_unpublished ON ${s}.outbox (id) WHERE published_at IS NULL`);
    await queryRunner.query(`
      CREATE TABLE ${s}.inbox (
        consumer      text NOT NULL,
        event_id      uuid NOT NULL,
        event_type    text NOT NULL,
        topic         text NOT NULL,
        kafka_partition integer NOT NULL,
        kafka_offset  bigint NOT NULL,
        processed_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE ${s}.inbox`);
    await queryRunner.query(`DROP TABLE ${s}.outbox`);
  }
}

/**
 * The outbox columns of event batches (event-batches.ts): the source a row's events are read from
 * (NULL for a single event), how far the relay has published it, how many events the writer said it
 * holds and how many have been published. Every service lists it, since the relay reads these columns.
 */
export class OutboxEventBatches1763800000900 implements MigrationInterface {
  name = 'OutboxEventBatches1763800000900';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(
      `ALTER TABLE ${s}.outbox ADD COLUMN batch_source text, ADD COLUMN batch_cursor text, ADD COLUMN batch_events integer, ADD COLUMN batch_published integer`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(
      `ALTER TABLE ${s}.outbox DROP COLUMN batch_published, DROP COLUMN batch_events, DROP COLUMN batch_cursor, DROP COLUMN batch_source`,
    );
  }
}
