import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface AppealRow {
  appeal_id: string;
  application_id: string;
  period_id: string;
  applicant_id: string;
  text: string;
  filed_at: Date;
  answer_due_at: Date;
  reviewer_id: string | null;
  status: 'OPEN' | 'UPHELD' | 'REJECTED';
  reason: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
}

const COLUMNS = 'appeal_id, application_id, period_id, applicant_id, text, filed_at, answer_due_at, reviewer_id, status, reason, resolved_at, resolved_by';

@Injectable()
export class AppealsRepository {
  async insert(
    manager: EntityManager,
    a: {
      appealId: string;
      applicationId: string;
      periodId: string;
      applicantId: string;
      text: string;
      filedAt: Date;
      answerDueAt: Date;
      reviewerId: string | null;
    },
  ): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO screening.appeals (appeal_id, application_id, period_id, applicant_id, text, filed_at, answer_due_at, reviewer_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (application_id) DO NOTHING RETURNING appeal_id`,
      [a.appealId, a.applicationId, a.periodId, a.applicantId, a.text, a.filedAt, a.answerDueAt, a.reviewerId],
    )) as unknown[];
    return rows.length === 1;
  }

  async findByApplication(manager: EntityManager, applicationId: string): Promise<AppealRow | undefined> {
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM screening.appeals WHERE application_id = $1`, [applicationId])) as AppealRow[];
    return rows[0];
  }

  async findOfApplicant(manager: EntityManager, applicantId: string, applicationId: string): Promise<AppealRow | undefined> {
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM screening.appeals WHERE application_id = $1 AND applicant_id = $2`, [
      applicationId,
      applicantId,
    ])) as AppealRow[];
    return rows[0];
  }

  async lock(manager: EntityManager, appealId: string): Promise<AppealRow | undefined> {
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM screening.appeals WHERE appeal_id = $1 FOR UPDATE`, [appealId])) as AppealRow[];
    return rows[0];
  }

  async resolve(
    manager: EntityManager,
    appealId: string,
    r: { status: 'UPHELD' | 'REJECTED'; reason: string; resolvedAt: Date; resolvedBy: string },
  ): Promise<void> {
    await manager.query(`UPDATE screening.appeals SET status = $2, reason = $3, resolved_at = $4, resolved_by = $5 WHERE appeal_id = $1`, [
      appealId,
      r.status,
      r.reason,
      r.resolvedAt,
      r.resolvedBy,
    ]);
  }

  async setReviewer(manager: EntityManager, appealId: string, reviewerId: string): Promise<void> {
    await manager.query(`UPDATE screening.appeals SET reviewer_id = $2 WHERE appeal_id = $1`, [appealId, reviewerId]);
  }

  /** The reviewer with the fewest open appeals in the period, excluding the decider and the applicant's family. */
  async pickReviewer(manager: EntityManager, periodId: string, excludeAccountId: string | null, excludeKkDigest: string | null): Promise<string | null> {
    const rows = (await manager.query(
      `SELECT v.account_id FROM screening.verifiers v
        WHERE v.period_id = $1 AND v.account_id IS DISTINCT FROM $2 AND v.kk_digest IS DISTINCT FROM $3
        ORDER BY (SELECT count(*) FROM screening.appeals a WHERE a.reviewer_id = v.account_id AND a.status = 'OPEN'), v.account_id
        LIMIT 1`,
      [periodId, excludeAccountId, excludeKkDigest],
    )) as { account_id: string }[];
    return rows[0]?.account_id ?? null;
  }

  async assignedTo(manager: EntityManager, reviewerId: string): Promise<AppealRow[]> {
    return (await manager.query(`SELECT ${COLUMNS} FROM screening.appeals WHERE reviewer_id = $1 AND status = 'OPEN' ORDER BY answer_due_at, appeal_id`, [
      reviewerId,
    ])) as AppealRow[];
  }

  async countOpen(manager: EntityManager, periodId: string): Promise<number> {
    const [row] = (await manager.query(`SELECT count(*)::int AS n FROM screening.appeals WHERE period_id = $1 AND status = 'OPEN'`, [periodId])) as {
      n: number;
    }[];
    return row.n;
  }

  /** Open appeals past their answer deadline (all periods unless one is given). */
  async overdue(manager: EntityManager, now: Date, periodId: string | undefined): Promise<AppealRow[]> {
    return (await manager.query(
      `SELECT ${COLUMNS} FROM screening.appeals WHERE status = 'OPEN' AND answer_due_at < $1 AND ($2::uuid IS NULL OR period_id = $2)
        ORDER BY answer_due_at, appeal_id LIMIT 1000`,
      [now, periodId ?? null],
    )) as AppealRow[];
  }
}
