import { AgencyTimeZone, wallClock } from '@seleksi/contracts';

/** The service clock comes from the runtime (CLOCK_FIXED_AT, CLOCK_FILE or the system clock). */
export { Clock } from '@seleksi/messaging';

/** The agency-local calendar date (YYYY-MM-DD) of an instant: a machine value; people see formatLocalDate. */
export function localDate(at: Date, zone: AgencyTimeZone): string {
  return wallClock(at, zone).date;
}
