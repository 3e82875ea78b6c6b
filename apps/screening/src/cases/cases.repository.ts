import { Injectable } from '@nestjs/common';
import { ApplicationSubmitted, HandoverCount, idDigestSql, ScreeningReason } from '@seleksi/contracts';
import { EntityManager } from 'typeorm';
import { CheckResult } from '../checks/checks';
import { CaseToAssign } from '../verifiers/distribution';

export type CaseStatus = 'PENDING' | 'DECIDED' | 'FINALIZED';

export interface CaseRow {
  application_id: string;
  period_id: string;
  formation_id: string;
  rule_version: string;
  submission: ApplicationSubmitted;
  status: CaseStatus;
  created_at: Date;
  applicant_id: string;
  kk_digest: string | null;
  checks: CheckResult[];
  recommendation: 'MS' | 'TMS' | null;
  assigned_to: string | null;
  result: 'MS' | 'TMS' | null;
  reasons: ScreeningReason[];
  decided_by: string | null;
  decided_at: Date | null;
  finalized_at: Date | null;
}

export type LockedCase = Pick<CaseRow, 'application_id' | 'period_id' | 'formation_id' | 'rule_version' | 'status' | 'assigned_to' | 'result'>;

/** The queue's filters; a missing one does not filter. */
export interface QueueFilter {
  formationId?: string;
  /** NONE: no recommendation yet (a blocking check could not run). */
  recommendation?: 'MS' | 'TMS' | 'NONE';
}

export interface QueueFormationRow {
  formation_id: string;
  period_id: string;
  code: string | null;
  position: string | null;
  remaining: number;
}

/** $1 the verifier, $2 the formation or null, $3 the recommendation (MS, TMS, NONE) or null. */
const QUEUE_WHERE = `assigned_to = $1 AND status = 'PENDING'
          AND ($2::uuid IS NULL OR formation_id = $2::uuid)
          AND ($3::text IS NULL OR coalesce(recommendation, 'NONE') = $3::text)`;

const COLUMNS = `application_id, period_id, formation_id, rule_version, submission, status, created_at, applicant_id, kk_digest,
  checks, recommendation, assigned_to, result, reasons, decided_by, decided_at, finalized_at`;

/** UPDATE … RETURNING answers [rows, count] through TypeORM's query(). */
const updated = <T>(raw: unknown): T[] => (raw as [T[], number])[0];

