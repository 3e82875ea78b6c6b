import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SqlParams } from '../common/sql-params';
import { SkbPeriod } from '../periods/periods.repository';
import { sheetSql } from '../scores/score-sheet.sql';

export interface FinalizedCounts {
  participants: number;
  formations: number;
  outcomes: Record<string, number>;
  /** Present participants lacking a score for some component: the caller must refuse (and roll back). */
  unscored: number;
  /** Participants without a participant number (their formation was never published): the same. */
  unnumbered: number;
}

export interface StoredResult {
  participantNumber: string;
  fullName: string;
  formationCode: string;
  components: { component: string; value: number }[];
  total: number | null;
  outcome: string;
  rank: number | null;
  proceeds: boolean;
  ruleVersion: string;
  finalizedAt: Date;
}

/**
 * A stored result's `component_values` (numeric[], in the order of the period's components) as the
 * sheet events and the applicant see it: `[{component, value}]` in that order, scored ones only.
 */
export function componentsJsonSql(values: string, names: string): string {
  return `(SELECT coalesce(jsonb_agg(jsonb_build_object('component', c.name, 'value', c.value) ORDER BY c.k), '[]'::jsonb)
             FROM unnest(${names}::text[], ${values}) WITH ORDINALITY AS c(name, value, k) WHERE c.value IS NOT NULL)`;
}

/** The names of a period's components in the order of its rules, from an alias of skb.periods. */
export function componentNamesSql(period: string): string {
  return `ARRAY(SELECT x.c ->> 'component' FROM jsonb_array_elements(${period}.rules -> 'components') WITH ORDINALITY AS x(c, k) ORDER BY x.k)`;
}

/** Finalized results counted per formation, outcome and band of the total (band null for TH / DIS). */
export interface DistributionCell {
  formationCode: string;
  position: string;
  quota: number;
  outcome: string;
  band: number | null;
  participants: number;
  sumTotal: number;
}

@Injectable()
export class ResultsRepository {
  /**
   * The whole finalization as one statement: each participant's total (exact decimal arithmetic,
   * rounded to 2 places), pass, rank within the formation among those who passed (rank(): equal
   * totals share a rank), outcome with everyone tied at the cut-off proceeding, and the results rows
   * (the events are read back from them: results.batches.ts). It also counts what forbids the
   * finalization (a present participant missing a component score, a participant without a number),
   * so the caller refuses and rolls back rather than scanning the period twice on the way to success.
   * results.rules.ts states the same rules in plain code; the tests hold the two together.
   */
  async finalize(manager: EntityManager, period: SkbPeriod, at: Date): Promise<FinalizedCounts> {
    const rules = period.rules;
    const params = new SqlParams();
    const periodId = params.add(period.periodId, 'uuid');
    const ruleVersion = params.add(period.ruleVersion, 'text');
    const sheet = sheetSql('p', rules.components, params);
    const weightSum = rules.components.reduce((sum, c) => sum + c.weight, 0);
    const weighted = rules.components.map(
      (c, k) => `coalesce(${params.add(c.weight, 'numeric')} * ${sheet.value(k)} / ${params.add(c.maxScore, 'numeric')}, 0)`,
    );
    const componentsPass = rules.components.map((c, k) => `coalesce(${sheet.value(k)} >= ${params.add(c.passingGrade, 'numeric')}, false)`);
    const total = weightSum === 0 ? '0::numeric' : `round((${weighted.join(' + ')}) * 100 / ${params.add(weightSum, 'numeric')}, 2)`;
    const [r]: { participants: number; formations: number; outcomes: Record<string, number> | null; unscored: number; unnumbered: number }[] =
      await manager.query(
        // Rows stay narrow until they are written (sorting and ranking wide rows costs more than the
        // ranking itself): the score values travel as columns and are stored as one numeric[] in the
        // order of the period's components (the period's rules never change).
        `WITH totals AS (
         SELECT p.application_id, p.formation_id, p.participant_number, p.attendance, f.quota,
                ARRAY[${rules.components.map((_, k) => sheet.value(k)).join(', ')}]::numeric[] AS component_values,
                CASE WHEN p.attendance IS NULL THEN ${total} END AS total,
                p.attendance IS NULL AND ${componentsPass.join(' AND ') || 'true'} AS components_pass,
                p.attendance IS NULL AND (${rules.components.map((_, k) => `${sheet.value(k)} IS NULL`).join(' OR ') || 'false'}) AS unscored
           FROM skb.participants p
           -- LEFT: a participant whose formation skb has not heard of must be counted (as unnumbered), not dropped.
           LEFT JOIN skb.formations f ON f.formation_id = p.formation_id
           ${sheet.joins}
          WHERE p.period_id = ${periodId}),
       ranked AS (
         SELECT application_id, rank() OVER (PARTITION BY formation_id ORDER BY total DESC) AS rank
           FROM totals WHERE components_pass AND total >= ${params.add(rules.totalPassingGrade, 'numeric')}),
       outcomes AS MATERIALIZED (
         SELECT t.application_id, t.formation_id, t.participant_number, t.component_values, t.total, t.unscored, r.rank,
                CASE WHEN t.attendance IS NOT NULL THEN t.attendance
                     WHEN r.rank IS NULL THEN 'TL'
                     WHEN r.rank <= floor(${params.add(rules.proceedFactor, 'numeric')} * t.quota) THEN 'P/L'
                     ELSE 'P' END AS outcome
           FROM totals t LEFT JOIN ranked r ON r.application_id = t.application_id),
       stored AS (
         INSERT INTO skb.results (application_id, period_id, formation_id, component_values, total, outcome, rank, proceeds, rule_version, finalized_at)
         SELECT o.application_id, ${periodId}, o.formation_id, o.component_values, o.total, o.outcome, o.rank, o.outcome = 'P/L', ${ruleVersion}, ${params.add(at, 'timestamptz')}
           FROM outcomes o)
       SELECT (SELECT count(*) FROM outcomes)::int AS participants,
              (SELECT count(*) FROM (SELECT formation_id FROM outcomes GROUP BY formation_id) g)::int AS formations,
              (SELECT jsonb_object_agg(outcome, n) FROM (SELECT outcome, count(*)::int AS n FROM outcomes GROUP BY outcome) c) AS outcomes,
              (SELECT count(*) FILTER (WHERE unscored) FROM outcomes)::int AS unscored,
              (SELECT count(*) FILTER (WHERE participant_number IS NULL) FROM outcomes)::int AS unnumbered`,
        params.values,
      );
    return { participants: r.participants, formations: r.formations, outcomes: r.outcomes ?? {}, unscored: r.unscored, unnumbered: r.unnumbered };
  }

