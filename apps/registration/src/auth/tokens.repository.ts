import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface RefreshTokenRow {
  id: string;
  account_id: string;
  expires_at: Date;
  revoked_at: Date | null;
}

@Injectable()
export class TokensRepository {
  async insertRefresh(manager: EntityManager, row: { id: string; accountId: string; tokenHash: string; expiresAt: Date }): Promise<void> {
    await manager.query(`INSERT INTO registration.refresh_tokens (id, account_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`, [
      row.id,
      row.accountId,
      row.tokenHash,
      row.expiresAt,
    ]);
  }

  async findRefresh(manager: EntityManager, tokenHash: string): Promise<RefreshTokenRow | undefined> {
    const rows: RefreshTokenRow[] = await manager.query(
      `SELECT id, account_id, expires_at, revoked_at FROM registration.refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
    return rows[0];
  }

  async revoke(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(`UPDATE registration.refresh_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL`, [id, at]);
  }

  async revokeAllOf(manager: EntityManager, accountId: string, at: Date): Promise<void> {
    await manager.query(`UPDATE registration.refresh_tokens SET revoked_at = $2 WHERE account_id = $1 AND revoked_at IS NULL`, [accountId, at]);
  }

  async recentFailures(manager: EntityManager, subjects: string[], since: Date): Promise<Map<string, number>> {
    const rows: { subject: string; n: number }[] = await manager.query(
      `SELECT subject, count(*)::int AS n FROM registration.login_failures WHERE subject = ANY($1) AND failed_at > $2 GROUP BY subject`,
      [subjects, since],
    );
    return new Map(rows.map((r) => [r.subject, r.n]));
  }

  /**
   * Counts an attempt and returns how many there have been since `since`, this one included.
   * Attempts on one subject take turns under a transaction-scoped advisory lock, and each commits
   * its row before the next one counts, so of any number of concurrent attempts the k-th sees
   * exactly k: a burst gets the limit of tries, no more and no fewer.
   */
  async countAttempt(manager: EntityManager, subject: string, at: Date, since: Date): Promise<number> {
    return manager.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`registration.login-attempt:${subject}`]);
      await m.query(`INSERT INTO registration.login_failures (subject, failed_at) VALUES ($1, $2)`, [subject, at]);
      const [row]: { n: number }[] = await m.query(`SELECT count(*)::int AS n FROM registration.login_failures WHERE subject = $1 AND failed_at > $2`, [
        subject,
        since,
      ]);
      return row.n;
    });
  }

  async recordFailure(manager: EntityManager, subjects: string[], at: Date): Promise<void> {
    await manager.query(`INSERT INTO registration.login_failures (subject, failed_at) SELECT unnest($1::text[]), $2`, [subjects, at]);
  }

  async clearFailures(manager: EntityManager, subject: string): Promise<void> {
    await manager.query(`DELETE FROM registration.login_failures WHERE subject = $1`, [subject]);
  }
}
