import { agencyOffsetHours, localToInstant, wallClock } from '@seleksi/contracts';

describe(wallClock.name, () => {
  it.each([
    ['2026-12-15T16:59:00.000Z', 'WIB', { date: '2026-12-15', time: '23:59:00', offset: '+07:00' }],
    ['2026-12-15T16:59:00.000Z', 'WITA', { date: '2026-12-16', time: '00:59:00', offset: '+08:00' }],
    ['2026-12-15T16:59:00.000Z', 'WIT', { date: '2026-12-16', time: '01:59:00', offset: '+09:00' }],
  ])('shows %s in %s', (iso, zone, expected) => {
    expect(wallClock(new Date(iso), zone)).toEqual(expected);
  });

  it('refuses a zone that is not an agency zone', () => {
    expect(() => agencyOffsetHours('UTC')).toThrow('unknown agency time zone UTC');
  });
});

describe(localToInstant.name, () => {
  it.each([
    ['2026-12-08', '08:00', 'WIB', '2026-12-08T01:00:00.000Z'],
    ['2026-12-08', '08:00', 'WITA', '2026-12-08T00:00:00.000Z'],
    ['2027-01-01', '00:30', 'WIB', '2026-12-31T17:30:00.000Z'],
  ])('reads %s %s %s as %s', (date, time, zone, iso) => {
    expect(localToInstant(date, time, zone).toISOString()).toBe(iso);
  });
});