  /** The applicant's own result: the applicant id is in the signature, so no caller can forget it. */
  async findForApplicant(manager: EntityManager, applicantId: string, periodId: string): Promise<StoredResult | undefined> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT p.participant_number, p.full_name, f.code, ${componentsJsonSql('r.component_values', componentNamesSql('pe'))} AS components,
              r.total, r.outcome, r.rank, r.proceeds, r.rule_version, r.finalized_at
         FROM skb.participants p
         JOIN skb.results r ON r.period_id = p.period_id AND r.application_id = p.application_id
         JOIN skb.periods pe ON pe.period_id = p.period_id
         JOIN skb.formations f ON f.formation_id = p.formation_id
        WHERE p.applicant_id = $1 AND p.period_id = $2`,
      [applicantId, periodId],
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      participantNumber: r.participant_number as string,
      fullName: r.full_name as string,
      formationCode: r.code as string,
      components: r.components as { component: string; value: number }[],
      total: r.total === null ? null : Number(r.total),
      outcome: r.outcome as string,
      rank: r.rank as number | null,
      proceeds: r.proceeds as boolean,
      ruleVersion: r.rule_version as string,
      finalizedAt: r.finalized_at as Date,
    };
  }

  async distribution(manager: EntityManager, periodId: string, bandWidth: number, bands: number): Promise<DistributionCell[]> {
    const rows: { code: string; position: string; quota: number; outcome: string; band: number | null; n: number; sum_total: string | null }[] =
      await manager.query(
        `SELECT f.code, f.position, f.quota, r.outcome, CASE WHEN r.total IS NOT NULL THEN least(floor(r.total / $2), $3 - 1)::int END AS band, count(*)::int AS n, sum(r.total) AS sum_total
           FROM skb.results r JOIN skb.formations f ON f.formation_id = r.formation_id
          WHERE r.period_id = $1
          GROUP BY f.code, f.position, f.quota, r.outcome, band
          ORDER BY f.code`,
        [periodId, bandWidth, bands],
      );
    return rows.map((r) => ({
      formationCode: r.code,
      position: r.position,
      quota: r.quota,
      outcome: r.outcome,
      band: r.band,
      participants: r.n,
      sumTotal: r.sum_total === null ? 0 : Number(r.sum_total),
    }));
  }
}
