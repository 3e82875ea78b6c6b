import { MigrationInterface, QueryRunner } from 'typeorm';

/** Checks, verifier roster and assignment, decisions, announcements, appeals and the audit log. */
export class ScreeningWork1763800000201 implements MigrationInterface {
  name = 'ScreeningWork1763800000201';

  async up(q: QueryRunner): Promise<void> {
    // status: PENDING (undecided) → DECIDED → FINALIZED. result/reasons hold the current outcome
    // (an upheld appeal turns TMS into MS); decided_by stays the original verifier for four-eyes review.
    await q.query(`
      ALTER TABLE screening.cases
        ADD COLUMN applicant_id   uuid,
        ADD COLUMN kk_digest      text,
        ADD COLUMN checks         jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN recommendation text,
        ADD COLUMN assigned_to    uuid,
        ADD COLUMN result         text CHECK (result IN ('MS', 'TMS')),
        ADD COLUMN reasons        jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN decided_by     uuid,
        ADD COLUMN decided_at     timestamptz,
        ADD COLUMN finalized_at   timestamptz`);
    // A verifier's queue: own undecided cases in arrival order, read by keyset (created_at, id).
    await q.query(`CREATE INDEX cases_queue ON screening.cases (assigned_to, created_at, application_id) WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX cases_unassigned ON screening.cases (period_id, created_at) WHERE assigned_to IS NULL AND status = 'PENDING'`);
    await q.query(`CREATE INDEX cases_by_applicant ON screening.cases (applicant_id)`);

    // open_cases is kept in step with assignments so balancing never counts a million rows.
    await q.query(`
      CREATE TABLE screening.verifiers (
        period_id     uuid NOT NULL,
        account_id    uuid NOT NULL,
        name          text NOT NULL,
        kk_digest     text NOT NULL,
        open_cases    integer NOT NULL DEFAULT 0,
        registered_by uuid NOT NULL,
        registered_at timestamptz NOT NULL,
        PRIMARY KEY (period_id, account_id)
      )`);

    await q.query(`
      CREATE TABLE screening.announcements (
        period_id           uuid PRIMARY KEY,
        announced_at        timestamptz NOT NULL,
        filing_closes_at    timestamptz NOT NULL,
        answering_closes_at timestamptz NOT NULL,
        eligible            integer NOT NULL,
        ineligible          integer NOT NULL,
        announced_by        uuid NOT NULL,
        finalized_at        timestamptz,
        finalized_by        uuid
      )`);

    // One appeal per application: the unique key makes "a second appeal" a database fact too.
    await q.query(`
      CREATE TABLE screening.appeals (
        appeal_id      uuid PRIMARY KEY,
        application_id uuid NOT NULL UNIQUE REFERENCES screening.cases (application_id),
        period_id      uuid NOT NULL,
        applicant_id   uuid NOT NULL,
        text           text NOT NULL,
        filed_at       timestamptz NOT NULL,
        answer_due_at  timestamptz NOT NULL,
        reviewer_id    uuid,
        status         text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'UPHELD', 'REJECTED')),
        reason         text,
        resolved_at    timestamptz,
        resolved_by    uuid
      )`);
    await q.query(`CREATE INDEX appeals_open ON screening.appeals (period_id, answer_due_at) WHERE status = 'OPEN'`);
    await q.query(`CREATE INDEX appeals_by_reviewer ON screening.appeals (reviewer_id) WHERE status = 'OPEN'`);

    await q.query(`
      CREATE TABLE screening.audit_log (
        id             bigserial PRIMARY KEY,
        at             timestamptz NOT NULL,
        actor_id       uuid NOT NULL,
        action         text NOT NULL,
        application_id uuid,
        period_id      uuid,
        details        jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX audit_by_application ON screening.audit_log (application_id, id)`);
    await q.query(`CREATE INDEX audit_by_period ON screening.audit_log (period_id, id)`);
    // Append-only for everyone, the service's own role included: a record that can be edited proves nothing.
    await q.query(`
      CREATE FUNCTION screening.audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'screening.audit_log is append-only (% refused)', TG_OP;
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON screening.audit_log
      FOR EACH ROW EXECUTE FUNCTION screening.audit_log_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON screening.audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION screening.audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE screening.audit_log`);
    await q.query(`DROP FUNCTION screening.audit_log_append_only()`);
    await q.query(`DROP TABLE screening.appeals`);
    await q.query(`DROP TABLE screening.announcements`);
    await q.query(`DROP TABLE screening.verifiers`);
    await q.query(`DROP INDEX screening.cases_queue, screening.cases_unassigned, screening.cases_by_applicant`);
    await q.query(`
      ALTER TABLE screening.cases DROP COLUMN applicant_id, DROP COLUMN kk_digest, DROP COLUMN checks, DROP COLUMN recommendation,
        DROP COLUMN assigned_to, DROP COLUMN result, DROP COLUMN reasons, DROP COLUMN decided_by, DROP COLUMN decided_at,
        DROP COLUMN finalized_at`);
  }
}
