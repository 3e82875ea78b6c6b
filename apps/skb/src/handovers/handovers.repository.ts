import { Injectable } from '@nestjs/common';
import { HandoverCount, idDigestSql, ScreeningPeriodFinalized } from '@seleksi/contracts';
import { EntityManager } from 'typeorm';

export interface HandoverRow {
  finalized_at: Date;
  eligible: number;
  by_formation: HandoverCount[];
  received_at: Date;
}

/** What skb hands on at its finalization: per formation every result, and those proceeding to the interview. */
export interface SkbHandedOn {
  resultsByFormation: HandoverCount[];
  proceedingByFormation: HandoverCount[];
}

/** Screening's hand-over of a finalized period, and the participants skb holds of it. */
@Injectable()
export class HandoversRepository {
  async record(manager: EntityManager, finalized: ScreeningPeriodFinalized, receivedAt: Date): Promise<void> {
    await manager.query(
      `INSERT INTO skb.handovers (period_id, finalized_at, eligible, by_formation, received_at)
       VALUES ($1, $2, $3, $4::jsonb, $5) ON CONFLICT (period_id) DO NOTHING`,
      [finalized.periodId, finalized.finalizedAt, finalized.eligible, JSON.stringify(finalized.eligibleByFormation), receivedAt],
    );
  }

  async find(manager: EntityManager, periodId: string): Promise<HandoverRow | undefined> {
    const rows = (await manager.query(`SELECT finalized_at, eligible, by_formation, received_at FROM skb.handovers WHERE period_id = $1`, [
      periodId,
    ])) as HandoverRow[];
    return rows[0];
  }

  /** The participants skb holds per formation, counted and digested the way screening counted them. */
  async held(manager: EntityManager, periodId: string): Promise<HandoverCount[]> {
    return (await manager.query(
      `SELECT formation_id AS "formationId", count(*)::int AS count, ${idDigestSql('application_id')} AS digest
         FROM skb.participants WHERE period_id = $1 GROUP BY formation_id`,
      [periodId],
    )) as HandoverCount[];
  }

  /** Per formation of the period (every formation skb knows, 0 for none): the results and the proceeding ones, with their digests. */
  async handedOn(manager: EntityManager, periodId: string): Promise<SkbHandedOn> {
    const rows = (await manager.query(
      `SELECT f.formation_id AS "formationId",
              count(r.application_id)::int AS results, ${idDigestSql('r.application_id')} AS "resultsDigest",
              count(r.application_id) FILTER (WHERE r.outcome = 'P/L' AND r.proceeds)::int AS proceeding,
              ${idDigestSql(`CASE WHEN r.outcome = 'P/L' AND r.proceeds THEN r.application_id END`)} AS "proceedingDigest"
         FROM (SELECT formation_id FROM skb.formations WHERE period_id = $1
               UNION SELECT DISTINCT formation_id FROM skb.results WHERE period_id = $1) f
         LEFT JOIN skb.results r ON r.period_id = $1 AND r.formation_id = f.formation_id
        GROUP BY f.formation_id ORDER BY f.formation_id`,
      [periodId],
    )) as { formationId: string; results: number; resultsDigest: string; proceeding: number; proceedingDigest: string }[];
    return {
      resultsByFormation: rows.map((r) => ({ formationId: r.formationId, count: r.results, digest: r.resultsDigest })),
      proceedingByFormation: rows.map((r) => ({ formationId: r.formationId, count: r.proceeding, digest: r.proceedingDigest })),
    };
  }

  /** Per formation: participants received, seated, scored (every component or TH/DIS), with a result, proceeding. */
  async stageCounts(manager: EntityManager, periodId: string): Promise<SkbStageCountRow[]> {
    return (await manager.query(
      `SELECT p.formation_id AS "formationId", f.code AS "formationCode",
              count(*)::int AS received,
              count(s.application_id)::int AS seated,
              count(*) FILTER (WHERE p.attendance IS NOT NULL OR sc.n >= pe.components)::int AS scored,
              count(r.application_id)::int AS "handedOn",
              count(r.application_id) FILTER (WHERE r.outcome = 'P/L' AND r.proceeds)::int AS proceeding
         FROM skb.participants p
         LEFT JOIN skb.formations f ON f.formation_id = p.formation_id
         LEFT JOIN skb.seats s ON s.application_id = p.application_id
         LEFT JOIN (SELECT application_id, count(*) AS n FROM skb.scores GROUP BY application_id) sc ON sc.application_id = p.application_id
         LEFT JOIN (SELECT period_id, jsonb_array_length(rules -> 'components') AS components FROM skb.periods) pe ON pe.period_id = p.period_id
         LEFT JOIN skb.results r ON r.period_id = p.period_id AND r.application_id = p.application_id
        WHERE p.period_id = $1 GROUP BY p.formation_id, f.code ORDER BY f.code`,
      [periodId],
    )) as SkbStageCountRow[];
  }

  /**
   * Participants who cannot move on without someone: no participant number (formation not yet
   * published), no seat once seats are published, no score before the finalization; oldest first.
   */
  async stuck(manager: EntityManager, periodId: string, limit: number): Promise<SkbStuckRow[]> {
    return (await manager.query(
      `SELECT p.application_id AS "applicationId", p.formation_id AS "formationId",
              CASE WHEN p.participant_number IS NULL THEN 'AWAITING_FORMATION'
                   WHEN pe.allocation_published_at IS NOT NULL AND s.application_id IS NULL THEN 'AWAITING_SEAT'
                   ELSE 'AWAITING_SCORES' END AS reason,
              CASE WHEN p.participant_number IS NULL THEN 'registration' ELSE 'skb-officer' END AS "waitingOn",
              CASE WHEN p.participant_number IS NULL OR pe.allocation_published_at IS NULL THEN p.created_at
                   ELSE greatest(p.created_at, pe.allocation_published_at) END AS since
         FROM skb.participants p
         JOIN skb.periods pe ON pe.period_id = p.period_id
         LEFT JOIN skb.seats s ON s.application_id = p.application_id
         LEFT JOIN (SELECT application_id, count(*) AS n FROM skb.scores GROUP BY application_id) sc ON sc.application_id = p.application_id
        WHERE p.period_id = $1 AND pe.finalized_at IS NULL
          AND (p.participant_number IS NULL
               OR (pe.allocation_published_at IS NOT NULL AND s.application_id IS NULL)
               OR (p.attendance IS NULL AND coalesce(sc.n, 0) < jsonb_array_length(pe.rules -> 'components')))
        ORDER BY since, p.application_id LIMIT $2`,
      [periodId, limit],
    )) as SkbStuckRow[];
  }
}

export interface SkbStageCountRow {
  formationId: string;
  formationCode: string | null;
  received: number;
  seated: number;
  scored: number;
  handedOn: number;
  proceeding: number;
}

export interface SkbStuckRow {
  applicationId: string;
  formationId: string;
  reason: 'AWAITING_FORMATION' | 'AWAITING_SEAT' | 'AWAITING_SCORES';
  waitingOn: string;
  since: Date;
}
