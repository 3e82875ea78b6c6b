import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditRow } from '../common/audit-log.repository';

export interface AuditSearch {
  actorId?: string;
  action?: string;
  subject?: string;
  from?: string;
  to?: string;
  afterId?: string;
  limit: number;
}

export interface FormationCountRow {
  formation_id: string;
  code: string;
  applied: number;
  submitted: number;
}

@Injectable()
export class OversightRepository {
  /** Keyset paging on the log's id (oldest first), so a page never shifts when entries are added. */
  async searchAudit(manager: EntityManager, search: AuditSearch): Promise<AuditRow[]> {
    return manager.query(
      `SELECT id::text, at, actor_id, action, subject, details FROM registration.audit_log
        WHERE ($1::uuid IS NULL OR actor_id = $1)
          AND ($2::text IS NULL OR starts_with(action, $2))
          AND ($3::text IS NULL OR subject = $3)
          AND ($4::timestamptz IS NULL OR at >= $4)
          AND ($5::timestamptz IS NULL OR at < $5)
          AND ($6::bigint IS NULL OR id > $6)
        ORDER BY id LIMIT $7`,
      [search.actorId ?? null, search.action ?? null, search.subject ?? null, search.from ?? null, search.to ?? null, search.afterId ?? null, search.limit],
    );
  }

  /** Every formation of the period, with how many applications it has (none counts as zero). */
  async applicationCounts(manager: EntityManager, periodId: string): Promise<FormationCountRow[]> {
    return manager.query(
      `SELECT f.id AS formation_id, f.code,
              count(a.id)::int AS applied,
              count(a.id) FILTER (WHERE a.status = 'submitted')::int AS submitted
         FROM registration.formations f LEFT JOIN registration.applications a ON a.formation_id = f.id
        WHERE f.period_id = $1 GROUP BY f.id, f.code ORDER BY f.code`,
      [periodId],
    );
  }
}
