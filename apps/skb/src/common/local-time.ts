/** Agency time zones have fixed offsets (Indonesia has no daylight saving time). */
export const ZONE_OFFSET_HOURS: Record<string, number> = { WIB: 7, WITA: 8, WIT: 9 };

function offsetOf(zone: string): number {
  const hours = ZONE_OFFSET_HOURS[zone];
  if (hours === undefined) throw new Error(`unknown agency time zone ${zone}`);
  return hours;
}

/** `2026-12-01` + `08:00` in WITA → the instant 2026-12-01T00:00:00Z. */
export function localToInstant(date: string, time: string, zone: string): Date {
  const sign = '+';
  const hh = String(offsetOf(zone)).padStart(2, '0');
  return new Date(`${date}T${time}:00${sign}${hh}:00`);
}

/** The instant as people in the agency read it, e.g. `Selasa, 01-12-2026 08:00 WITA`. */
export function formatLocal(instant: Date, zone: string): { date: string; time: string; label: string } {
  const shifted = new Date(instant.getTime() + offsetOf(zone) * 3_600_000);
  const iso = shifted.toISOString();
  const date = `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
  const time = `${iso.slice(11, 16)} ${zone}`;
  return { date, time, label: `${date} ${time}` };
}
