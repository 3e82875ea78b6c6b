import { Injectable } from '@nestjs/common';
import { HandoverCount, idDigestSql, ScreeningPeriodFinalized } from '@seleksi/contracts';
import { EntityManager } from 'typeorm';

export interface HandoverRow {
  eligible: number;
  by_formation: HandoverCount[];
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
    const rows = (await manager.query(`SELECT eligible, by_formation FROM skb.handovers WHERE period_id = $1`, [periodId])) as HandoverRow[];
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
}
