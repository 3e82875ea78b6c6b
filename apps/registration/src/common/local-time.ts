import { AgencyTimeZone, wallClock } from '@seleksi/contracts';

const IANA: Record<AgencyTimeZone, string> = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' };

// Building an Intl formatter costs far more than using one; one per zone, made on first use.
const FORMATTERS = new Map<AgencyTimeZone, Intl.DateTimeFormat>();

function formatterOf(zone: AgencyTimeZone): Intl.DateTimeFormat {
  let formatter = FORMATTERS.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone: IANA[zone],
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    FORMATTERS.set(zone, formatter);
  }
  return formatter;
}

/** "30 November 2026 at 23:59 WIB": how an instant is shown to people of an agency. */
export function formatLocal(instant: Date, zone: AgencyTimeZone): string {
  return `${formatterOf(zone).format(instant).replace(',', ' at')} ${zone}`;
}

/** ISO 8601 with the agency's offset, e.g. 2026-11-30T23:59:59+07:00. */
export function isoLocal(instant: Date, zone: AgencyTimeZone): string {
  const { date, time, offset } = wallClock(instant, zone);
  return `${date}T${time}${offset}`;
}
