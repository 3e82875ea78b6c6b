import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface FormationOutcomeCountRow {
  formation_id: string;
  code: string;
  participants: number;
  finalized: number;
  proceeded: number;
  passed: number;
  failed: number;
  absent: number;
  disqualified: number;
}

@Injectable()
export class OversightRepository {
  /** Every formation skb knows for the period, with its participants and finalized outcomes (zeros before finalization). */
  async outcomeCounts(manager: EntityManager, periodId: string): Promise<FormationOutcomeCountRow[]> {
    return manager.query(
      `SELECT f.formation_id, f.code,
              (SELECT count(*)::int FROM skb.participants p WHERE p.formation_id = f.formation_id) AS participants,
              count(r.application_id)::int AS finalized,
              count(*) FILTER (WHERE r.outcome = 'P/L')::int AS proceeded,
              count(*) FILTER (WHERE r.outcome = 'P')::int AS passed,
              count(*) FILTER (WHERE r.outcome = 'TL')::int AS failed,
              count(*) FILTER (WHERE r.outcome = 'TH')::int AS absent,
              count(*) FILTER (WHERE r.outcome = 'DIS')::int AS disqualified
         FROM skb.formations f LEFT JOIN skb.results r ON r.formation_id = f.formation_id
        WHERE f.period_id = $1 GROUP BY f.formation_id, f.code ORDER BY f.code`,
      [periodId],
    );
  }
}
