import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Allocation, PlacementKind } from './allocate';

export type PlacementStatus = 'PROPOSED' | 'CONFIRMED' | 'DECLINED' | 'WITHDRAWN';

export interface PlacementRow {
  placementId: string;
  periodId: string;
  applicationId: string;
  applicantId: string | null;
  formationId: string;
  sourceFormationId: string;
  kind: PlacementKind;
  status: PlacementStatus;
  rank: number;
  finalScore: number;
  why: string;
  createdAt: Date;
  confirmedAt: Date | null;
  declinedAt: Date | null;
  declineReason: string | null;
}

export interface OverrideRow {
  overrideId: string;
  periodId: string;
  placementId: string;
  applicationId: string;
  reason: string;
  requestedBy: string;
  requestedAt: Date;
  status: 'PENDING' | 'APPLIED';
  approvedBy: string | null;
  approvedAt: Date | null;
  newPlacementId: string | null;
}

const PLACEMENT_SELECT = `SELECT placement_id AS "placementId", period_id AS "periodId", application_id AS "applicationId", applicant_id AS "applicantId",
  formation_id AS "formationId", source_formation_id AS "sourceFormationId", kind, status, rank, final_score::float8 AS "finalScore", why,
  created_at AS "createdAt", confirmed_at AS "confirmedAt", declined_at AS "declinedAt", decline_reason AS "declineReason"
  FROM placement.placements`;

const OVERRIDE_SELECT = `SELECT override_id AS "overrideId", period_id AS "periodId", placement_id AS "placementId", application_id AS "applicationId",
  reason, requested_by AS "requestedBy", requested_at AS "requestedAt", status, approved_by AS "approvedBy", approved_at AS "approvedAt",
  new_placement_id AS "newPlacementId" FROM placement.overrides`;

/** A placement as the officers' pages list it: the participant number, and for a replacement the declined placement it replaced. */
export interface PlacementView extends PlacementRow {
  participantNumber: string | null;
  replacesPlacementId: string | null;
}

/** An override with what the approval queue shows: the seat, whom it displaces, both participant numbers. */
export interface OverrideView extends OverrideRow {
  formationId: string;
  displacedApplicationId: string;
  participantNumber: string | null;
  displacedParticipantNumber: string | null;
}

const PARTICIPANT_NUMBER = (applicationColumn: string) =>
  `(SELECT s.result->>'participantNumber' FROM placement.stage_results s WHERE s.application_id = ${applicationColumn} AND s.stage = 'skb')`;

