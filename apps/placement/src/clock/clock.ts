/** The service clock comes from the runtime (CLOCK_FIXED_AT, CLOCK_FILE or the system clock). */
export { Clock } from '@seleksi/messaging';

const OFFSET_HOURS = { WIB: 7, WITA: 8, WIT: 9 } as const;
export type AgencyZone = keyof typeof OFFSET_HOURS;

/** The agency-local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(at: Date, zone: AgencyZone): string {
  return new Date(at.getTime() + OFFSET_HOURS[zone] * 3_600_000).toISOString().slice(0, 10);
}

/** An instant as people of the agency read it, e.g. "2027-01-03 23:59 WIB". */
export function localTime(at: Date, zone: AgencyZone): string {
  const shifted = new Date(at.getTime() + OFFSET_HOURS[zone] * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)} ${zone}`;
}
