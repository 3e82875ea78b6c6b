import { AgencyTimeZone, wallClock } from '@seleksi/contracts';

// Times shown to people come from formatLocalTime in @seleksi/time; this is the machine form.
/** ISO 8601 with the agency's offset, e.g. 2026-11-30T23:59:59+07:00. */
export function isoLocal(instant: Date, zone: AgencyTimeZone): string {
  const { date, time, offset } = wallClock(instant, zone);
  return `${date}T${time}${offset}`;
}
