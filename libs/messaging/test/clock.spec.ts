import { clockFromSettings, FileOffsetClock, FixedClock, parseClockOffset, SystemClock } from '@seleksi/messaging';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('service clock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'seleksi-clock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('follows the offset in its file, re-reading it when the file changes', () => {
    const file = join(dir, 'offset');
    writeFileSync(file, `${3 * 86_400_000}\n`);
    const clock = new FileOffsetClock(file, 0);
    const shifted = clock.now().getTime() - Date.now();
    expect(shifted).toBeGreaterThan(3 * 86_400_000 - 1_000);
    expect(shifted).toBeLessThanOrEqual(3 * 86_400_000 + 5);

    writeFileSync(file, '-60000');
    utimesSync(file, new Date(), new Date(Date.now() + 10_000)); // a new mtime even within the same millisecond
    const back = clock.now().getTime() - Date.now();
    expect(back).toBeGreaterThan(-61_000);
    expect(back).toBeLessThanOrEqual(-59_990);
  });

  it('runs on the real clock when the file is missing', () => {
    const clock = new FileOffsetClock(join(dir, 'absent'), 0);
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1_000);
  });

  it.each([
    ['86400000', 86_400_000],
    ['+5', 5],
    [' -7 \n', -7],
  ])('reads %j as an offset of %d ms', (text, expected) => {
    expect(parseClockOffset(text)).toBe(expected);
  });

  it.each(['', '1.5', '2027-01-01', '1e9'])('refuses %j as an offset', (text) => {
    expect(() => parseClockOffset(text)).toThrow(/integer number of milliseconds/);
  });

  it('is pinned by CLOCK_FIXED_AT, shifted by CLOCK_FILE, and the system clock otherwise', () => {
    const fixed = clockFromSettings({ CLOCK_FIXED_AT: '2027-01-03T16:59:59Z' });
    expect(fixed).toBeInstanceOf(FixedClock);
    expect(fixed.now().toISOString()).toBe('2027-01-03T16:59:59.000Z');
    expect(clockFromSettings({ CLOCK_FILE: join(dir, 'offset') })).toBeInstanceOf(FileOffsetClock);
    expect(clockFromSettings({})).toBeInstanceOf(SystemClock);
  });
});
