import { wallClock } from '@seleksi/contracts';

/** An instant as people in the agency read it, e.g. "2026-12-03 23:59 WIB". */
export function formatLocal(instant: Date, timeZone: string): string {
  const { date, time } = wallClock(instant, timeZone);
  return `${date} ${time.slice(0, 5)} ${timeZone}`;
}

export function addDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * 86_400_000);
}
