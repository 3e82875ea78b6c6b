import { MigrationInterface, QueryRunner } from 'typeorm';

export class RegistrationCore1763800000110 implements MigrationInterface {
  name = 'RegistrationCore1763800000110';

  async up(q: QueryRunner): Promise<void> {
    // A period's rules are frozen when it opens; `rules` holds the parts only later stages read.
    await q.query(`
      CREATE TABLE registration.periods (
        id                     uuid PRIMARY KEY,
        code                   text NOT NULL UNIQUE,
        name                   text NOT NULL,
        agency_name            text NOT NULL,
        time_zone              text NOT NULL CHECK (time_zone IN ('WIB', 'WITA', 'WIT')),
        registration_opens_at  timestamptz NOT NULL,
        registration_closes_at timestamptz NOT NULL CHECK (registration_closes_at > registration_opens_at),
        age_reference_date     date NOT NULL,
        appeal_filing_days     int NOT NULL,
        appeal_answering_days  int NOT NULL,
        rule_version           text NOT NULL,
        rules                  jsonb NOT NULL,
        status                 text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
        created_by             uuid NOT NULL,
        created_at             timestamptz NOT NULL DEFAULT now(),
        opened_at              timestamptz,
        closed_at              timestamptz
      )`);
    await q.query(`
      CREATE TABLE registration.formations (
        id             uuid PRIMARY KEY,
        period_id      uuid NOT NULL REFERENCES registration.periods (id),
        code           text NOT NULL,
        position       text NOT NULL,
        unit           text NOT NULL,
        formation_type text NOT NULL,
        quota          int NOT NULL CHECK (quota >= 0),
        requirements   jsonb NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        UNIQUE (period_id, code)
      )`);
    await q.query(`
      CREATE TABLE registration.quota_changes (
        id             bigserial PRIMARY KEY,
        formation_id   uuid NOT NULL REFERENCES registration.formations (id),
        previous_quota int NOT NULL,
        quota          int NOT NULL,
        reason         text NOT NULL,
        changed_by     uuid NOT NULL,
        changed_at     timestamptz NOT NULL DEFAULT now()
      )`);

    // NIK and KK only encrypted; their keyed digests enforce one account per NIK.
    await q.query(`
      CREATE TABLE registration.accounts (
        id                 uuid PRIMARY KEY,
        kind               text NOT NULL CHECK (kind IN ('applicant', 'staff')),
        roles              text[] NOT NULL,
        email              text NOT NULL,
        email_confirmed_at timestamptz,
        password_hash      text NOT NULL,
        full_name          text NOT NULL,
        nik_sealed         bytea,
        nik_lookup         text,
        kk_sealed          bytea,
        kk_digest          text,
        place_of_birth     text,
        date_of_birth      date,
        gender             text CHECK (gender IN ('F', 'M')),
        phone              text,
        nik_warnings       jsonb NOT NULL DEFAULT '[]',
        created_at         timestamptz NOT NULL DEFAULT now(),
        CHECK (kind = 'staff' OR (nik_sealed IS NOT NULL AND nik_lookup IS NOT NULL AND kk_sealed IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX accounts_email ON registration.accounts (lower(email))`);
    await q.query(`CREATE UNIQUE INDEX accounts_nik ON registration.accounts (nik_lookup) WHERE nik_lookup IS NOT NULL`);

    await q.query(`
      CREATE TABLE registration.email_tokens (
        token_hash text PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES registration.accounts (id),
        expires_at timestamptz NOT NULL,
        used_at    timestamptz
      )`);
    // Only e-mails the system means to send; a mail relay (or the dev log) drains it.
    await q.query(`
      CREATE TABLE registration.mail_outbox (
        id         bigserial PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES registration.accounts (id),
        recipient  text NOT NULL,
        subject    text NOT NULL,
        body       text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at    timestamptz
      )`);
    await q.query(`
      CREATE TABLE registration.refresh_tokens (
        id          uuid PRIMARY KEY,
        account_id  uuid NOT NULL REFERENCES registration.accounts (id),
        token_hash  text NOT NULL UNIQUE,
        expires_at  timestamptz NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        revoked_at  timestamptz
      )`);
    await q.query(`CREATE INDEX refresh_tokens_by_account ON registration.refresh_tokens (account_id) WHERE revoked_at IS NULL`);
    await q.query(`
      CREATE TABLE registration.login_failures (
        subject   text NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_failures_by_subject ON registration.login_failures (subject, failed_at)`);

    await q.query(`CREATE SEQUENCE registration.registration_number_seq`);
    await q.query(`
      CREATE TABLE registration.applications (
        id                  uuid PRIMARY KEY,
        period_id           uuid NOT NULL REFERENCES registration.periods (id),
        account_id          uuid NOT NULL REFERENCES registration.accounts (id),
        formation_id        uuid NOT NULL REFERENCES registration.formations (id),
        education           jsonb,
        declarations        jsonb,
        status              text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
        registration_number text UNIQUE,
        submitted_at        timestamptz,
        submission_hash     text,
        idempotency_key     text,
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        UNIQUE (period_id, account_id)
      )`);
    await q.query(`CREATE INDEX applications_by_account ON registration.applications (account_id)`);
    // Documents keep their bytes here: the largest default is 800 KB, and a file store can come later
    // behind the same repository. The last upload of a type replaces the earlier one.
    await q.query(`
      CREATE TABLE registration.documents (
        id             uuid PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES registration.applications (id),
        type           text NOT NULL,
        media_type     text NOT NULL,
        size_bytes     int NOT NULL,
        sha256         text NOT NULL,
        content        bytea NOT NULL,
        uploaded_at    timestamptz NOT NULL DEFAULT now(),
        UNIQUE (application_id, type)
      )`);

    // Who did or saw what: quota changes, staff views of documents, staff account creation.
    await q.query(`
      CREATE TABLE registration.audit_log (
        id        bigserial PRIMARY KEY,
        at        timestamptz NOT NULL DEFAULT now(),
        actor_id  uuid,
        action    text NOT NULL,
        subject   text NOT NULL,
        details   jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`
      CREATE FUNCTION registration.audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON registration.audit_log
      FOR EACH ROW EXECUTE FUNCTION registration.audit_log_is_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_log',
      'documents',
      'applications',
      'login_failures',
      'refresh_tokens',
      'mail_outbox',
      'email_tokens',
      'accounts',
      'quota_changes',
      'formations',
      'periods',
    ]) {
      await q.query(`DROP TABLE registration.${table}`);
    }
    await q.query(`DROP SEQUENCE registration.registration_number_seq`);
    await q.query(`DROP FUNCTION registration.audit_log_is_append_only()`);
  }
}
