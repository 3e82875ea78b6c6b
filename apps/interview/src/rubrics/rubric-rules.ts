export interface Anchor {
  level: number;
  description: string;
}

export interface Criterion {
  key: string;
  label: string;
  weight: number;
  anchors: Anchor[];
}

export interface RubricProblem {
  code: string;
  field: string;
  message: string;
}

/**
 * A rubric fits the period's scale when each criterion has a unique key, a positive weight and
 * exactly one anchor description for every level from scaleMin to scaleMax. First problem wins.
 */
export function rubricProblem(criteria: Criterion[], scaleMin: number, scaleMax: number): RubricProblem | undefined {
  const seen = new Set<string>();
  for (const [i, c] of criteria.entries()) {
    if (seen.has(c.key)) return { code: 'CRITERION_DUPLICATE', field: `criteria.${i}.key`, message: `criterion ${c.key} appears twice` };
    seen.add(c.key);
    if (!(c.weight > 0)) return { code: 'CRITERION_WEIGHT_INVALID', field: `criteria.${i}.weight`, message: 'weight must be greater than 0' };
    const levels = c.anchors.map((a) => a.level);
    for (const [j, level] of levels.entries()) {
      if (level < scaleMin || level > scaleMax) {
        return {
          code: 'ANCHOR_OUT_OF_SCALE',
          field: `criteria.${i}.anchors.${j}.level`,
          message: `level ${level} is outside the scale ${scaleMin}–${scaleMax}`,
        };
      }
      if (levels.indexOf(level) !== j)
        return { code: 'ANCHOR_DUPLICATE', field: `criteria.${i}.anchors.${j}.level`, message: `level ${level} is described twice` };
    }
    for (let level = scaleMin; level <= scaleMax; level++) {
      if (!levels.includes(level)) {
        return { code: 'ANCHOR_MISSING', field: `criteria.${i}.anchors`, message: `criterion ${c.key} has no description for level ${level}` };
      }
    }
  }
  return undefined;
}
