import { localTime } from './local-time';

describe(localTime.name, () => {
  it.each([
    { zone: 'WIB', shown: '2026-12-01T09:00:00+07:00 WIB' },
    { zone: 'WITA', shown: '2026-12-01T10:00:00+08:00 WITA' },
    { zone: 'WIT', shown: '2026-12-01T11:00:00+09:00 WIT' },
  ])('shows 02:00Z in $zone', ({ zone, shown }) => {
    expect(localTime(new Date('2026-12-01T02:00:00Z'), zone)).toBe(shown);
  });

  it('crosses midnight into the local date', () => {
    expect(localTime(new Date('2026-12-01T20:30:00Z'), 'WIB')).toBe('2026-12-02T03:30:00+07:00 WIB');
  });
});
