import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface AuditRow {
  id: string;
  at: Date;
  actor_id: string | null;
  action: string;
  subject: string;
  details: Record<string, unknown>;
}

/** registration.audit_log is append-only (a trigger refuses UPDATE and DELETE): this only adds and reads. */
@Injectable()
export class AuditLogRepository {
  async append(
    manager: EntityManager,
    entry: { actorId: string | null; action: string; subject: string; details: Record<string, unknown> },
  ): Promise<AuditRow> {
    const rows: AuditRow[] = await manager.query(
      `INSERT INTO registration.audit_log (actor_id, action, subject, details) VALUES ($1, $2, $3, $4)
       RETURNING id::text, at, actor_id, action, subject, details`,
      [entry.actorId, entry.action, entry.subject, JSON.stringify(entry.details)],
    );
    return rows[0];
  }

  /** Newest first; `subject` narrows to one account (or document, …). */
  async list(manager: EntityManager, actionPrefix: string, subject: string | undefined, limit: number): Promise<AuditRow[]> {
    return manager.query(
      `SELECT id::text, at, actor_id, action, subject, details FROM registration.audit_log
        WHERE action LIKE $1 || '%' AND ($2::text IS NULL OR subject = $2) ORDER BY id DESC LIMIT $3`,
      [actionPrefix, subject ?? null, limit],
    );
  }
}
