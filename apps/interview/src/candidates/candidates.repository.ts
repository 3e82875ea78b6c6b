import { Injectable } from '@nestjs/common';
import { SkbResultFinalized } from '@seleksi/contracts';
import { EntityManager } from 'typeorm';

export interface CandidateAdminRow {
  applicationId: string;
  periodId: string;
  formationId: string;
  participantNumber: string;
  panelId: string | null;
  status: string;
  unplacedReason: string | null;
  total: number | null;
}

export interface RecusalRow {
  panelistId: string;
  source: string;
  reason: string;
  recordedAt: Date;
}

@Injectable()
export class CandidatesRepository {
  /** True when the candidate is new (a redelivered or replayed result adds nothing). */
  async add(manager: EntityManager, r: SkbResultFinalized): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO interview.candidates (application_id, period_id, formation_id, participant_number, kk_digest, skb_total, skb_rank, rule_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (application_id) DO NOTHING RETURNING application_id`,
      [r.applicationId, r.periodId, r.formationId, r.participantNumber, r.kkDigest, r.total, r.rank, r.ruleVersion],
    );
    return rows.length > 0;
  }

  /** The batch form of add: one statement; returns the application ids this call added, in the given order. */
  async addAll(manager: EntityManager, results: SkbResultFinalized[]): Promise<string[]> {
    const rows: { application_id: string }[] = await manager.query(
      `INSERT INTO interview.candidates (application_id, period_id, formation_id, participant_number, kk_digest, skb_total, skb_rank, rule_version)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::numeric[], $7::int[], $8::text[])
       ON CONFLICT (application_id) DO NOTHING RETURNING application_id`,
      [
        results.map((r) => r.applicationId),
        results.map((r) => r.periodId),
        results.map((r) => r.formationId),
        results.map((r) => r.participantNumber),
        results.map((r) => r.kkDigest),
        results.map((r) => r.total),
        results.map((r) => r.rank),
        results.map((r) => r.ruleVersion),
      ],
    );
    const added = new Set(rows.map((r) => r.application_id));
    return results.map((r) => r.applicationId).filter((id) => added.delete(id));
  }

  async find(manager: EntityManager, applicationId: string): Promise<CandidateAdminRow | undefined> {
    const rows: CandidateAdminRow[] = await manager.query(
      `SELECT application_id AS "applicationId", period_id AS "periodId", formation_id AS "formationId", participant_number AS "participantNumber",
              panel_id AS "panelId", status, unplaced_reason AS "unplacedReason", total::float8 AS total
         FROM interview.candidates WHERE application_id = $1`,
      [applicationId],
    );
    return rows[0];
  }

  async recusals(manager: EntityManager, applicationId: string): Promise<RecusalRow[]> {
    return manager.query(
      `SELECT panelist_id AS "panelistId", source, reason, recorded_at AS "recordedAt" FROM interview.recusals WHERE application_id = $1 ORDER BY recorded_at`,
      [applicationId],
    );
  }

  async forPeriod(manager: EntityManager, periodId: string, status?: string): Promise<CandidateAdminRow[]> {
    return manager.query(
      `SELECT application_id AS "applicationId", period_id AS "periodId", formation_id AS "formationId", participant_number AS "participantNumber",
              panel_id AS "panelId", status, unplaced_reason AS "unplacedReason", total::float8 AS total
         FROM interview.candidates WHERE period_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY participant_number`,
      [periodId, status ?? null],
    );
  }
}
