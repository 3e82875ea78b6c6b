import { Link } from 'react-router';
import { PageTitle } from '../../components/layout';
import { LocalTime } from '../../components/local-time';
import { type PlacementPeriod, usePlacementPeriods } from '../../hooks/use-placement-periods';
import { usePeriods } from '../../hooks/use-periods';
import { useT } from '../../i18n/locale';

/** Where a period stands, as one phrase: the last long operation that ended. */
export function stageOf(p: PlacementPeriod): string {
  if (p.announcedAt) return 'announced';
  if (p.confirmedAt) return 'confirmed';
  if (p.proposedAt) return 'proposed';
  if (p.rankedAt) return 'ranked';
  return 'waiting';
}

/** The placement officer's start: the periods placement works on, and where each stands. */
export function PlacementPeriodsPage() {
  const t = useT();
  const periods = usePlacementPeriods();
  const names = usePeriods();
  const nameOf = (periodId: string) => {
    const found = names.data?.find((p) => p.id === periodId);
    return found ? `${found.code} — ${found.name}` : periodId;
  };
  return (
    <>
      <PageTitle>{t('staff.workspace.placement')}</PageTitle>
      <p>{t('placement.home.intro')}</p>
      {periods.isPending && <p role="status">{t('common.loading')}</p>}
      {periods.isError && <p role="alert">{t('common.loadFailed')}</p>}
      {periods.data && periods.data.length === 0 && <p>{t('placement.periods.none')}</p>}
      {periods.data && periods.data.length > 0 && (
        <table>
          <caption>{t('placement.periods.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('placement.periods.period')}</th>
              <th scope="col">{t('placement.periods.ruleVersion')}</th>
              <th scope="col">{t('placement.periods.stage')}</th>
              <th scope="col">{t('placement.periods.lastChange')}</th>
            </tr>
          </thead>
          <tbody>
            {periods.data.map((p) => {
              const last = p.announcedAt ?? p.confirmedAt ?? p.proposedAt ?? p.rankedAt;
              return (
                <tr key={p.periodId}>
                  <th scope="row">
                    <Link to={`/staff/placement/periods/${p.periodId}`}>{nameOf(p.periodId)}</Link>
                  </th>
                  <td>{p.ruleVersion}</td>
                  <td>{t(`placement.stage.${stageOf(p)}`)}</td>
                  <td>{last ? <LocalTime at={last} zone={p.timeZone} /> : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
