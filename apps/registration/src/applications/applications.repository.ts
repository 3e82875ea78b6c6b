import { Injectable } from '@nestjs/common';
import { EducationSnapshot } from '@seleksi/contracts';
import { EntityManager } from 'typeorm';
import { Formation } from '../formations/formation';
import { FormationRow, toFormation } from '../formations/formations.repository';
import { Period } from '../periods/period';
import { PeriodRow, toPeriod } from '../periods/periods.repository';

export interface ApplicationRow {
  id: string;
  period_id: string;
  account_id: string;
  formation_id: string;
  status: 'draft' | 'submitted';
  education: EducationSnapshot | null;
  declarations: string[] | null;
  registration_number: string | null;
  submitted_at: Date | null;
  submission_hash: string | null;
  idempotency_key: string | null;
}

/** The applicant's fields that go into the submission snapshot. */
export interface SubmitterRow {
  id: string;
  email: string;
  full_name: string;
  place_of_birth: string | null;
  date_of_birth: string | null;
  gender: 'F' | 'M' | null;
  phone: string | null;
  kk_digest: string | null;
  nik_warnings: { code: string; message: string }[];
}

export interface DocumentRow {
  id: string;
  type: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_at: Date;
}

const COLUMNS = `id, period_id, account_id, formation_id, status, education, declarations, registration_number, submitted_at,
  submission_hash, idempotency_key`;

