import { SkbComponentRule } from '@seleksi/contracts';
import { SqlParams } from '../common/sql-params';

export interface SheetSql {
  /** LEFT JOINs of skb.scores, one per component, onto the participant alias. */
  joins: string;
  /** The sheet as a jsonb array of `{component, value}` in the components' order, scored ones only. */
  json: string;
  /** The score of the k-th component (NULL when none). */
  value: (k: number) => string;
}

/**
 * A participant's score sheet read with one join per component of the period's rules rather than by
 * aggregating score rows per participant: over a whole period the joins are hash joins, where the
 * aggregate sorts or hashes every score row again.
 */
export function sheetSql(participant: string, components: Pick<SkbComponentRule, 'component'>[], params: SqlParams): SheetSql {
  const alias = (k: number) => `sheet_${k}`;
  const joins = components
    .map(
      (c, k) =>
        `LEFT JOIN skb.scores ${alias(k)} ON ${alias(k)}.application_id = ${participant}.application_id AND ${alias(k)}.component = ${params.add(c.component, 'text')}`,
    )
    .join('\n');
  const parts = components.map(
    (_, k) =>
      `CASE WHEN ${alias(k)}.value IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(jsonb_build_object('component', ${alias(k)}.component, 'value', ${alias(k)}.value)) END`,
  );
  return { joins, json: parts.length > 0 ? `(${parts.join(' || ')})` : `'[]'::jsonb`, value: (k) => `${alias(k)}.value` };
}
