import { wallClock } from '@seleksi/contracts';

/**
 * An instant as the agency's wall clock shows it, with the offset and zone name,
 * e.g. `2026-12-01T09:00:00+07:00 WIB`. People read local time; storage keeps the instant.
 */
export function localTime(instant: Date, zone: string): string {
  const { date, time, offset } = wallClock(instant, zone);
  return `${date}T${time}${offset} ${zone}`;
}
