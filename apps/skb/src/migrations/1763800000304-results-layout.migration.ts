import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Results as the finalization writes them fastest, for a period of hundreds of thousands:
 * - component scores as `component_values numeric[]` in the order of the period's components (a
 *   period's rules never change) instead of a jsonb array of objects per result, which cost a third
 *   of the finalization to build; readers name them from the period's rules;
 * - one index, the primary key (period, application), instead of two: it serves the applicant's
 *   lookup and the event batch's pages; nothing read results by formation.
 */
export class ResultsLayout1763800000304 implements MigrationInterface {
  name = 'ResultsLayout1763800000304';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE skb.results ADD COLUMN component_values numeric[]`);
    await q.query(`
      UPDATE skb.results r SET component_values = v.vals
        FROM (SELECT r2.application_id,
                     array_agg((SELECT (e ->> 'value')::numeric FROM jsonb_array_elements(r2.components) e WHERE e ->> 'component' = x.c ->> 'component') ORDER BY x.k) AS vals
                FROM skb.results r2
                JOIN skb.periods pe ON pe.period_id = r2.period_id
                CROSS JOIN LATERAL jsonb_array_elements(pe.rules -> 'components') WITH ORDINALITY AS x(c, k)
               GROUP BY r2.application_id) v
       WHERE v.application_id = r.application_id`);
    await q.query(`UPDATE skb.results SET component_values = '{}' WHERE component_values IS NULL`);
    await q.query(`ALTER TABLE skb.results ALTER COLUMN component_values SET NOT NULL, DROP COLUMN components`);
    await q.query(`DROP INDEX skb.results_by_period`);
    await q.query(`ALTER TABLE skb.results DROP CONSTRAINT results_pkey, ADD PRIMARY KEY (period_id, application_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE skb.results DROP CONSTRAINT results_pkey, ADD PRIMARY KEY (application_id)`);
    await q.query(`CREATE INDEX results_by_period ON skb.results (period_id, formation_id)`);
    await q.query(`ALTER TABLE skb.results ADD COLUMN components jsonb`);
    await q.query(`
      UPDATE skb.results r SET components = (
        SELECT coalesce(jsonb_agg(jsonb_build_object('component', x.c ->> 'component', 'value', r.component_values[x.k]) ORDER BY x.k)
                          FILTER (WHERE r.component_values[x.k] IS NOT NULL), '[]'::jsonb)
          FROM skb.periods pe, jsonb_array_elements(pe.rules -> 'components') WITH ORDINALITY AS x(c, k)
         WHERE pe.period_id = r.period_id)`);
    await q.query(`ALTER TABLE skb.results ALTER COLUMN components SET NOT NULL, DROP COLUMN component_values`);
  }
}
