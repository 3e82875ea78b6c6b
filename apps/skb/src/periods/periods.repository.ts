import { Injectable } from '@nestjs/common';
import { AgencyTimeZone, PeriodOpened, SkbRules } from '@seleksi/contracts';
import { EntityManager } from 'typeorm';

export interface SkbPeriod {
  periodId: string;
  ruleVersion: string;
  timeZone: AgencyTimeZone;
  rules: SkbRules;
  finalizedAt: Date | null;
  allocationPublishedAt: Date | null;
}

/** A period with the counts of each SKB step, for the officer's workspace. */
export interface PeriodOverview extends SkbPeriod {
  participants: number;
  venues: number;
  sessions: number;
  capacity: number;
  seated: number;
  complete: number;
}

@Injectable()
export class PeriodsRepository {
  /** The rule set is frozen when the period opens: a redelivered or repeated PeriodOpened changes nothing. */
  async store(manager: EntityManager, p: PeriodOpened): Promise<void> {
    await manager.query(`INSERT INTO skb.periods (period_id, rule_version, time_zone, rules) VALUES ($1, $2, $3, $4) ON CONFLICT (period_id) DO NOTHING`, [
      p.periodId,
      p.ruleVersion,
      p.timeZone,
      JSON.stringify(p.skb),
    ]);
  }

  /** Reads the period; `lock` takes its row lock so finalize, import and allocation steps of one period run one at a time. */
  async find(manager: EntityManager, periodId: string, lock = false): Promise<SkbPeriod | undefined> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT period_id, rule_version, time_zone, rules, finalized_at, allocation_published_at FROM skb.periods WHERE period_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [periodId],
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      periodId: r.period_id as string,
      ruleVersion: r.rule_version as string,
      timeZone: r.time_zone as AgencyTimeZone,
      rules: r.rules as SkbRules,
      finalizedAt: (r.finalized_at as Date | null) ?? null,
      allocationPublishedAt: (r.allocation_published_at as Date | null) ?? null,
    };
  }

  async markFinalized(manager: EntityManager, periodId: string, at: Date): Promise<void> {
    await manager.query(`UPDATE skb.periods SET finalized_at = $2 WHERE period_id = $1`, [periodId, at]);
  }

  async markAllocationPublished(manager: EntityManager, periodId: string, at: Date): Promise<void> {
    await manager.query(`UPDATE skb.periods SET allocation_published_at = $2 WHERE period_id = $1`, [periodId, at]);
  }

  /** Every period (or one), with its counts; a handful of periods, each counted by index. */
  async overviews(manager: EntityManager, periodId?: string): Promise<PeriodOverview[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT pe.period_id, pe.rule_version, pe.time_zone, pe.rules, pe.finalized_at, pe.allocation_published_at,
              (SELECT count(*) FROM skb.participants p WHERE p.period_id = pe.period_id AND p.participant_number IS NOT NULL)::int AS participants,
              (SELECT count(*) FROM skb.venues v WHERE v.period_id = pe.period_id)::int AS venues,
              (SELECT count(*) FROM skb.sessions s WHERE s.period_id = pe.period_id)::int AS sessions,
              ((SELECT count(*) FROM skb.sessions s WHERE s.period_id = pe.period_id) *
               (SELECT coalesce(sum(r.capacity), 0) FROM skb.rooms r JOIN skb.venues v ON v.venue_id = r.venue_id WHERE v.period_id = pe.period_id))::int AS capacity,
              (SELECT count(*) FROM skb.seats st WHERE st.period_id = pe.period_id)::int AS seated,
              (SELECT count(*) FROM skb.participants p
                WHERE p.period_id = pe.period_id AND p.participant_number IS NOT NULL
                  AND (p.attendance IS NOT NULL OR (SELECT count(*) FROM skb.scores sc WHERE sc.application_id = p.application_id
                         AND sc.component IN (SELECT x ->> 'component' FROM jsonb_array_elements(pe.rules -> 'components') x))
                       = jsonb_array_length(pe.rules -> 'components')))::int AS complete
         FROM skb.periods pe
        WHERE $1::uuid IS NULL OR pe.period_id = $1
        ORDER BY pe.rule_version, pe.period_id`,
      [periodId ?? null],
    );
    return rows.map((r) => ({
      periodId: r.period_id as string,
      ruleVersion: r.rule_version as string,
      timeZone: r.time_zone as AgencyTimeZone,
      rules: r.rules as SkbRules,
      finalizedAt: (r.finalized_at as Date | null) ?? null,
      allocationPublishedAt: (r.allocation_published_at as Date | null) ?? null,
      participants: r.participants as number,
      venues: r.venues as number,
      sessions: r.sessions as number,
      capacity: r.capacity as number,
      seated: r.seated as number,
      complete: r.complete as number,
    }));
  }
}
