import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MailLocale, RenderedMail } from './mail-templates';

export interface QueuedMail {
  accountId: string;
  recipient: string;
  mail: RenderedMail;
  sourceEventId?: string;
}

export interface DueMailRow {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
}

/** Stand-ins in a template rendered once per language, filled per applicant in SQL. */
export const PLACEHOLDER = { fullName: '{{fullName}}', applicationId: '{{applicationId}}' } as const;

@Injectable()
export class MailOutboxRepository {
  /** Queues in the caller's transaction; an event's e-mail to an account is queued once. */
  async queue(manager: EntityManager, mails: QueuedMail[]): Promise<void> {
    if (mails.length === 0) return;
    await manager.query(
      `INSERT INTO registration.mail_outbox (account_id, recipient, kind, subject, body, source_event_id)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[])
       ON CONFLICT (source_event_id, account_id) WHERE source_event_id IS NOT NULL DO NOTHING`,
      [
        mails.map((m) => m.accountId),
        mails.map((m) => m.recipient),
        mails.map((m) => m.mail.kind),
        mails.map((m) => m.mail.subject),
        mails.map((m) => m.mail.body),
        mails.map((m) => m.sourceEventId ?? null),
      ],
    );
  }

  /**
   * One e-mail per submitted application in scope (one application, or a whole period's), in its
   * applicant's language, in one statement: a period-wide announcement reaches every applicant without
   * loading them into the process. Once per event and account.
   */
  async queueForApplicants(
    manager: EntityManager,
    scope: { applicationId: string } | { periodId: string },
    sourceEventId: string,
    kind: string,
    byLocale: Record<MailLocale, { subject: string; body: string }>,
  ): Promise<void> {
    const [column, value] = 'applicationId' in scope ? ['ap.id', scope.applicationId] : ['ap.period_id', scope.periodId];
    await manager.query(
      `INSERT INTO registration.mail_outbox (account_id, recipient, kind, subject, body, source_event_id)
       SELECT a.id, a.email, $3, CASE a.locale WHEN 'en' THEN $6 ELSE $4 END,
              replace(replace(CASE a.locale WHEN 'en' THEN $7 ELSE $5 END, $8, ap.id::text), $9, a.full_name), $2
         FROM registration.applications ap JOIN registration.accounts a ON a.id = ap.account_id
        WHERE ${column} = $1 AND ap.status = 'submitted'
       ON CONFLICT (source_event_id, account_id) WHERE source_event_id IS NOT NULL DO NOTHING`,
      [
        value,
        sourceEventId,
        kind,
        byLocale.id.subject,
        byLocale.id.body,
        byLocale.en.subject,
        byLocale.en.body,
        PLACEHOLDER.applicationId,
        PLACEHOLDER.fullName,
      ],
    );
  }

  async periodOf(manager: EntityManager, periodId: string): Promise<{ name: string; time_zone: 'WIB' | 'WITA' | 'WIT' } | undefined> {
    const rows: { name: string; time_zone: 'WIB' | 'WITA' | 'WIT' }[] = await manager.query(`SELECT name, time_zone FROM registration.periods WHERE id = $1`, [
      periodId,
    ]);
    return rows[0];
  }

  /** Due messages, locked so that another instance's drain skips them. */
  async lockDue(manager: EntityManager, now: Date, limit: number): Promise<DueMailRow[]> {
    return manager.query(
      `SELECT id, recipient, subject, body, attempts FROM registration.mail_outbox
        WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1
        ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
  }

  async markSent(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(`UPDATE registration.mail_outbox SET sent_at = $2, attempts = attempts + 1, last_error = NULL WHERE id = $1`, [id, at]);
  }

  async markRetry(manager: EntityManager, id: string, error: string, nextAttemptAt: Date): Promise<void> {
    await manager.query(`UPDATE registration.mail_outbox SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3 WHERE id = $1`, [
      id,
      error,
      nextAttemptAt,
    ]);
  }

  async markFailed(manager: EntityManager, id: string, error: string, at: Date): Promise<void> {
    await manager.query(`UPDATE registration.mail_outbox SET attempts = attempts + 1, last_error = $2, failed_at = $3 WHERE id = $1`, [id, error, at]);
  }
}
