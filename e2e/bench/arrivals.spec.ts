import { histogram, openLoopOffsets, planArrivals, shareInLast, simulatedHour, SURGE_HOURS, WINDOW_HOURS } from './arrivals';

describe(planArrivals.name, () => {
  it.each([
    [100_000, { opening: 2_000, steady: 38_000, surge: 60_000 }],
    [2_000, { opening: 50, steady: 750, surge: 1_200 }],
    [10, { opening: 10, steady: 0, surge: 0 }],
    [1, { opening: 1, steady: 0, surge: 0 }],
  ])('splits %i applications into opening, steady and surge', (total, plan) => {
    expect(planArrivals(total)).toEqual(plan);
  });

  it('never loses or invents a submission', () => {
    for (const total of [1, 49, 50, 51, 999, 12_345, 4_030_090]) {
      const p = planArrivals(total);
      expect(p.opening + p.steady + p.surge).toBe(total);
    }
  });

  it('refuses a count that is not a positive integer', () => {
    expect(() => planArrivals(0)).toThrow('positive integer');
    expect(() => planArrivals(2.5)).toThrow('positive integer');
  });
});

describe(simulatedHour.name, () => {
  it.each([
    ['opening', 0, 0],
    ['opening', 1, 24],
    ['steady', 0, 24],
    ['steady', 1, WINDOW_HOURS - SURGE_HOURS],
    ['surge', 0, WINDOW_HOURS - SURGE_HOURS],
    ['surge', 0.5, WINDOW_HOURS - SURGE_HOURS / 2],
    ['surge', 1, WINDOW_HOURS],
    ['surge', 7, WINDOW_HOURS],
  ] as const)('maps %s at %d of the phase to hour %d of the window', (phase, fraction, hour) => {
    expect(simulatedHour(phase, fraction)).toBeCloseTo(hour, 9);
  });
});

describe('the default plan over the window', () => {
  it('puts 60% of arrivals in the last 48 hours', () => {
    const p = planArrivals(10_000);
    const hours = [
      ...Array.from({ length: p.opening }, (_, i) => simulatedHour('opening', i / (p.opening - 1))),
      ...Array.from({ length: p.steady }, (_, i) => simulatedHour('steady', i / (p.steady - 1))),
      ...Array.from({ length: p.surge }, (_, i) => simulatedHour('surge', i / (p.surge - 1))),
    ];
    // The steady phase's last arrival sits exactly on the 48-hour boundary.
    expect(shareInLast(hours, SURGE_HOURS)).toBeCloseTo(0.6001, 4);
    const buckets = histogram(hours, 24);
    expect(buckets).toHaveLength(30);
    expect(buckets[29]).toBeGreaterThan(10 * buckets[10]);
  });
});

describe(openLoopOffsets.name, () => {
  it('spaces arrivals evenly at the given rate', () => {
    expect(openLoopOffsets(4, 2)).toEqual([0, 500, 1000, 1500]);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => openLoopOffsets(3, 0)).toThrow('positive');
    expect(() => openLoopOffsets(3, Number.NaN)).toThrow('positive');
  });
});

describe(histogram.name, () => {
  it('counts values per bucket and keeps the window end in the last bucket', () => {
    expect(histogram([0, 5.9, 6, 23.99, 24], 6, 24)).toEqual([2, 1, 0, 2]);
  });

  it('clamps values outside the span into the first or last bucket', () => {
    expect(histogram([-1, 100], 12, 24)).toEqual([1, 1]);
  });
});
