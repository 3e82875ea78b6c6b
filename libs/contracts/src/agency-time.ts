import { AgencyTimeZone, TIME_ZONES } from './payloads/common';

/** Indonesia's three zones have fixed offsets: no daylight saving time. */
export const AGENCY_ZONE_OFFSET_HOURS: Record<AgencyTimeZone, number> = { WIB: 7, WITA: 8, WIT: 9 };

export function isAgencyTimeZone(zone: string): zone is AgencyTimeZone {
  return (TIME_ZONES as readonly string[]).includes(zone);
}

/** Hours ahead of UTC; a zone that is not WIB, WITA or WIT is a programming error, not input. */
export function agencyOffsetHours(zone: string): number {
  if (!isAgencyTimeZone(zone)) throw new Error(`unknown agency time zone ${zone}`);
  return AGENCY_ZONE_OFFSET_HOURS[zone];
}

/** What the agency's wall clock shows at an instant: `2026-12-15`, `23:59:00`, `+07:00`. */
export function wallClock(instant: Date, zone: string): { date: string; time: string; offset: string } {
  const hours = agencyOffsetHours(zone);
  const shifted = new Date(instant.getTime() + hours * 3_600_000).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 19), offset: `+${String(hours).padStart(2, '0')}:00` };
}

/** The instant at which the agency's wall clock shows `date` (YYYY-MM-DD) and `time` (HH:mm). */
export function localToInstant(date: string, time: string, zone: string): Date {
  const { offset } = wallClock(new Date(0), zone);
  return new Date(`${date}T${time}:00${offset}`);
}
