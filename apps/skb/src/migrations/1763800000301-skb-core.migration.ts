import { MigrationInterface, QueryRunner } from 'typeorm';

/** Period rules, participant numbers, scores, results, venues, sessions and seats. */
export class SkbCore1763800000301 implements MigrationInterface {
  name = 'SkbCore1763800000301';

  async up(q: QueryRunner): Promise<void> {
    // The period's SKB rules as PeriodOpened froze them; finalized_at / allocation_published_at close each step.
    await q.query(`
      CREATE TABLE skb.periods (
        period_id               uuid PRIMARY KEY,
        rule_version            text NOT NULL,
        time_zone               text NOT NULL,
        rules                   jsonb NOT NULL,
        finalized_at            timestamptz,
        allocation_published_at timestamptz
      )`);
    // Participant numbers are <formation code>-<5-digit sequence>; the sequence is a counter on the
    // formation row, so concurrent consumers serialise on that row lock and never reuse a number.
    await q.query(`ALTER TABLE skb.formations ADD COLUMN last_sequence integer NOT NULL DEFAULT 0`);
    await q.query(`
      ALTER TABLE skb.participants
        ADD COLUMN applicant_id       uuid,
        ADD COLUMN photo_document_id  uuid,
        ADD COLUMN gpa                numeric(4,2),
        ADD COLUMN date_of_birth      date,
        ADD COLUMN kk_digest          text,
        ADD COLUMN participant_number text,
        ADD COLUMN attendance         text CHECK (attendance IN ('TH', 'DIS'))`);
    await q.query(`CREATE UNIQUE INDEX participants_number ON skb.participants (period_id, participant_number)`);
    await q.query(`CREATE INDEX participants_by_number ON skb.participants (participant_number)`);
    await q.query(`CREATE INDEX participants_by_applicant ON skb.participants (applicant_id)`);
    await q.query(`
      CREATE TABLE skb.scores (
        application_id uuid NOT NULL REFERENCES skb.participants (application_id),
        component      text NOT NULL,
        value          numeric NOT NULL CHECK (value >= 0),
        recorded_at    timestamptz NOT NULL,
        PRIMARY KEY (application_id, component)
      )`);
    await q.query(`
      CREATE TABLE skb.results (
        application_id uuid PRIMARY KEY REFERENCES skb.participants (application_id),
        period_id      uuid NOT NULL,
        formation_id   uuid NOT NULL,
        components     jsonb NOT NULL,
        total          numeric,
        outcome        text NOT NULL,
        rank           integer,
        proceeds       boolean NOT NULL,
        rule_version   text NOT NULL,
        finalized_at   timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX results_by_period ON skb.results (period_id, formation_id)`);
    await q.query(`
      CREATE TABLE skb.venues (
        venue_id  uuid PRIMARY KEY,
        period_id uuid NOT NULL,
        name      text NOT NULL,
        address   text NOT NULL,
        UNIQUE (period_id, name)
      )`);
    await q.query(`
      CREATE TABLE skb.rooms (
        room_id  uuid PRIMARY KEY,
        venue_id uuid NOT NULL REFERENCES skb.venues (venue_id),
        name     text NOT NULL,
        capacity integer NOT NULL CHECK (capacity > 0),
        UNIQUE (venue_id, name)
      )`);
    await q.query(`
      CREATE TABLE skb.sessions (
        session_id       uuid PRIMARY KEY,
        period_id        uuid NOT NULL,
        name             text NOT NULL,
        starts_at        timestamptz NOT NULL,
        duration_minutes integer NOT NULL CHECK (duration_minutes > 0),
        UNIQUE (period_id, name)
      )`);
    await q.query(`
      CREATE TABLE skb.seats (
        application_id uuid PRIMARY KEY REFERENCES skb.participants (application_id),
        period_id      uuid NOT NULL,
        session_id     uuid NOT NULL REFERENCES skb.sessions (session_id),
        room_id        uuid NOT NULL REFERENCES skb.rooms (room_id),
        seat_number    integer NOT NULL,
        extra_minutes  integer NOT NULL,
        UNIQUE (session_id, room_id, seat_number)
      )`);
    await q.query(`CREATE INDEX seats_by_period ON skb.seats (period_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['seats', 'sessions', 'rooms', 'venues', 'results', 'scores', 'periods']) await q.query(`DROP TABLE skb.${t}`);
    await q.query(`DROP INDEX skb.participants_number`);
    await q.query(`DROP INDEX skb.participants_by_number`);
    await q.query(`DROP INDEX skb.participants_by_applicant`);
    await q.query(`ALTER TABLE skb.participants DROP COLUMN applicant_id, DROP COLUMN photo_document_id, DROP COLUMN gpa,
      DROP COLUMN date_of_birth, DROP COLUMN kk_digest, DROP COLUMN participant_number, DROP COLUMN attendance`);
    await q.query(`ALTER TABLE skb.formations DROP COLUMN last_sequence`);
  }
}
