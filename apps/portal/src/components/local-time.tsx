import { formatLocalTime, isLocalTimeZone } from '@seleksi/time';
import { useLocale } from '../i18n/locale';

/** An instant in the agency's zone, through the one local-time function; a <time> for machines. */
export function LocalTime({ at, zone }: { at: string; zone: string }) {
  const { locale } = useLocale();
  return <time dateTime={at}>{formatLocalTime(at, isLocalTimeZone(zone) ? zone : 'WIB', locale)}</time>;
}
