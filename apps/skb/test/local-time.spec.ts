import { localToInstant } from '@seleksi/contracts';
import { formatLocal } from '../src/common/local-time';

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

describe('formatLocal', () => {
  it.each([
    ['2026-12-08T01:00:00.000Z', 'WIB', '08-12-2026 08:00 WIB'],
    ['2026-12-08T01:00:00.000Z', 'WIT', '08-12-2026 10:00 WIT'],
    ['2026-12-31T17:30:00.000Z', 'WITA', '01-01-2027 01:30 WITA'],
  ])('shows %s in %s as %s', (iso, zone, label) => {
    expect(formatLocal(new Date(iso), zone).label).toBe(label);
  });
});
