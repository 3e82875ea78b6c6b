import { formatLocalDate, formatLocalTime, isLocalTimeZone } from '@seleksi/time';

describe(formatLocalTime.name, () => {
  it.each([
    ['2026-11-30T16:59:00Z', 'WIB', 'id', '30 November 2026, 23:59 WIB'],
    ['2026-11-30T16:59:00Z', 'WITA', 'id', '1 Desember 2026, 00:59 WITA'],
    ['2026-11-30T16:59:00Z', 'WIT', 'en', '1 December 2026, 01:59 WIT'],
    ['2026-12-31T17:00:00Z', 'WIB', 'en', '1 January 2027, 00:00 WIB'],
    ['2026-02-28T17:05:00Z', 'WIB', 'id', '1 Maret 2026, 00:05 WIB'],
  ] as const)('shows %s in %s (%s) as %s', (instant, zone, locale, expected) => {
    expect(formatLocalTime(instant, zone, locale)).toBe(expected);
    expect(formatLocalTime(new Date(instant), zone, locale)).toBe(expected);
  });

  it('defaults to Indonesian month names', () => {
    expect(formatLocalTime('2026-08-17T03:00:00Z', 'WIB')).toBe('17 Agustus 2026, 10:00 WIB');
  });

  it('refuses a string that is not an instant', () => {
    expect(() => formatLocalTime('tomorrow', 'WIB')).toThrow(RangeError);
  });
});

describe(formatLocalDate.name, () => {
  it('shows the agency-zone date without a time', () => {
    expect(formatLocalDate('2026-11-30T17:00:00Z', 'WIB', 'en')).toBe('1 December 2026');
  });
});

describe(isLocalTimeZone.name, () => {
  it.each([
    ['WIB', true],
    ['WITA', true],
    ['WIT', true],
    ['UTC', false],
    ['wib', false],
  ])('%s is a zone: %s', (zone, expected) => {
    expect(isLocalTimeZone(zone)).toBe(expected);
  });
});
