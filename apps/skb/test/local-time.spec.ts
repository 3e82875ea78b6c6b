import { localToInstant } from '@seleksi/contracts';

describe('localToInstant', () => {
  it.each([
    ['2026-12-08', '08:00', 'WIB', '2026-12-08T01:00:00.000Z'],
    ['2026-12-08', '08:00', 'WITA', '2026-12-08T00:00:00.000Z'],
    ['2026-12-08', '08:00', 'WIT', '2026-12-07T23:00:00.000Z'],
    ['2027-01-01', '00:30', 'WIB', '2026-12-31T17:30:00.000Z'],
  ])('reads %s %s %s as %s', (date, time, zone, iso) => {
    expect(localToInstant(date, time, zone).toISOString()).toBe(iso);
  });

  it('refuses an unknown zone', () => {
    expect(() => localToInstant('2026-12-08', '08:00', 'UTC')).toThrow('unknown agency time zone');
  });
});
