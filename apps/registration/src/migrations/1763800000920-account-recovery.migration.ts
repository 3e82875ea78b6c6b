import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountRecovery1763800000920 implements MigrationInterface {
  name = 'AccountRecovery1763800000920';

  async up(q: QueryRunner): Promise<void> {
    // The language of the account's e-mails; a NIK released by an admin frees the unique index
    // (nik_lookup) but keeps the sealed number, so the released account still says whose it claimed.
    await q.query(`ALTER TABLE registration.accounts ADD COLUMN locale text NOT NULL DEFAULT 'id' CHECK (locale IN ('id', 'en'))`);
    await q.query(`ALTER TABLE registration.accounts ADD COLUMN nik_released_at timestamptz`);
    await q.query(`ALTER TABLE registration.accounts DROP CONSTRAINT accounts_check`);
    await q.query(`
      ALTER TABLE registration.accounts ADD CONSTRAINT accounts_applicant_identity CHECK (
        kind = 'staff' OR (nik_sealed IS NOT NULL AND kk_sealed IS NOT NULL AND (nik_lookup IS NOT NULL OR nik_released_at IS NOT NULL)))`);

    await q.query(`
      CREATE TABLE registration.password_reset_tokens (
        token_hash text PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES registration.accounts (id),
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at    timestamptz
      )`);
    // Resend and reset requests, counted per e-mail and per client address over the last hour; in
    // the database so that every instance counts the same requests.
    await q.query(`
      CREATE TABLE registration.recovery_requests (
        subject      text NOT NULL,
        requested_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX recovery_requests_by_subject ON registration.recovery_requests (subject, requested_at)`);
    await q.query(`CREATE INDEX recovery_requests_by_time ON registration.recovery_requests (requested_at)`);

    // Delivery state per message: a temporary failure waits next_attempt_at (capped exponential
    // backoff); a permanent rejection stays as failed_at with its reason, never deleted.
    await q.query(`
      ALTER TABLE registration.mail_outbox
        ADD COLUMN kind            text NOT NULL DEFAULT 'confirm-email',
        ADD COLUMN attempts        int NOT NULL DEFAULT 0,
        ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN last_error      text,
        ADD COLUMN failed_at       timestamptz,
        ADD COLUMN source_event_id uuid`);
    await q.query(`CREATE INDEX mail_outbox_due ON registration.mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL`);
    // One outcome e-mail per event and account, however often the event is delivered.
    await q.query(`CREATE UNIQUE INDEX mail_outbox_per_event ON registration.mail_outbox (source_event_id, account_id) WHERE source_event_id IS NOT NULL`);

    // The admin's account actions (NIK release, identity correction) say who and why.
    await q.query(`
      ALTER TABLE registration.audit_log ADD CONSTRAINT audit_log_account_actions_say_who_and_why CHECK (
        action NOT LIKE 'account.%' OR (actor_id IS NOT NULL AND coalesce(length(trim(details ->> 'reason')), 0) > 0))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registration.audit_log DROP CONSTRAINT audit_log_account_actions_say_who_and_why`);
    await q.query(`DROP INDEX registration.mail_outbox_per_event`);
    await q.query(`DROP INDEX registration.mail_outbox_due`);
    await q.query(`
      ALTER TABLE registration.mail_outbox
        DROP COLUMN kind, DROP COLUMN attempts, DROP COLUMN next_attempt_at, DROP COLUMN last_error, DROP COLUMN failed_at, DROP COLUMN source_event_id`);
    await q.query(`DROP TABLE registration.recovery_requests`);
    await q.query(`DROP TABLE registration.password_reset_tokens`);
    await q.query(`ALTER TABLE registration.accounts DROP CONSTRAINT accounts_applicant_identity`);
    await q.query(
      `ALTER TABLE registration.accounts ADD CONSTRAINT accounts_check CHECK (kind = 'staff' OR (nik_sealed IS NOT NULL AND nik_lookup IS NOT NULL AND kk_sealed IS NOT NULL))`,
    );
    await q.query(`ALTER TABLE registration.accounts DROP COLUMN nik_released_at, DROP COLUMN locale`);
  }
}
