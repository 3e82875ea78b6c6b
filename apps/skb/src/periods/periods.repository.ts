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
}
