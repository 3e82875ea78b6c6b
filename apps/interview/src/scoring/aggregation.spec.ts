import { aggregate, Sheet } from './aggregation';

const TWO = [
  { key: 'komunikasi', weight: 60 },
  { key: 'teknis', weight: 40 },
];
const SCALE_1_5 = { scaleMin: 1, scaleMax: 5, calibrationThreshold: 2 };

describe(aggregate.name, () => {
  const cases: { name: string; criteria: typeof TWO; sheets: Sheet[]; scale: typeof SCALE_1_5; total: number; means: number[]; calibrate: boolean }[] = [
    {
      name: 'all top marks give 100',
      criteria: TWO,
      sheets: [
        { komunikasi: 5, teknis: 5 },
        { komunikasi: 5, teknis: 5 },
      ],
      scale: SCALE_1_5,
      total: 100,
      means: [5, 5],
      calibrate: false,
    },
    { name: 'all bottom marks give 0', criteria: TWO, sheets: [{ komunikasi: 1, teknis: 1 }], scale: SCALE_1_5, total: 0, means: [1, 1], calibrate: false },
    {
      name: 'weights the normalised means (60×3/4 + 40×(7/3)/4)',
      criteria: TWO,
      sheets: [
        { komunikasi: 5, teknis: 3 },
        { komunikasi: 4, teknis: 3 },
        { komunikasi: 3, teknis: 4 },
      ],
      scale: SCALE_1_5,
      total: 68.333,
      means: [4, 3.3333],
      calibrate: false,
    },
    {
      name: 'a spread equal to the threshold needs no calibration',
      criteria: TWO,
      sheets: [
        { komunikasi: 5, teknis: 3 },
        { komunikasi: 3, teknis: 3 },
      ],
      scale: SCALE_1_5,
      total: 65,
      means: [4, 3],
      calibrate: false,
    },
    {
      name: 'a spread beyond the threshold needs calibration',
      criteria: TWO,
      sheets: [
        { komunikasi: 5, teknis: 3 },
        { komunikasi: 2, teknis: 3 },
      ],
      scale: SCALE_1_5,
      total: 57.5,
      means: [3.5, 3],
      calibrate: true,
    },
    {
      name: 'uses the period scale, e.g. 0–10',
      criteria: [{ key: 'teknis', weight: 1 }] as typeof TWO,
      sheets: [{ teknis: 7 }, { teknis: 8 }],
      scale: { scaleMin: 0, scaleMax: 10, calibrationThreshold: 3 },
      total: 75,
      means: [7.5],
      calibrate: false,
    },
    {
      name: 'weights need not add up to 100',
      criteria: [
        { key: 'a', weight: 1 },
        { key: 'b', weight: 3 },
      ] as typeof TWO,
      sheets: [{ a: 5, b: 1 }],
      scale: SCALE_1_5,
      total: 25,
      means: [5, 1],
      calibrate: false,
    },
  ];

  it.each(cases)('$name', ({ criteria, sheets, scale, total, means, calibrate }) => {
    const result = aggregate(criteria, sheets, scale);
    expect(result.total).toBe(total);
    expect(result.criteria.map((c) => c.mean)).toEqual(means);
    expect(result.criteria.map((c) => c.weight)).toEqual(criteria.map((c) => c.weight));
    expect(result.needsCalibration).toBe(calibrate);
  });

  it('refuses a sheet without a score for a criterion', () => {
    expect(() => aggregate(TWO, [{ komunikasi: 3 }], SCALE_1_5)).toThrow(/teknis/);
  });
});
