/** UTC offsets of the agency time zones (Indonesia keeps no daylight saving time). */
const OFFSET_HOURS: Record<string, number> = { WIB: 7, WITA: 8, WIT: 9 };

/** An instant as people in the agency read it, e.g. "2026-12-03 23:59 WIB". */
export function formatLocal(instant: Date, timeZone: string): string {
  const hours = OFFSET_HOURS[timeZone];
  if (hours === undefined) throw new Error(`unknown agency time zone ${timeZone}`);
  const shifted = new Date(instant.getTime() + hours * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)} ${timeZone}`;
}

export function addDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * 86_400_000);
}
