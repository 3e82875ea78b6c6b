export interface WeightedCriterion {
  key: string;
  weight: number;
}

/** One panelist's submitted scores, by criterion key. */
export type Sheet = Record<string, number>;

export interface CriterionResult {
  criterion: string;
  weight: number;
  mean: number;
  /** max − min across panelists. */
  spread: number;
}

export interface Aggregate {
  criteria: CriterionResult[];
  /** Σ weight × (mean − scaleMin)/(scaleMax − scaleMin) × 100 / Σ weight, 0–100. */
  total: number;
  /** Some criterion's spread exceeds the threshold: the chair must record a calibration note. */
  needsCalibration: boolean;
}

export interface Scale {
  scaleMin: number;
  scaleMax: number;
  calibrationThreshold: number;
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/**
 * The panel's score for one candidate from its panelists' sheets (each complete for the rubric).
 * Means keep 4 decimals and the total 3, so what the event carries is what was compared.
 */
export function aggregate(criteria: WeightedCriterion[], sheets: Sheet[], scale: Scale): Aggregate {
  if (sheets.length === 0) throw new Error('aggregate needs at least one sheet');
  const range = scale.scaleMax - scale.scaleMin;
  const results = criteria.map((c) => {
    const values = sheets.map((s) => {
      const v = s[c.key];
      if (v === undefined) throw new Error(`a sheet has no score for ${c.key}`);
      return v;
    });
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    return { criterion: c.key, weight: c.weight, mean, spread: Math.max(...values) - Math.min(...values) };
  });
  const weights = criteria.reduce((a, c) => a + c.weight, 0);
  const weighted = results.reduce((a, r) => a + r.weight * (range === 0 ? 1 : (r.mean - scale.scaleMin) / range), 0);
  return {
    criteria: results.map((r) => ({ ...r, mean: round(r.mean, 4) })),
    total: weights === 0 ? 0 : round((weighted * 100) / weights, 3),
    needsCalibration: results.some((r) => r.spread > scale.calibrationThreshold),
  };
}