@Injectable()
export class AllocationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * For the officers' list: the period's placements in the given statuses. A replacement is
   * inserted in the decline's own transaction with the decline's instant as its created_at
   * (DeclinePlacement), and declines of a period are serialised by the period lock, so that instant
   * names the declined placement it replaced.
   */
  async read(periodId: string, statuses: PlacementStatus[]): Promise<PlacementView[]> {
    return (await this.dataSource.query(
      `SELECT v.*, ${PARTICIPANT_NUMBER('v."applicationId"')} AS "participantNumber",
              CASE WHEN v.kind = 'REPLACEMENT' THEN
                (SELECT d.placement_id FROM placement.placements d
                  WHERE d.period_id = v."periodId" AND d.status = 'DECLINED' AND d.declined_at = v."createdAt" LIMIT 1)
              END AS "replacesPlacementId"
         FROM (${PLACEMENT_SELECT} WHERE period_id = $1 AND status = ANY($2::text[])) v
        ORDER BY v."formationId", v.rank, v."applicationId"`,
      [periodId, statuses],
    )) as PlacementView[];
  }

  /**
   * The period's overrides, newest first. PENDING means waiting for approval as confirmation sees it
   * (pendingOverrides): an override of a proposal that a recompute withdrew waits for nothing.
   */
  async readOverrides(periodId: string, status?: OverrideRow['status']): Promise<OverrideView[]> {
    return (await this.dataSource.query(
      `SELECT o.*, p.formation_id AS "formationId", p.application_id AS "displacedApplicationId",
              ${PARTICIPANT_NUMBER('o."applicationId"')} AS "participantNumber", ${PARTICIPANT_NUMBER('p.application_id')} AS "displacedParticipantNumber"
         FROM (${OVERRIDE_SELECT} WHERE period_id = $1 AND ($2::text IS NULL OR status = $2)) o
         JOIN placement.placements p ON p.placement_id = o."placementId"
        WHERE $2::text IS DISTINCT FROM 'PENDING' OR p.status = 'PROPOSED'
        ORDER BY o."requestedAt" DESC, o."overrideId"`,
      [periodId, status ?? null],
    )) as OverrideView[];
  }

  async withdrawProposals(manager: EntityManager, periodId: string): Promise<void> {
    await manager.query(`UPDATE placement.placements SET status = 'WITHDRAWN' WHERE period_id = $1 AND status = 'PROPOSED'`, [periodId]);
  }

  /** Inserts placements in one statement; returns them with their new ids. */
  async insert(
    manager: EntityManager,
    periodId: string,
    allocations: (Allocation & { applicantId: string | null })[],
    status: PlacementStatus,
    at: Date,
  ): Promise<PlacementRow[]> {
    if (allocations.length === 0) return [];
    const ids = allocations.map(() => randomUUID());
    await manager.query(
      `INSERT INTO placement.placements (placement_id, period_id, application_id, applicant_id, formation_id, source_formation_id, kind, status, rank,
                                         final_score, why, created_at, confirmed_at)
       SELECT p, $1, a, ap, f, sf, k, $10, r, s, w, $11, CASE WHEN $10 = 'CONFIRMED' THEN $11::timestamptz END
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::int[], $9::numeric[], $12::text[])
              AS t(p, a, ap, f, sf, k, r, s, w)`,
      [
        periodId,
        ids,
        allocations.map((a) => a.applicationId),
        allocations.map((a) => a.applicantId),
        allocations.map((a) => a.seatFormationId),
        allocations.map((a) => a.sourceFormationId),
        allocations.map((a) => a.kind),
        allocations.map((a) => a.rank),
        allocations.map((a) => a.finalScore),
        status,
        at,
        allocations.map((a) => a.why),
      ],
    );
    return allocations.map((a, i) => ({
      placementId: ids[i],
      periodId,
      applicationId: a.applicationId,
      applicantId: a.applicantId,
      formationId: a.seatFormationId,
      sourceFormationId: a.sourceFormationId,
      kind: a.kind,
      status,
      rank: a.rank,
      finalScore: a.finalScore,
      why: a.why,
      createdAt: at,
      confirmedAt: status === 'CONFIRMED' ? at : null,
      declinedAt: null,
      declineReason: null,
    }));
  }

  /** Placements of a period in the given statuses, seat formation then rank. */
  async ofPeriod(manager: EntityManager, periodId: string, statuses: PlacementStatus[]): Promise<PlacementRow[]> {
    return (await manager.query(`${PLACEMENT_SELECT} WHERE period_id = $1 AND status = ANY($2::text[]) ORDER BY formation_id, rank, application_id`, [
      periodId,
      statuses,
    ])) as PlacementRow[];
  }

  async find(manager: EntityManager, periodId: string, placementId: string): Promise<PlacementRow | null> {
    const rows = (await manager.query(`${PLACEMENT_SELECT} WHERE period_id = $1 AND placement_id = $2`, [periodId, placementId])) as PlacementRow[];
    return rows[0] ?? null;
  }

  /** The latest placement of an application, asked for by its applicant (scope in the signature). */
  async latestOfApplicant(manager: EntityManager, applicantId: string, applicationId: string): Promise<PlacementRow | null> {
    const rows = (await manager.query(
      `${PLACEMENT_SELECT} WHERE applicant_id = $1 AND application_id = $2 AND status IN ('CONFIRMED', 'DECLINED') ORDER BY created_at DESC LIMIT 1`,
      [applicantId, applicationId],
    )) as PlacementRow[];
    return rows[0] ?? null;
  }

  async latestOfApplication(manager: EntityManager, periodId: string, applicationId: string): Promise<PlacementRow | null> {
    const rows = (await manager.query(
      `${PLACEMENT_SELECT} WHERE period_id = $1 AND application_id = $2 AND status IN ('CONFIRMED', 'DECLINED') ORDER BY created_at DESC LIMIT 1`,
      [periodId, applicationId],
    )) as PlacementRow[];
    return rows[0] ?? null;
  }

  async setStatus(manager: EntityManager, placementIds: string[], status: PlacementStatus, at: Date): Promise<void> {
    await manager.query(
      `UPDATE placement.placements SET status = $2, confirmed_at = CASE WHEN $2 = 'CONFIRMED' THEN $3::timestamptz ELSE confirmed_at END
        WHERE placement_id = ANY($1::uuid[])`,
      [placementIds, status, at],
    );
  }

  async markDeclined(manager: EntityManager, placementId: string, at: Date, reason: string): Promise<void> {
    await manager.query(`UPDATE placement.placements SET status = 'DECLINED', declined_at = $2, decline_reason = $3 WHERE placement_id = $1`, [
      placementId,
      at,
      reason,
    ]);
  }

  async declinedApplications(manager: EntityManager, periodId: string): Promise<Set<string>> {
    const rows = (await manager.query(`SELECT application_id FROM placement.placements WHERE period_id = $1 AND status = 'DECLINED'`, [periodId])) as {
      application_id: string;
    }[];
    return new Set(rows.map((r) => r.application_id));
  }

  async insertOverride(manager: EntityManager, o: Omit<OverrideRow, 'approvedBy' | 'approvedAt' | 'newPlacementId' | 'status'>): Promise<void> {
    await manager.query(
      `INSERT INTO placement.overrides (override_id, period_id, placement_id, application_id, reason, requested_by, requested_at, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'PENDING')`,
      [o.overrideId, o.periodId, o.placementId, o.applicationId, o.reason, o.requestedBy, o.requestedAt],
    );
  }

  async findOverride(manager: EntityManager, periodId: string, overrideId: string): Promise<OverrideRow | null> {
    const rows = (await manager.query(`${OVERRIDE_SELECT} WHERE period_id = $1 AND override_id = $2`, [periodId, overrideId])) as OverrideRow[];
    return rows[0] ?? null;
  }

  async pendingOverrides(manager: EntityManager, periodId: string): Promise<OverrideRow[]> {
    return (await manager.query(
      `${OVERRIDE_SELECT} WHERE period_id = $1 AND status = 'PENDING'
          AND placement_id IN (SELECT placement_id FROM placement.placements WHERE status = 'PROPOSED')`,
      [periodId],
    )) as OverrideRow[];
  }

  async markOverrideApplied(manager: EntityManager, overrideId: string, approvedBy: string | null, at: Date, newPlacementId: string): Promise<void> {
    await manager.query(`UPDATE placement.overrides SET status = 'APPLIED', approved_by = $2, approved_at = $3, new_placement_id = $4 WHERE override_id = $1`, [
      overrideId,
      approvedBy,
      at,
      newPlacementId,
    ]);
  }
}
