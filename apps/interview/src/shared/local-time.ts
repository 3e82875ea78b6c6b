const OFFSET_HOURS: Record<string, number> = { WIB: 7, WITA: 8, WIT: 9 };

/**
 * An instant as the agency's wall clock shows it, with the offset and zone name,
 * e.g. `2026-12-01T09:00:00+07:00 WIB`. People read local time; storage keeps the instant.
 */
export function localTime(instant: Date, zone: string): string {
  const hours = OFFSET_HOURS[zone];
  if (hours === undefined) throw new Error(`unknown agency time zone ${zone}`);
  const shifted = new Date(instant.getTime() + hours * 3_600_000).toISOString().slice(0, 19);
  return `${shifted}+${String(hours).padStart(2, '0')}:00 ${zone}`;
}
