/**
 * The one way Seleksi shows an instant to people: the services' human-readable fields, their
 * e-mails and the portal all call `formatLocalTime`. No dependencies and no Intl, so the browser
 * bundle and the services get the same text on every platform and Node build.
 */
export type LocalTimeZone = 'WIB' | 'WITA' | 'WIT';
export type LocalTimeLocale = 'id' | 'en';

/** Indonesia's three zones have fixed offsets: no daylight saving time. */
const OFFSET_HOURS: Record<LocalTimeZone, number> = { WIB: 7, WITA: 8, WIT: 9 };

const MONTHS: Record<LocalTimeLocale, readonly string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

export function isLocalTimeZone(zone: string): zone is LocalTimeZone {
  return zone === 'WIB' || zone === 'WITA' || zone === 'WIT';
}

/** The agency's wall clock at an instant, as numbers. */
export function wallClockParts(instant: Date | string, zone: LocalTimeZone): { year: number; month: number; day: number; hour: number; minute: number } {
  const time = (typeof instant === 'string' ? new Date(instant) : instant).getTime();
  if (Number.isNaN(time)) throw new RangeError(`not an instant: ${String(instant)}`);
  const shifted = new Date(time + OFFSET_HOURS[zone] * 3_600_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/**
 * "30 November 2026, 23:59 WIB" (Indonesian month names by default; "en" gives English ones):
 * day, month name, year, 24-hour time and the zone's name, in the agency's zone.
 */
export function formatLocalTime(instant: Date | string, zone: LocalTimeZone, locale: LocalTimeLocale = 'id'): string {
  const { year, month, day, hour, minute } = wallClockParts(instant, zone);
  const hh = String(hour).padStart(2, '0');
  const mm = String(minute).padStart(2, '0');
  return `${day} ${MONTHS[locale][month - 1]} ${year}, ${hh}:${mm} ${zone}`;
}

/** "30 November 2026": a date alone (a birth date, a reference date), same month names. */
export function formatLocalDate(instant: Date | string, zone: LocalTimeZone, locale: LocalTimeLocale = 'id'): string {
  const { year, month, day } = wallClockParts(instant, zone);
  return `${day} ${MONTHS[locale][month - 1]} ${year}`;
}
