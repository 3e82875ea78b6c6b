import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/layout';
import { LocalTime } from '../../components/local-time';
import { type SkbPeriod, useSkbPeriod, useSkbPeriods } from '../../hooks/use-skb';
import { useT } from '../../i18n/locale';
import { SkbFrame } from './skb-frame';

/** Where a period's SKB stands, as one word: the furthest step the service holds. */
export function stageOf(p: SkbPeriod): 'finalized' | 'published' | 'allocated' | 'preparing' {
  if (p.finalizedAt) return 'finalized';
  if (p.allocationPublishedAt) return 'published';
  if (p.seated > 0) return 'allocated';
  return 'preparing';
}

/** The SKB officer's start: every period that reached SKB, with where its SKB stands. */
export function SkbPeriodsPage() {
  const t = useT();
  const periods = useSkbPeriods();
  return (
    <>
      <PageTitle>{t('staff.workspace.skb')}</PageTitle>
      <p>{t('skb.home.intro')}</p>
      {periods.isPending && <p role="status">{t('common.loading')}</p>}
      {periods.isError && <p role="alert">{t('common.loadFailed')}</p>}
      {periods.data && periods.data.length === 0 && <p>{t('skb.periods.none')}</p>}
      {periods.data && periods.data.length > 0 && (
        <table>
          <caption>{t('skb.periods.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('skb.periods.code')}</th>
              <th scope="col">{t('skb.periods.name')}</th>
              <th scope="col">{t('skb.periods.participants')}</th>
              <th scope="col">{t('skb.periods.stage')}</th>
            </tr>
          </thead>
          <tbody>
            {periods.data.map((p) => (
              <tr key={p.periodId}>
                <th scope="row">
                  <Link to={`/staff/skb/periods/${p.periodId}`}>{p.code ?? p.periodId}</Link>
                </th>
                <td>{p.name ?? '—'}</td>
                <td>{p.participants}</td>
                <td>{t(`skb.stage.${stageOf(p)}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** A period's SKB at a glance: each step with what the service holds, and the way to it. */
export function SkbPeriodPage() {
  const t = useT();
  const { periodId = '' } = useParams();
  const state = useSkbPeriod(periodId);
  const s = state.data;
  return (
    <SkbFrame periodId={periodId} titleKey="skb.period.title">
      {state.isPending && <p role="status">{t('common.loading')}</p>}
      {state.isError && <p role="alert">{t('common.loadFailed')}</p>}
      {s && (
        <>
          <p>{t(`skb.stage.${stageOf(s)}`)}</p>
          <ol className="steps-done">
            <li>
              <Link to="venues">{t('skb.nav.venues')}</Link>: {t('skb.period.venues', { venues: s.venues, sessions: s.sessions, capacity: s.capacity })}
            </li>
            <li>
              <Link to="seats">{t('skb.nav.seats')}</Link>: {t('skb.period.seats', { seated: s.seated, participants: s.participants })}{' '}
              {s.allocationPublishedAt ? (
                <>
                  {t('skb.seats.publishedAt')} <LocalTime at={s.allocationPublishedAt} zone={s.timeZone} />
                </>
              ) : (
                t('skb.seats.notPublished')
              )}
            </li>
            <li>
              <Link to="scores">{t('skb.nav.scores')}</Link>: {t('skb.period.scores', { complete: s.complete, participants: s.participants })}
            </li>
            <li>
              <Link to="results">{t('skb.nav.results')}</Link>:{' '}
              {s.finalizedAt ? (
                <>
                  {t('skb.results.finalizedAt')} <LocalTime at={s.finalizedAt} zone={s.timeZone} />
                </>
              ) : (
                t('skb.results.notFinal')
              )}
            </li>
          </ol>
          <table>
            <caption>{t('skb.period.components')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('skb.component.name')}</th>
                <th scope="col">{t('skb.component.source')}</th>
                <th scope="col">{t('skb.component.weight')}</th>
                <th scope="col">{t('skb.component.max')}</th>
                <th scope="col">{t('skb.component.passing')}</th>
              </tr>
            </thead>
            <tbody>
              {s.components.map((c) => (
                <tr key={c.component}>
                  <th scope="row">{c.label}</th>
                  <td>{t(`skb.component.source.${c.source}`)}</td>
                  <td>{c.weight}%</td>
                  <td>{c.maxScore}</td>
                  <td>{c.passingGrade}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </SkbFrame>
  );
}
