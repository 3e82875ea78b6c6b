import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { PageTitle } from '../../components/layout';
import { usePeriodName } from '../../hooks/use-skb';
import { useT } from '../../i18n/locale';

const SECTIONS = [
  ['', 'skb.nav.overview'],
  ['/venues', 'skb.nav.venues'],
  ['/seats', 'skb.nav.seats'],
  ['/scores', 'skb.nav.scores'],
  ['/results', 'skb.nav.results'],
] as const;

/** A period's SKB page: its title with the period's code, and the workspace's menu of steps. */
export function SkbFrame({ periodId, titleKey, children }: { periodId: string; titleKey: string; children: ReactNode }) {
  const t = useT();
  const period = usePeriodName(periodId);
  const code = period.data?.code ?? '…';
  return (
    <>
      <PageTitle>{t(titleKey, { code })}</PageTitle>
      <nav aria-label={t('skb.nav')}>
        <ul className="links">
          <li>
            <NavLink to="/staff/skb" end>
              {t('skb.nav.periods')}
            </NavLink>
          </li>
          {SECTIONS.map(([suffix, key]) => (
            <li key={key}>
              <NavLink to={`/staff/skb/periods/${periodId}${suffix}`} end>
                {t(key)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </>
  );
}

/**
 * A long step (allocation, import, finalization) while it runs: a progress bar (with a value when
 * the browser knows one, as an upload does) and what is happening, announced.
 */
export function Running({ label, fraction }: { label: string; fraction?: number }) {
  return (
    <div role="status" className="running">
      <progress aria-label={label} {...(fraction !== undefined ? { value: fraction, max: 1 } : {})} />
      <span>{fraction !== undefined ? `${label} ${Math.round(fraction * 100)}%` : label}</span>
    </div>
  );
}
