import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { VerifierLoad } from './distribution';

export interface VerifierRow {
  account_id: string;
  name: string;
  kk_digest: string;
  open_cases: number;
  registered_at: Date;
}

/** A period's verifier roster and each verifier's count of open (assigned, undecided) cases. */
@Injectable()
export class VerifiersRepository {
  async register(
    manager: EntityManager,
    periodId: string,
    v: { accountId: string; name: string; kkDigest: string; registeredBy: string; at: Date },
  ): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO screening.verifiers (period_id, account_id, name, kk_digest, registered_by, registered_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING account_id`,
      [periodId, v.accountId, v.name, v.kkDigest, v.registeredBy, v.at],
    )) as unknown[];
    return rows.length === 1;
  }

  async list(manager: EntityManager, periodId: string): Promise<VerifierRow[]> {
    return (await manager.query(
      `SELECT account_id, name, kk_digest, open_cases, registered_at FROM screening.verifiers WHERE period_id = $1 ORDER BY name, account_id`,
      [periodId],
    )) as VerifierRow[];
  }

  async find(manager: EntityManager, periodId: string, accountId: string): Promise<VerifierRow | undefined> {
    const rows = (await manager.query(
      `SELECT account_id, name, kk_digest, open_cases, registered_at FROM screening.verifiers WHERE period_id = $1 AND account_id = $2`,
      [periodId, accountId],
    )) as VerifierRow[];
    return rows[0];
  }

  async loadsForUpdate(manager: EntityManager, periodId: string): Promise<VerifierLoad[]> {
    const rows = (await manager.query(`SELECT account_id, kk_digest, open_cases FROM screening.verifiers WHERE period_id = $1 ORDER BY account_id FOR UPDATE`, [
      periodId,
    ])) as VerifierRow[];
    return rows.map((r) => ({ accountId: r.account_id, kkDigest: r.kk_digest, openCases: r.open_cases }));
  }

  /** Adds (or with negative numbers removes) open cases for several verifiers in one statement. */
  async addOpenCases(manager: EntityManager, periodId: string, deltas: Map<string, number>): Promise<void> {
    const entries = [...deltas.entries()].filter(([, d]) => d !== 0).sort(([a], [b]) => a.localeCompare(b));
    if (entries.length === 0) return;
    await manager.query(
      `UPDATE screening.verifiers v SET open_cases = greatest(0, v.open_cases + d.delta)
         FROM unnest($2::uuid[], $3::int[]) AS d(account_id, delta)
        WHERE v.period_id = $1 AND v.account_id = d.account_id`,
      [periodId, entries.map(([id]) => id), entries.map(([, d]) => d)],
    );
  }
}
