import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/layout';
import { LocalTime } from '../../components/local-time';
import { useAdminPeriods, useOverdueAppeals } from '../../hooks/use-admin-periods';
import { useT } from '../../i18n/locale';
import { FormationsSection, LifecycleSection, VerifiersSection } from './period-sections';
import { OversightNav } from './oversight/oversight-nav';

/** The admin's start: every period with its status and closing time. */
export function PeriodsPage() {
  const t = useT();
  const periods = useAdminPeriods();
  return (
    <>
      <PageTitle>{t('staff.workspace.admin')}</PageTitle>
      <p>{t('admin.home.intro')}</p>
      <p>
        <Link to="/staff/admin/periods/new">{t('admin.periods.new')}</Link>
      </p>
      <OversightNav />
      {periods.isPending && <p role="status">{t('common.loading')}</p>}
      {periods.isError && <p role="alert">{t('common.loadFailed')}</p>}
      {periods.data && (
        <table>
          <caption>{t('admin.periods.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.periods.code')}</th>
              <th scope="col">{t('admin.periods.name')}</th>
              <th scope="col">{t('admin.periods.status')}</th>
              <th scope="col">{t('admin.periods.closes')}</th>
            </tr>
          </thead>
          <tbody>
            {periods.data.map((period) => (
              <tr key={period.id}>
                <th scope="row">
                  <Link to={`/staff/admin/periods/${period.id}`}>{period.code}</Link>
                </th>
                <td>{period.name}</td>
                <td>{t(`admin.periods.status.${period.status}`)}</td>
                <td>
                  <LocalTime at={period.registrationClosesAt} zone={period.timeZone} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** A period: its rules, its steps (open, close, announce, finalize), formations and quotas, verifiers and their distribution, overdue appeals. */
export function PeriodPage() {
  const t = useT();
  const { periodId = '' } = useParams();
  const periods = useAdminPeriods();
  const overdue = useOverdueAppeals(periodId);
  const period = periods.data?.find((p) => p.id === periodId);
  if (periods.isPending) return <p role="status">{t('common.loading')}</p>;
  if (!period) return <p role="alert">{t('common.loadFailed')}</p>;
  const rules: [string, string][] = [
    ['admin.rules.ruleVersion', period.ruleVersion],
    ['admin.rules.ageReferenceDate', period.ageReferenceDate],
    ['admin.rules.appealFilingDays', String(period.appealFilingDays)],
    ['admin.rules.appealAnsweringDays', String(period.appealAnsweringDays)],
    ['admin.rules.stageWeights', `SKB ${period.stageWeights.skb}, ${t('admin.rules.interview')} ${period.stageWeights.interview}`],
    ['admin.rules.tieBreak', period.tieBreakChain.map((step) => t(`admin.rules.tieBreak.${step}`)).join(' → ')],
    ['admin.rules.skb', period.skb.components.map((c) => `${c.label} ${c.weight}% (${c.passingGrade}/${c.maxScore})`).join(', ')],
    [
      'admin.rules.skbTotals',
      t('admin.rules.skbTotalsValue', { grade: period.skb.totalPassingGrade, factor: period.skb.proceedFactor, minutes: period.skb.disabilityExtraMinutes }),
    ],
    ['admin.rules.calibrationThreshold', String(period.interview.calibrationThreshold)],
    ['admin.rules.scale', `${period.interview.scaleMin}–${period.interview.scaleMax}`],
    ['admin.rules.minimumPanelSize', String(period.interview.minimumPanelSize)],
    [
      'admin.rules.placement',
      `${t(`admin.periodForm.scope.${period.placement.optimalisasiScope ?? 'POSITION_AND_EDUCATION'}`)}; ${period.placement.reportingDate}`,
    ],
  ];
  return (
    <>
      <PageTitle>{t('admin.period.title', { code: period.code })}</PageTitle>
      <p>
        <Link to="/staff/admin">{t('admin.period.back')}</Link>
      </p>
      <p>
        {period.name}, {period.agencyName}. {t('admin.periods.closes')}: <LocalTime at={period.registrationClosesAt} zone={period.timeZone} />
      </p>
      <LifecycleSection period={period} />
      <section aria-labelledby="rules-title">
        <h2 id="rules-title">{t('admin.rules.title')}</h2>
        <dl>
          {rules.map(([key, value]) => (
            <div key={key}>
              <dt>{t(key)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {period.status === 'draft' && (
          <p>
            <Link to={`/staff/admin/periods/${period.id}/edit`}>{t('admin.period.edit')}</Link>
          </p>
        )}
      </section>
      <FormationsSection period={period} />
      <VerifiersSection period={period} />
      <section aria-labelledby="overdue-title">
        <h2 id="overdue-title">{t('admin.overdue.title')}</h2>
        {overdue.isError && <p role="alert">{t('common.loadFailed')}</p>}
        {overdue.data && overdue.data.length === 0 && <p>{t('admin.overdue.none')}</p>}
        {overdue.data && overdue.data.length > 0 && (
          <ul>
            {overdue.data.map((appeal) => (
              <li key={appeal.appealId}>{t('admin.overdue.item', { due: appeal.answerDueAtLocal })}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
