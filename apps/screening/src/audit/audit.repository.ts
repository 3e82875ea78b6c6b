import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export const AUDIT_ACTIONS = [
  'CASE_DECIDED',
  'CASE_VIEWED',
  'CASE_REASSIGNED',
  'CASES_DISTRIBUTED',
  'VERIFIER_REGISTERED',
  'APPEAL_RESOLVED',
  'APPEAL_REVIEWER_ASSIGNED',
  'RESULTS_ANNOUNCED',
  'PERIOD_FINALIZED',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  actorId: string;
  action: AuditAction;
  applicationId: string | null;
  periodId: string | null;
  details: Record<string, unknown>;
}

export interface AuditRow {
  id: string;
  at: Date;
  actor_id: string;
  action: string;
  application_id: string | null;
  period_id: string | null;
  details: Record<string, unknown>;
}

/** The audit log only grows: this class inserts and reads; the table's trigger refuses the rest. */
@Injectable()
export class AuditRepository {
  /** One INSERT however many entries (a bulk decision audits every case it touched). */
  async record(manager: EntityManager, at: Date, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO screening.audit_log (at, actor_id, action, application_id, period_id, details)
       SELECT $1, e.actor_id, e.action, e.application_id, e.period_id, coalesce(e.details, '{}')
         FROM jsonb_to_recordset($2::jsonb) AS e(actor_id uuid, action text, application_id uuid, period_id uuid, details jsonb)`,
      [
        at,
        JSON.stringify(
          entries.map((e) => ({ actor_id: e.actorId, action: e.action, application_id: e.applicationId, period_id: e.periodId, details: e.details })),
        ),
      ],
    );
  }

  async list(
    manager: EntityManager,
    filter: { periodId?: string; applicationId?: string; actorId?: string; action?: string; from?: string; to?: string },
    afterId: string | undefined,
    limit: number,
  ): Promise<AuditRow[]> {
    return (await manager.query(
      `SELECT id::text, at, actor_id, action, application_id, period_id, details FROM screening.audit_log
        WHERE ($1::uuid IS NULL OR period_id = $1) AND ($2::uuid IS NULL OR application_id = $2) AND ($3::uuid IS NULL OR actor_id = $3)
          AND ($4::bigint IS NULL OR id > $4) AND ($6::text IS NULL OR action = $6)
          AND ($7::timestamptz IS NULL OR at >= $7) AND ($8::timestamptz IS NULL OR at < $8)
        ORDER BY id LIMIT $5`,
      [
        filter.periodId ?? null,
        filter.applicationId ?? null,
        filter.actorId ?? null,
        afterId ?? null,
        limit,
        filter.action ?? null,
        filter.from ?? null,
        filter.to ?? null,
      ],
    )) as AuditRow[];
  }
}