/** Every read and write of an application is scoped by the applicant's account id. */
@Injectable()
export class ApplicationsRepository {
  /** Returns false when the applicant already has an application in the period. */
  async insertDraft(manager: EntityManager, accountId: string, a: { id: string; periodId: string; formationId: string }): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO registration.applications (id, period_id, account_id, formation_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (period_id, account_id) DO NOTHING RETURNING id`,
      [a.id, a.periodId, accountId, a.formationId],
    );
    return rows.length === 1;
  }

  async findOwn(manager: EntityManager, accountId: string, id: string, options: { lock?: boolean } = {}): Promise<ApplicationRow | undefined> {
    const rows: ApplicationRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM registration.applications WHERE id = $1 AND account_id = $2 ${options.lock ? 'FOR UPDATE' : ''}`,
      [id, accountId],
    );
    return rows[0];
  }

  /**
   * The application with its period and formation in one round trip (the hot paths: upload and
   * submit), the application row locked when asked.
   */
  async findOwnWithContext(
    manager: EntityManager,
    accountId: string,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<{ application: ApplicationRow; period: Period; formation: Formation } | undefined> {
    const rows: (ApplicationRow & { period: PeriodRow; formation: FormationRow })[] = await manager.query(
      `SELECT a.id, a.period_id, a.account_id, a.formation_id, a.status, a.education, a.declarations, a.registration_number,
              a.submitted_at, a.submission_hash, a.idempotency_key, to_jsonb(p) AS period, to_jsonb(f) AS formation
         FROM registration.applications a
         JOIN registration.periods p ON p.id = a.period_id
         JOIN registration.formations f ON f.id = a.formation_id
        WHERE a.id = $1 AND a.account_id = $2 ${options.lock ? 'FOR UPDATE OF a' : ''}`,
      [id, accountId],
    );
    const row = rows[0];
    if (!row) return undefined;
    const { period, formation, ...application } = row;
    return { application, period: toPeriod(period), formation: toFormation(formation) };
  }

  /**
   * Everything submit needs, in one round trip, the application row locked: the application, its
   * period and formation, its documents and the applicant's snapshot fields. The period row is held
   * FOR KEY SHARE (submissions do not block each other) so that closing the period (FOR UPDATE)
   * waits for submissions in flight and the count PeriodClosed hands on includes every one of them;
   * a submission that waited sees the period closed.
   */
  async findForSubmit(
    manager: EntityManager,
    accountId: string,
    id: string,
  ): Promise<{ application: ApplicationRow; period: Period; formation: Formation; documents: DocumentRow[]; account: SubmitterRow } | undefined> {
    const rows: (ApplicationRow & { period: PeriodRow; formation: FormationRow; documents: DocumentRow[]; account: SubmitterRow })[] = await manager.query(
      `SELECT a.id, a.period_id, a.account_id, a.formation_id, a.status, a.education, a.declarations, a.registration_number,
              a.submitted_at, a.submission_hash, a.idempotency_key, to_jsonb(p) AS period, to_jsonb(f) AS formation,
              (SELECT coalesce(jsonb_agg(jsonb_build_object('id', d.id, 'type', d.type, 'media_type', d.media_type, 'size_bytes', d.size_bytes,
                        'sha256', d.sha256, 'uploaded_at', d.uploaded_at) ORDER BY d.type), '[]'::jsonb)
                 FROM registration.documents d WHERE d.application_id = a.id) AS documents,
              jsonb_build_object('id', acc.id, 'email', acc.email, 'full_name', acc.full_name, 'place_of_birth', acc.place_of_birth,
                'date_of_birth', to_char(acc.date_of_birth, 'YYYY-MM-DD'), 'gender', acc.gender, 'phone', acc.phone, 'kk_digest', acc.kk_digest,
                'nik_warnings', acc.nik_warnings) AS account
         FROM registration.applications a
         JOIN registration.periods p ON p.id = a.period_id
         JOIN registration.formations f ON f.id = a.formation_id
         JOIN registration.accounts acc ON acc.id = a.account_id
        WHERE a.id = $1 AND a.account_id = $2
          FOR UPDATE OF a FOR KEY SHARE OF p`,
      [id, accountId],
    );
    const row = rows[0];
    if (!row) return undefined;
    const { period, formation, documents, account, ...application } = row;
    return { application, period: toPeriod(period), formation: toFormation(formation), documents, account };
  }

  /**
   * The upload's one write, in one statement: stored only while the application is still the
   * applicant's draft. FOR SHARE waits for a submit in progress and then sees it, so no document
   * changes under a submission; no row back means the draft was submitted meanwhile.
   */
  async upsertDocumentIfDraft(
    manager: EntityManager,
    accountId: string,
    applicationId: string,
    d: { id: string; type: string; mediaType: string; sealed: Buffer; sizeBytes: number; sha256: string; uploadedAt: Date },
  ): Promise<DocumentRow | undefined> {
    const rows: DocumentRow[] = await manager.query(
      `INSERT INTO registration.documents (id, application_id, type, media_type, size_bytes, sha256, content, uploaded_at)
       SELECT $1, a.id, $4, $5, $6, $7, $8, $9 FROM registration.applications a
        WHERE a.id = $2 AND a.account_id = $3 AND a.status = 'draft'
          FOR SHARE OF a
       ON CONFLICT (application_id, type) DO UPDATE
         SET id = EXCLUDED.id, media_type = EXCLUDED.media_type, size_bytes = EXCLUDED.size_bytes, sha256 = EXCLUDED.sha256,
             content = EXCLUDED.content, uploaded_at = EXCLUDED.uploaded_at
       RETURNING id, type, media_type, size_bytes, sha256, uploaded_at`,
      [d.id, applicationId, accountId, d.type, d.mediaType, d.sizeBytes, d.sha256, d.sealed, d.uploadedAt],
    );
    return rows[0];
  }

  async listOwn(manager: EntityManager, accountId: string): Promise<ApplicationRow[]> {
    return manager.query(`SELECT ${COLUMNS} FROM registration.applications WHERE account_id = $1 ORDER BY created_at DESC`, [accountId]);
  }

  async updateDraft(
    manager: EntityManager,
    accountId: string,
    id: string,
    changes: { formationId: string; education: EducationSnapshot | null; declarations: string[] },
  ): Promise<void> {
    await manager.query(
      `UPDATE registration.applications SET formation_id = $3, education = $4, declarations = $5, updated_at = now()
        WHERE id = $1 AND account_id = $2 AND status = 'draft'`,
      [id, accountId, changes.formationId, changes.education && JSON.stringify(changes.education), JSON.stringify(changes.declarations)],
    );
  }

  /** Numbers the application `<period code>-<7 digits>` from one sequence, and makes it final. Returns the number. */
  async markSubmitted(
    manager: EntityManager,
    accountId: string,
    id: string,
    s: { periodCode: string; submittedAt: Date; submissionHash: string; idempotencyKey: string | null },
  ): Promise<string> {
    const [rows] = (await manager.query(
      `UPDATE registration.applications
          SET status = 'submitted', registration_number = $3 || '-' || lpad(nextval('registration.registration_number_seq')::text, 7, '0'),
              submitted_at = $4, submission_hash = $5, idempotency_key = $6, updated_at = now()
        WHERE id = $1 AND account_id = $2 AND status = 'draft'
        RETURNING registration_number`,
      [id, accountId, s.periodCode, s.submittedAt, s.submissionHash, s.idempotencyKey],
    )) as [{ registration_number: string }[], number];
    return rows[0].registration_number;
  }

  async documentsOf(manager: EntityManager, applicationId: string): Promise<DocumentRow[]> {
    return manager.query(`SELECT id, type, media_type, size_bytes, sha256, uploaded_at FROM registration.documents WHERE application_id = $1 ORDER BY type`, [
      applicationId,
    ]);
  }

  /** For staff (verifiers, admins) only; the caller records the view. A document of a submitted application (staff never see drafts), or undefined. */
  async submittedDocumentContent(
    manager: EntityManager,
    documentId: string,
  ): Promise<{ application_id: string; type: string; media_type: string; content: Buffer } | undefined> {
    const rows: { application_id: string; type: string; media_type: string; content: Buffer }[] = await manager.query(
      `SELECT d.application_id, d.type, d.media_type, d.content
         FROM registration.documents d JOIN registration.applications a ON a.id = d.application_id
        WHERE d.id = $1 AND a.status = 'submitted'`,
      [documentId],
    );
    return rows[0];
  }

  async audit(manager: EntityManager, entry: { actorId: string; action: string; subject: string; details?: Record<string, unknown> }): Promise<void> {
    await manager.query(`INSERT INTO registration.audit_log (actor_id, action, subject, details) VALUES ($1, $2, $3, $4)`, [
      entry.actorId,
      entry.action,
      entry.subject,
      JSON.stringify(entry.details ?? {}),
    ]);
  }
}
