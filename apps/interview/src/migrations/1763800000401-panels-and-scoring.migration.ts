import { MigrationInterface, QueryRunner } from 'typeorm';

export class PanelsAndScoring1763800000401 implements MigrationInterface {
  name = 'PanelsAndScoring1763800000401';

  async up(q: QueryRunner): Promise<void> {
    // Our copy of each period's interview rules (from PeriodOpened) and of its formations.
    await q.query(`
      CREATE TABLE interview.periods (
        period_id              uuid PRIMARY KEY,
        rule_version           text NOT NULL,
        time_zone              text NOT NULL,
        scale_min              integer NOT NULL,
        scale_max              integer NOT NULL,
        calibration_threshold  numeric NOT NULL,
        minimum_panel_size     integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE interview.formations (
        formation_id  uuid PRIMARY KEY,
        period_id     uuid NOT NULL,
        code          text NOT NULL,
        position      text NOT NULL,
        unit          text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE interview.panels (
        panel_id    uuid PRIMARY KEY,
        period_id   uuid NOT NULL REFERENCES interview.periods,
        name        text NOT NULL,
        created_by  uuid NOT NULL,
        created_at  timestamptz NOT NULL
      )`);
    // Only the digest of a panelist's KK number is kept, to compare with candidates' digests.
    await q.query(`
      CREATE TABLE interview.panel_members (
        panel_id      uuid NOT NULL REFERENCES interview.panels,
        panelist_id   uuid NOT NULL,
        display_name  text NOT NULL,
        kk_digest     text NOT NULL,
        is_chair      boolean NOT NULL,
        PRIMARY KEY (panel_id, panelist_id)
      )`);
    await q.query(`CREATE UNIQUE INDEX panel_members_one_chair ON interview.panel_members (panel_id) WHERE is_chair`);
    await q.query(`CREATE INDEX panel_members_by_panelist ON interview.panel_members (panelist_id)`);
    // Each arriving candidate is checked against every panelist of the period for a shared KK.
    await q.query(`CREATE INDEX panel_members_by_kk ON interview.panel_members (kk_digest)`);
    await q.query(`
      CREATE TABLE interview.panel_formations (
        panel_id      uuid NOT NULL REFERENCES interview.panels,
        formation_id  uuid NOT NULL REFERENCES interview.formations,
        assigned_at   timestamptz NOT NULL,
        PRIMARY KEY (panel_id, formation_id)
      )`);
    // A rubric belongs to one formation, or to a position of the period (used by its formations that
    // have none of their own); each edit is a new version.
    await q.query(`
      CREATE TABLE interview.rubrics (
        rubric_id     uuid PRIMARY KEY,
        period_id     uuid NOT NULL REFERENCES interview.periods,
        formation_id  uuid REFERENCES interview.formations,
        position      text,
        version       integer NOT NULL,
        label         text NOT NULL,
        criteria      jsonb NOT NULL,
        created_by    uuid NOT NULL,
        created_at    timestamptz NOT NULL,
        CHECK ((formation_id IS NULL) <> (position IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX rubrics_formation_version ON interview.rubrics (formation_id, version) WHERE formation_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX rubrics_position_version ON interview.rubrics (period_id, position, version) WHERE position IS NOT NULL`);
    // Where a candidate stands: WAITING (no panel for the formation yet), ASSIGNED, UNPLACED (no panel
    // with enough non-conflicted members; listed for admins), COMPLETED or ABSENT (final).
    await q.query(`
      ALTER TABLE interview.candidates
        ADD COLUMN panel_id          uuid REFERENCES interview.panels,
        ADD COLUMN status            text NOT NULL DEFAULT 'WAITING',
        ADD COLUMN unplaced_reason   text,
        ADD COLUMN rubric_id         uuid REFERENCES interview.rubrics,
        ADD COLUMN calibration_note  text,
        ADD COLUMN calibrated_by     uuid,
        ADD COLUMN reopen_used       boolean NOT NULL DEFAULT false,
        ADD COLUMN total             numeric(7,3),
        ADD COLUMN completed_at      timestamptz`);
    await q.query(`CREATE INDEX candidates_by_panel ON interview.candidates (panel_id)`);
    await q.query(`
      CREATE TABLE interview.recusals (
        application_id  uuid NOT NULL REFERENCES interview.candidates,
        panelist_id     uuid NOT NULL,
        source          text NOT NULL CHECK (source IN ('DECLARED', 'KK_MATCH')),
        reason          text NOT NULL,
        recorded_at     timestamptz NOT NULL,
        PRIMARY KEY (application_id, panelist_id)
      )`);
    await q.query(`
      CREATE TABLE interview.slots (
        slot_id         uuid PRIMARY KEY,
        panel_id        uuid NOT NULL REFERENCES interview.panels,
        starts_at       timestamptz NOT NULL,
        ends_at         timestamptz NOT NULL CHECK (ends_at > starts_at),
        place           text NOT NULL,
        application_id  uuid REFERENCES interview.candidates
      )`);
    // A candidate holds at most one slot; a panel's slots never overlap (checked on insert under the panel lock).
    await q.query(`CREATE UNIQUE INDEX slots_one_per_candidate ON interview.slots (application_id) WHERE application_id IS NOT NULL`);
    await q.query(`CREATE INDEX slots_by_panel ON interview.slots (panel_id, starts_at)`);
    await q.query(`
      CREATE TABLE interview.score_sheets (
        application_id  uuid NOT NULL REFERENCES interview.candidates,
        panelist_id     uuid NOT NULL,
        panel_id        uuid NOT NULL REFERENCES interview.panels,
        rubric_id       uuid NOT NULL REFERENCES interview.rubrics,
        status          text NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED')),
        counted         boolean NOT NULL DEFAULT false,
        updated_at      timestamptz NOT NULL,
        submitted_at    timestamptz,
        PRIMARY KEY (application_id, panelist_id)
      )`);
    await q.query(`CREATE INDEX score_sheets_by_rubric ON interview.score_sheets (rubric_id)`);
    await q.query(`
      CREATE TABLE interview.scores (
        application_id  uuid NOT NULL,
        panelist_id     uuid NOT NULL,
        criterion       text NOT NULL,
        value           integer NOT NULL,
        justification   text NOT NULL,
        PRIMARY KEY (application_id, panelist_id, criterion),
        FOREIGN KEY (application_id, panelist_id) REFERENCES interview.score_sheets ON DELETE CASCADE
      )`);
    // Every staff view of candidates, as UU 27/2022 asks: who, what, when.
    await q.query(`
      CREATE TABLE interview.view_log (
        id               bigserial PRIMARY KEY,
        viewer_id        uuid NOT NULL,
        viewer_role      text NOT NULL,
        action           text NOT NULL,
        panel_id         uuid,
        application_ids  uuid[] NOT NULL,
        viewed_at        timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX view_log_by_viewer ON interview.view_log (viewer_id, viewed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['view_log', 'scores', 'score_sheets', 'slots', 'recusals']) await q.query(`DROP TABLE interview.${t}`);
    await q.query(`
      ALTER TABLE interview.candidates DROP COLUMN panel_id, DROP COLUMN status, DROP COLUMN unplaced_reason, DROP COLUMN rubric_id,
        DROP COLUMN calibration_note, DROP COLUMN calibrated_by, DROP COLUMN reopen_used, DROP COLUMN total, DROP COLUMN completed_at`);
    for (const t of ['rubrics', 'panel_formations', 'panel_members', 'panels', 'formations', 'periods']) await q.query(`DROP TABLE interview.${t}`);
  }
}
