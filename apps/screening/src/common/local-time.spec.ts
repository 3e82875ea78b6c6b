import { formatLocal } from './local-time';

describe(formatLocal.name, () => {
  it.each([
    ['2026-12-03T16:59:00.000Z', 'WIB', '2026-12-03 23:59 WIB'],
    ['2026-12-03T16:59:00.000Z', 'WITA', '2026-12-04 00:59 WITA'],
    ['2026-12-03T16:59:00.000Z', 'WIT', '2026-12-04 01:59 WIT'],
    ['2026-12-31T17:00:00.000Z', 'WIB', '2027-01-01 00:00 WIB'],
  ])('shows %s in %s as %s', (instant, zone, expected) => {
    expect(formatLocal(new Date(instant), zone)).toBe(expected);
  });

  it('refuses a zone that is not an agency zone', () => {
    expect(() => formatLocal(new Date(), 'UTC')).toThrow(/unknown agency time zone/);
  });
});