@Injectable()
export class CasesRepository {
  async find(manager: EntityManager, applicationId: string, lock = false): Promise<CaseRow | undefined> {
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM screening.cases WHERE application_id = $1 ${lock ? 'FOR UPDATE' : ''}`, [
      applicationId,
    ])) as CaseRow[];
    return rows[0];
  }

  /** Scoped to the applicant: someone else's application simply is not there. */
  async findOfApplicant(manager: EntityManager, applicantId: string, applicationId: string, lock = false): Promise<CaseRow | undefined> {
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM screening.cases WHERE application_id = $1 AND applicant_id = $2 ${lock ? 'FOR UPDATE' : ''}`, [
      applicationId,
      applicantId,
    ])) as CaseRow[];
    return rows[0];
  }

  /** The periods the given cases belong to, read without locks (to lock the periods first). */
  async periodsOf(manager: EntityManager, applicationIds: string[]): Promise<string[]> {
    const rows = (await manager.query(`SELECT DISTINCT period_id FROM screening.cases WHERE application_id = ANY($1::uuid[]) ORDER BY period_id`, [
      applicationIds,
    ])) as { period_id: string }[];
    return rows.map((r) => r.period_id);
  }

  /**
   * Locks the cases in id order (so two bulk decisions cannot deadlock) and returns those that exist,
   * without the submission snapshot: a 10,000-case decision need not read 10,000 documents.
   */
  async lockMany(manager: EntityManager, applicationIds: string[]): Promise<LockedCase[]> {
    return (await manager.query(
      `SELECT application_id, period_id, formation_id, rule_version, status, assigned_to, result FROM screening.cases
        WHERE application_id = ANY($1::uuid[]) ORDER BY application_id FOR UPDATE`,
      [applicationIds],
    )) as LockedCase[];
  }

  /** The verifier's own undecided cases matching the filter, oldest first, by keyset on (created_at, application_id). */
  async queue(
    manager: EntityManager,
    verifierId: string,
    filter: QueueFilter,
    after: { createdAt: string; applicationId: string } | undefined,
    limit: number,
  ): Promise<(CaseRow & { cursor_at: string })[]> {
    // cursor_at keeps the microseconds a JavaScript Date would drop, so the keyset never repeats a row.
    return (await manager.query(
      `SELECT ${COLUMNS}, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at FROM screening.cases
        WHERE ${QUEUE_WHERE}
          AND ($4::timestamptz IS NULL OR (created_at, application_id) > ($4::timestamptz, $5::uuid))
        ORDER BY created_at, application_id LIMIT $6`,
      [verifierId, filter.formationId ?? null, filter.recommendation ?? null, after?.createdAt ?? null, after?.applicationId ?? null, limit],
    )) as (CaseRow & { cursor_at: string })[];
  }

  /** How many of the verifier's undecided cases match the filter, on all pages. */
  async queueCount(manager: EntityManager, verifierId: string, filter: QueueFilter): Promise<number> {
    const rows = (await manager.query(`SELECT count(*)::int AS n FROM screening.cases WHERE ${QUEUE_WHERE}`, [
      verifierId,
      filter.formationId ?? null,
      filter.recommendation ?? null,
    ])) as { n: number }[];
    return rows[0].n;
  }

  /** The formations the verifier has undecided cases in, with their count. */
  async queueFormations(manager: EntityManager, verifierId: string): Promise<QueueFormationRow[]> {
    return (await manager.query(
      `SELECT c.formation_id, c.period_id, f.code, f.position, count(*)::int AS remaining
         FROM screening.cases c LEFT JOIN screening.formations f ON f.formation_id = c.formation_id
        WHERE c.assigned_to = $1 AND c.status = 'PENDING'
        GROUP BY c.formation_id, c.period_id, f.code, f.position
        ORDER BY f.code NULLS LAST, c.formation_id`,
      [verifierId],
    )) as QueueFormationRow[];
  }

  async assign(manager: EntityManager, applicationId: string, accountId: string): Promise<void> {
    await manager.query(`UPDATE screening.cases SET assigned_to = $2 WHERE application_id = $1`, [applicationId, accountId]);
  }

  async assignMany(manager: EntityManager, assignments: { applicationId: string; accountId: string }[]): Promise<void> {
    if (assignments.length === 0) return;
    await manager.query(
      `UPDATE screening.cases c SET assigned_to = a.account_id
         FROM unnest($1::uuid[], $2::uuid[]) AS a(application_id, account_id)
        WHERE c.application_id = a.application_id`,
      [assignments.map((a) => a.applicationId), assignments.map((a) => a.accountId)],
    );
  }

  /** Undecided cases nobody has, oldest first; rows another transaction holds are left for the next run. */
  async unassigned(manager: EntityManager, periodId: string, limit: number): Promise<CaseToAssign[]> {
    const rows = (await manager.query(
      `SELECT application_id, kk_digest FROM screening.cases
        WHERE period_id = $1 AND assigned_to IS NULL AND status = 'PENDING'
        ORDER BY created_at, application_id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [periodId, limit],
    )) as { application_id: string; kk_digest: string | null }[];
    return rows.map((r) => ({ applicationId: r.application_id, kkDigest: r.kk_digest }));
  }

  /** Records one outcome for many cases in a single statement. */
  async decideMany(
    manager: EntityManager,
    applicationIds: string[],
    decision: { result: 'MS' | 'TMS'; reasons: ScreeningReason[]; decidedBy: string; decidedAt: Date },
  ): Promise<void> {
    await manager.query(
      `UPDATE screening.cases SET status = 'DECIDED', result = $2, reasons = $3::jsonb, decided_by = $4, decided_at = $5
        WHERE application_id = ANY($1::uuid[])`,
      [applicationIds, decision.result, JSON.stringify(decision.reasons), decision.decidedBy, decision.decidedAt],
    );
  }

  /** An upheld appeal makes the application MS; the original decider stays on record. */
  async setResult(manager: EntityManager, applicationId: string, result: 'MS' | 'TMS', reasons: ScreeningReason[]): Promise<void> {
    await manager.query(`UPDATE screening.cases SET result = $2, reasons = $3::jsonb WHERE application_id = $1`, [
      applicationId,
      result,
      JSON.stringify(reasons),
    ]);
  }

  async countByStatus(manager: EntityManager, periodId: string): Promise<{ pending: number; ms: number; tms: number; finalized: number }> {
    const [row] = (await manager.query(
      `SELECT count(*) FILTER (WHERE status = 'PENDING')::int AS pending,
              count(*) FILTER (WHERE status <> 'PENDING' AND result = 'MS')::int AS ms,
              count(*) FILTER (WHERE status <> 'PENDING' AND result = 'TMS')::int AS tms,
              count(*) FILTER (WHERE status = 'FINALIZED')::int AS finalized
         FROM screening.cases WHERE period_id = $1`,
      [periodId],
    )) as { pending: number; ms: number; tms: number; finalized: number }[];
    return row;
  }

  /** MS cases per formation of the period (every formation screening knows, 0 for none), with the digest of their ids. */
  async eligibleByFormation(manager: EntityManager, periodId: string): Promise<HandoverCount[]> {
    return (await manager.query(
      `SELECT f.formation_id AS "formationId", count(c.application_id)::int AS count, ${idDigestSql('c.application_id')} AS digest
         FROM (SELECT formation_id FROM screening.formations WHERE period_id = $1
               UNION SELECT DISTINCT formation_id FROM screening.cases WHERE period_id = $1) f
         LEFT JOIN screening.cases c ON c.formation_id = f.formation_id AND c.period_id = $1 AND c.result = 'MS'
        GROUP BY f.formation_id ORDER BY f.formation_id`,
      [periodId],
    )) as HandoverCount[];
  }

  /** Finalizes up to `limit` decided cases of the period and returns them. */
  async finalizeBatch(manager: EntityManager, periodId: string, at: Date, limit: number): Promise<CaseRow[]> {
    return updated<CaseRow>(
      await manager.query(
        `UPDATE screening.cases SET status = 'FINALIZED', finalized_at = $2
          WHERE application_id IN (
            SELECT application_id FROM screening.cases WHERE period_id = $1 AND status = 'DECIDED' ORDER BY application_id LIMIT $3)
          RETURNING ${COLUMNS}`,
        [periodId, at, limit],
      ),
    );
  }
}
