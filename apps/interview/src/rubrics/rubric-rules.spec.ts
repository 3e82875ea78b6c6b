import { Criterion, rubricProblem } from './rubric-rules';

const anchors = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ({ level: from + i, description: `level ${from + i}` }));
const criterion = (key: string, over: Partial<Criterion> = {}): Criterion => ({ key, label: key, weight: 50, anchors: anchors(1, 5), ...over });

describe(rubricProblem.name, () => {
  it.each([
    { name: 'a complete rubric', criteria: [criterion('a'), criterion('b')], code: undefined },
    { name: 'a duplicate key', criteria: [criterion('a'), criterion('a')], code: 'CRITERION_DUPLICATE' },
    { name: 'a zero weight', criteria: [criterion('a', { weight: 0 })], code: 'CRITERION_WEIGHT_INVALID' },
    { name: 'a missing level', criteria: [criterion('a', { anchors: anchors(1, 4) })], code: 'ANCHOR_MISSING' },
    { name: 'a level beyond the scale', criteria: [criterion('a', { anchors: anchors(1, 6) })], code: 'ANCHOR_OUT_OF_SCALE' },
    {
      name: 'a level described twice',
      criteria: [criterion('a', { anchors: [...anchors(1, 5), { level: 3, description: 'again' }] })],
      code: 'ANCHOR_DUPLICATE',
    },
  ])('judges $name', ({ criteria, code }) => {
    expect(rubricProblem(criteria, 1, 5)?.code).toBe(code);
  });

  it('names the offending field', () => {
    expect(rubricProblem([criterion('a'), criterion('b', { anchors: anchors(1, 4) })], 1, 5)).toMatchObject({ field: 'criteria.1.anchors' });
  });
});
