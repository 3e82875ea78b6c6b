import { MigrationInterface, QueryRunner } from 'typeorm';

export class Placement1763800000510 implements MigrationInterface {
  name = 'Placement1763800000510';

  async up(q: QueryRunner): Promise<void> {
    // The period's rules as PeriodOpened froze them; announced_at freezes the rankings.
    await q.query(`
      CREATE TABLE placement.periods (
        period_id        uuid PRIMARY KEY,
        rule_version     text NOT NULL,
        time_zone        text NOT NULL,
        stage_weights    jsonb NOT NULL,
        tie_break_chain  jsonb NOT NULL,
        optimalisasi_scope text NOT NULL,
        override_needs_second_approval boolean NOT NULL,
        reporting_date   date NOT NULL,
        proposed_at      timestamptz,
        confirmed_at     timestamptz,
        announced_at     timestamptz
      )`);
    // Optimalisasi scope compares education levels; formations heard before this migration have none.
    await q.query(`ALTER TABLE placement.formations ADD COLUMN education_levels text[] NOT NULL DEFAULT '{}'`);
    await q.query(`
      CREATE TABLE placement.rankings (
        period_id     uuid NOT NULL,
        formation_id  uuid NOT NULL,
        inputs_digest text NOT NULL,
        computed_at   timestamptz NOT NULL,
        computed_by   uuid NOT NULL,
        -- the rules the ranking was computed with, so explanations read later show exactly those
        rule_version  text NOT NULL,
        stage_weights jsonb NOT NULL,
        PRIMARY KEY (period_id, formation_id)
      )`);
    // One row per application that reached placement; rank is null when not ranked (not_ranked_because says why).
    // The stage scores are kept rather than a rendered explanation: explanations are rebuilt on read.
    await q.query(`
      CREATE TABLE placement.ranking_entries (
        period_id      uuid NOT NULL,
        application_id uuid NOT NULL,
        formation_id   uuid NOT NULL,
        applicant_id   uuid,
        rank           integer,
        final_score    numeric(9, 4),
        exact_tie      boolean NOT NULL DEFAULT false,
        decided_by     text,
        skb_score      numeric(9, 4),
        interview_score numeric(9, 4),
        not_ranked_because text,
        -- application first: it serves the lookups by application (and by applicant + application) too
        PRIMARY KEY (application_id, period_id)
      )`);
    await q.query(`CREATE INDEX ranking_entries_by_formation ON placement.ranking_entries (period_id, formation_id, rank)`);
    await q.query(`
      CREATE TABLE placement.placements (
        placement_id   uuid PRIMARY KEY,
        period_id      uuid NOT NULL,
        application_id uuid NOT NULL,
        applicant_id   uuid,
        formation_id   uuid NOT NULL,
        source_formation_id uuid NOT NULL,
        kind           text NOT NULL CHECK (kind IN ('REGULAR', 'OPTIMALISASI', 'OVERRIDE', 'REPLACEMENT')),
        status         text NOT NULL CHECK (status IN ('PROPOSED', 'CONFIRMED', 'DECLINED', 'WITHDRAWN')),
        rank           integer NOT NULL,
        final_score    numeric(9, 4) NOT NULL,
        why            text NOT NULL,
        created_at     timestamptz NOT NULL,
        confirmed_at   timestamptz,
        declined_at    timestamptz,
        decline_reason text
      )`);
    // Nobody holds two seats: the database says so too, not only the allocation rule.
    await q.query(`CREATE UNIQUE INDEX placements_one_seat ON placement.placements (application_id) WHERE status IN ('PROPOSED', 'CONFIRMED')`);
    await q.query(`CREATE INDEX placements_by_period ON placement.placements (period_id, formation_id)`);
    // Overrides are the audit trail: who asked, why, who approved.
    await q.query(`
      CREATE TABLE placement.overrides (
        override_id    uuid PRIMARY KEY,
        period_id      uuid NOT NULL,
        placement_id   uuid NOT NULL REFERENCES placement.placements (placement_id),
        application_id uuid NOT NULL,
        reason         text NOT NULL,
        requested_by   uuid NOT NULL,
        requested_at   timestamptz NOT NULL,
        status         text NOT NULL CHECK (status IN ('PENDING', 'APPLIED')),
        approved_by    uuid,
        approved_at    timestamptz,
        new_placement_id uuid
      )`);
    // Results re-issued after the announcement: kept for the record, never fed into the frozen ranking.
    await q.query(`
      CREATE TABLE placement.late_corrections (
        event_id       uuid PRIMARY KEY,
        application_id uuid NOT NULL,
        stage          text NOT NULL,
        period_id      uuid NOT NULL,
        received_at    timestamptz NOT NULL,
        result         jsonb NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['late_corrections', 'overrides', 'placements', 'ranking_entries', 'rankings', 'periods']) await q.query(`DROP TABLE placement.${t}`);
    await q.query(`ALTER TABLE placement.formations DROP COLUMN education_levels`);
  }
}
