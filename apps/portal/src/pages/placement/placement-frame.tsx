import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { PageTitle } from '../../components/layout';
import { usePeriods } from '../../hooks/use-periods';
import { type PlacementPeriodDetail, usePlacementPeriod } from '../../hooks/use-placement-periods';
import { useT } from '../../i18n/locale';

/** A period's name as registration publishes it (code and name), or its id when registration does not list it. */
export function usePeriodLabel(periodId: string): string {
  const periods = usePeriods();
  const found = periods.data?.find((p) => p.id === periodId);
  return found ? `${found.code} — ${found.name}` : periodId;
}

const SECTIONS = [
  ['', 'placement.nav.overview'],
  ['/rankings', 'placement.nav.rankings'],
  ['/proposal', 'placement.nav.proposal'],
  ['/approvals', 'placement.nav.approvals'],
  ['/declines', 'placement.nav.declines'],
  ['/report', 'placement.nav.report'],
] as const;

/** The placement workspace's menu within one period. */
export function PlacementNav({ periodId }: { periodId: string }) {
  const t = useT();
  const base = `/staff/placement/periods/${periodId}`;
  return (
    <nav aria-label={t('placement.nav')}>
      <ul className="links inline-links">
        <li>
          <Link to="/staff/placement">{t('placement.nav.periods')}</Link>
        </li>
        {SECTIONS.map(([path, key]) => (
          <li key={key}>
            <NavLink to={`${base}${path}`} end>
              {t(key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The frame of every page of a period: the title, the period's name, the menu, then the page with the
 * period as placement holds it (read back from the service on every visit).
 */
export function PlacementFrame({ periodId, title, children }: { periodId: string; title: string; children: (period: PlacementPeriodDetail) => ReactNode }) {
  const t = useT();
  const period = usePlacementPeriod(periodId);
  const label = usePeriodLabel(periodId);
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <p>{t('placement.period.of', { period: label })}</p>
      <PlacementNav periodId={periodId} />
      {period.isPending && <p role="status">{t('common.loading')}</p>}
      {period.isError && <p role="alert">{t('common.loadFailed')}</p>}
      {period.data && children(period.data)}
    </>
  );
}
