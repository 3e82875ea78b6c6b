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
