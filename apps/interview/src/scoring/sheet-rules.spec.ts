import { PeriodRules } from '../periods/periods.repository';
import { RubricRow } from '../rubrics/rubrics.repository';
import { sheetProblem } from './sheet-rules';

const rubric = {
  rubricId: 'r',
  formationId: 'f',
  position: null,
  version: 1,
  label: 'F.v1',
  frozen: false,
  criteria: [
    { key: 'a', label: 'A', weight: 1, anchors: [] },
    { key: 'b', label: 'B', weight: 1, anchors: [] },
  ],
} as RubricRow;
const period = { scaleMin: 1, scaleMax: 5 } as PeriodRules;
const s = (criterion: string, value: number) => ({ criterion, value, justification: 'ok' });

describe(sheetProblem.name, () => {
  it.each([
    { name: 'a complete sheet', scores: [s('a', 1), s('b', 5)], code: undefined, field: undefined },
    { name: 'a score above the scale', scores: [s('a', 6), s('b', 3)], code: 'SCORE_OUT_OF_SCALE', field: 'scores.0.value' },
    { name: 'a score below the scale', scores: [s('a', 3), s('b', 0)], code: 'SCORE_OUT_OF_SCALE', field: 'scores.1.value' },
    { name: 'a missing criterion', scores: [s('a', 3)], code: 'MISSING_CRITERION', field: 'scores' },
    { name: 'an unknown criterion', scores: [s('a', 3), s('b', 3), s('c', 3)], code: 'UNKNOWN_CRITERION', field: 'scores.2.criterion' },
    { name: 'a criterion scored twice', scores: [s('a', 3), s('a', 4), s('b', 3)], code: 'CRITERION_DUPLICATE', field: 'scores.1.criterion' },
  ])('judges $name', ({ scores, code, field }) => {
    const problem = sheetProblem(scores, rubric, period);
    expect(problem?.code).toBe(code);
    expect(problem?.field).toBe(field);
  });
});
