import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface ResetTokenRow {
  account_id: string;
  expires_at: Date;
  used_at: Date | null;
}

@Injectable()
export class RecoveryRepository {
  /** Per subject: how many requests since `since`, and when the oldest of them was made. */
  async recentRequests(manager: EntityManager, subjects: string[], since: Date): Promise<Map<string, { count: number; oldest: Date }>> {
    const rows: { subject: string; n: number; oldest: Date }[] = await manager.query(
      `SELECT subject, count(*)::int AS n, min(requested_at) AS oldest FROM registration.recovery_requests
        WHERE subject = ANY($1) AND requested_at > $2 GROUP BY subject`,
      [subjects, since],
    );
    return new Map(rows.map((r) => [r.subject, { count: r.n, oldest: new Date(r.oldest) }]));
  }

  async recordRequest(manager: EntityManager, subjects: string[], at: Date): Promise<void> {
    await manager.query(`INSERT INTO registration.recovery_requests (subject, requested_at) SELECT unnest($1::text[]), $2`, [subjects, at]);
  }

  /** A few rows that no longer count go with each request, so the table stays about an hour long. */
  async forgetOlderThan(manager: EntityManager, before: Date): Promise<void> {
    await manager.query(
      `DELETE FROM registration.recovery_requests WHERE ctid = ANY (ARRAY(SELECT ctid FROM registration.recovery_requests WHERE requested_at <= $1 LIMIT 100))`,
      [before],
    );
  }

  async insertResetToken(manager: EntityManager, accountId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await manager.query(`INSERT INTO registration.password_reset_tokens (token_hash, account_id, expires_at) VALUES ($1, $2, $3)`, [
      tokenHash,
      accountId,
      expiresAt,
    ]);
  }

  async lockResetToken(manager: EntityManager, tokenHash: string): Promise<ResetTokenRow | undefined> {
    const rows: ResetTokenRow[] = await manager.query(
      `SELECT account_id, expires_at, used_at FROM registration.password_reset_tokens WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
    return rows[0];
  }

  /** The new password; every reset token of the account is spent, and the mailbox is proven. */
  async resetPassword(manager: EntityManager, accountId: string, passwordHash: string, now: Date): Promise<void> {
    await manager.query(`UPDATE registration.password_reset_tokens SET used_at = $2 WHERE account_id = $1 AND used_at IS NULL`, [accountId, now]);
    await manager.query(`UPDATE registration.accounts SET password_hash = $2, email_confirmed_at = coalesce(email_confirmed_at, $3) WHERE id = $1`, [
      accountId,
      passwordHash,
      now,
    ]);
  }
}
