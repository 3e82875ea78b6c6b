import { useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../../components/layout';
import { useAdminPeriods } from '../../../hooks/use-admin-periods';
import { FUNNEL_STEPS, usePeriodFunnel, useRaterStatistics } from '../../../hooks/use-admin-oversight';
import { useT } from '../../../i18n/locale';
import { BarChart } from './bar-chart';
import { OversightNav } from './oversight-nav';

/** Every period, each with a link to its dashboard. */
export function DashboardsPage() {
  const t = useT();
  const periods = useAdminPeriods();
  return (
    <div className="staff-page">
      <PageTitle>{t('oversight.dashboards.title')}</PageTitle>
      <OversightNav />
      {periods.isPending && <p role="status">{t('common.loading')}</p>}
      {periods.isError && <p role="alert">{t('common.loadFailed')}</p>}
      {periods.data && (
        <ul>
          {periods.data.map((period) => (
            <li key={period.id}>
              <Link to={`/staff/admin/oversight/periods/${period.id}`}>{t('oversight.dashboard.linkFor', { code: period.code, name: period.name })}</Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * A period at a glance: the funnel per formation (applied → submitted → MS → SKB P/L → interviewed →
 * placed), each step counted by the service that owns it, and the interview panelists' rater
 * statistics. Every chart has its numbers in a table beside it.
 */
export function DashboardPage() {
  const t = useT();
  const { periodId = '' } = useParams();
  const periods = useAdminPeriods();
  const period = periods.data?.find((p) => p.id === periodId);
  if (periods.isPending) return <p role="status">{t('common.loading')}</p>;
  if (!period) return <p role="alert">{t('common.loadFailed')}</p>;
  return (
    <div className="staff-page">
      <PageTitle>{t('oversight.dashboard.title', { code: period.code })}</PageTitle>
      <OversightNav />
      <p>{period.name}</p>
      <Funnel periodId={periodId} />
      <Raters periodId={periodId} />
    </div>
  );
}

function Funnel({ periodId }: { periodId: string }) {
  const t = useT();
  const funnel = usePeriodFunnel(periodId);
  const stepLabel = (step: string) => t(`oversight.funnel.${step}`);
  return (
    <section aria-labelledby="funnel-title">
      <h2 id="funnel-title">{t('oversight.funnel.title')}</h2>
      {funnel.pending && <p role="status">{t('common.loading')}</p>}
      {funnel.failed && <p role="alert">{t('common.loadFailed')}</p>}
      {funnel.rows && funnel.rows.length === 0 && <p>{t('oversight.funnel.none')}</p>}
      {funnel.rows && funnel.rows.length > 0 && (
        <>
          <table>
            <caption>{t('oversight.funnel.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('oversight.funnel.formation')}</th>
                {FUNNEL_STEPS.map((step) => (
                  <th scope="col" key={step}>
                    {stepLabel(step)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {funnel.rows.map((row) => (
                <tr key={row.formationId}>
                  <th scope="row">{row.code}</th>
                  {FUNNEL_STEPS.map((step) => (
                    <td key={step}>{row.steps[step]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <div className="side-by-side">
            {funnel.rows.map((row) => (
              <BarChart
                key={row.formationId}
                title={t('oversight.funnel.chartTitle', { code: row.code })}
                description={t('oversight.funnel.chartDescription')}
                bars={FUNNEL_STEPS.map((step) => ({ label: stepLabel(step), value: row.steps[step] }))}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function Raters({ periodId }: { periodId: string }) {
  const t = useT();
  const intl = useIntl();
  const raters = useRaterStatistics(periodId);
  const decimal = (value: number) => intl.formatNumber(value, { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
  const plain = (value: number) => intl.formatNumber(value, { maximumFractionDigits: 2 });
  const percent = (value: number) => intl.formatNumber(value, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <section aria-labelledby="raters-title">
      <h2 id="raters-title">{t('oversight.raters.title')}</h2>
      <p className="muted">{t('oversight.raters.intro')}</p>
      {raters.isPending && <p role="status">{t('common.loading')}</p>}
      {raters.isError && <p role="alert">{t('common.loadFailed')}</p>}
      {raters.data && raters.data.length === 0 && <p>{t('oversight.raters.none')}</p>}
      {raters.data && raters.data.length > 0 && (
        <>
          <table>
            <caption>{t('oversight.raters.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('oversight.raters.panelist')}</th>
                <th scope="col">{t('oversight.raters.scored')}</th>
                <th scope="col">{t('oversight.raters.leniency')}</th>
                <th scope="col">{t('oversight.raters.spread')}</th>
                <th scope="col">{t('oversight.raters.disagreement')}</th>
              </tr>
            </thead>
            <tbody>
              {raters.data.map((r) => (
                <tr key={r.panelistId}>
                  <th scope="row">{r.displayName || r.panelistId}</th>
                  <td>{r.scored}</td>
                  <td>{decimal(r.meanDeviation)}</td>
                  <td>{plain(r.spread)}</td>
                  <td>{percent(r.disagreementRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="side-by-side">
            <BarChart
              title={t('oversight.raters.leniency')}
              description={t('oversight.raters.leniencyDescription')}
              bars={raters.data.map((r) => ({ label: r.displayName || r.panelistId, value: r.meanDeviation }))}
              format={decimal}
            />
            <BarChart
              title={t('oversight.raters.spread')}
              description={t('oversight.raters.spreadDescription')}
              bars={raters.data.map((r) => ({ label: r.displayName || r.panelistId, value: r.spread }))}
              format={plain}
            />
          </div>
        </>
      )}
    </section>
  );
}
