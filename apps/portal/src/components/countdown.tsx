import { useEffect, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { formatLocalTime, type LocalTimeZone } from '@seleksi/time';
import { useLocale } from '../i18n/locale';

function parts(ms: number) {
  const total = Math.max(0, Math.floor(ms / 1000));
  return { days: Math.floor(total / 86400), hours: Math.floor((total % 86400) / 3600), minutes: Math.floor((total % 3600) / 60) };
}

/** "closes 15 December 2026, 23:59 WIB (3 days 4 hours 5 minutes left)", in the agency's zone, ticking each minute. */
export function Countdown({ until, zone, labelId }: { until: string; zone: LocalTimeZone; labelId: string }) {
  const { locale } = useLocale();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  const left = new Date(until).getTime() - now;
  return (
    <p className="countdown">
      <FormattedMessage id={labelId} values={{ time: formatLocalTime(until, zone, locale) }} />{' '}
      {left > 0 ? (
        <span>
          <FormattedMessage id="countdown.left" values={parts(left)} />
        </span>
      ) : (
        <strong>
          <FormattedMessage id="countdown.passed" />
        </strong>
      )}
    </p>
  );
}
