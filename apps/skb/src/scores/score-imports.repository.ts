import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { RowProblem } from './score-csv';

export interface ScoreImportRecord {
  importedAt: Date;
  importedBy: string;
  outcome: 'APPLIED' | 'REJECTED';
  /** The refusal's code (CSV_REJECTED, CSV_HEADER, …); null when applied. */
  code: string | null;
  rows: number;
  participantsChanged: number;
  errorCount: number;
  errors: RowProblem[];
}

/** What each score import did, so the workspace reads the last outcome back. */
@Injectable()
export class ScoreImportsRepository {
  async record(manager: EntityManager, periodId: string, r: ScoreImportRecord): Promise<void> {
    await manager.query(
      `INSERT INTO skb.score_imports (import_id, period_id, imported_at, imported_by, outcome, code, rows, participants_changed, error_count, errors)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [randomUUID(), periodId, r.importedAt, r.importedBy, r.outcome, r.code, r.rows, r.participantsChanged, r.errorCount, JSON.stringify(r.errors)],
    );
  }

  async latest(manager: EntityManager, periodId: string): Promise<ScoreImportRecord | undefined> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT imported_at, imported_by, outcome, code, rows, participants_changed, error_count, errors
         FROM skb.score_imports WHERE period_id = $1 ORDER BY imported_at DESC LIMIT 1`,
      [periodId],
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      importedAt: r.imported_at as Date,
      importedBy: r.imported_by as string,
      outcome: r.outcome as 'APPLIED' | 'REJECTED',
      code: (r.code as string | null) ?? null,
      rows: r.rows as number,
      participantsChanged: r.participants_changed as number,
      errorCount: r.error_count as number,
      errors: r.errors as RowProblem[],
    };
  }
}
