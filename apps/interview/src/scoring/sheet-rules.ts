import { PeriodRules } from '../periods/periods.repository';
import { RubricRow } from '../rubrics/rubrics.repository';

export interface ScoreEntry {
  criterion: string;
  value: number;
}

/** Checks a sheet against the rubric and the period scale; names the first offending field. */
export function sheetProblem(scores: ScoreEntry[], rubric: RubricRow, period: PeriodRules): { code: string; field: string; message: string } | undefined {
  const keys = new Set(rubric.criteria.map((c) => c.key));
  const seen = new Set<string>();
  for (const [i, s] of scores.entries()) {
    if (!keys.has(s.criterion))
      return { code: 'UNKNOWN_CRITERION', field: `scores.${i}.criterion`, message: `${s.criterion} is not a criterion of ${rubric.label}` };
    if (seen.has(s.criterion)) return { code: 'CRITERION_DUPLICATE', field: `scores.${i}.criterion`, message: `${s.criterion} is scored twice` };
    seen.add(s.criterion);
    if (s.value < period.scaleMin || s.value > period.scaleMax) {
      return { code: 'SCORE_OUT_OF_SCALE', field: `scores.${i}.value`, message: `score must be an integer from ${period.scaleMin} to ${period.scaleMax}` };
    }
  }
  const missing = [...keys].filter((k) => !seen.has(k));
  if (missing.length > 0) return { code: 'MISSING_CRITERION', field: 'scores', message: `no score for ${missing.join(', ')}` };
  return undefined;
}
