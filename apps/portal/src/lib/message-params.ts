import { formatLocalDate, formatLocalTime, isLocalTimeZone } from '@seleksi/time';
import type { Locale } from '../i18n/locale';

type Params = Record<string, string | number | boolean | string[]>;
type Translate = {
  (id: string, values?: Record<string, string | number>): string;
  or(id: string, fallback: string, values?: Record<string, string | number>): string;
};

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An API message's `params` as catalogue values: instants in the agency's zone (`zone` param, else
 * the period's) through the one local-time function, dates likewise, reason codes and results as
 * their own catalogue texts.
 */
export function messageValues(t: Translate, locale: Locale, params: Params, fallbackZone: string): Record<string, string | number> {
  const zoneName = typeof params.zone === 'string' ? params.zone : fallbackZone;
  const zone = isLocalTimeZone(zoneName) ? zoneName : 'WIB';
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) values[key] = value.map((v) => (key === 'reasons' ? t.or(`reason.${v}`, v) : v)).join('; ');
    else if (typeof value === 'boolean') values[key] = t(value ? 'common.yes' : 'common.no');
    else if (typeof value === 'number') values[key] = value;
    else if (INSTANT.test(value)) values[key] = formatLocalTime(value, zone, locale);
    else if (DATE.test(value)) values[key] = formatLocalDate(`${value}T00:00:00.000Z`, zone, locale);
    else if (key === 'result' || key === 'resultingResult' || key === 'outcome') values[key] = t.or(`outcomeCode.${value}`, value);
    else values[key] = value;
  }
  return values;
}
