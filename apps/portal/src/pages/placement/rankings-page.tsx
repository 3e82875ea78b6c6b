import { useIntl } from 'react-intl';
import { NavLink, useParams } from 'react-router';
import { LocalTime } from '../../components/local-time';
import { type RankingEntry, useRanking } from '../../hooks/use-placement-allocation';
import type { PlacementPeriodDetail } from '../../hooks/use-placement-periods';
import { useT } from '../../i18n/locale';
import { PlacementFrame } from './placement-frame';

/** What put a candidate below the one above, in words: the final score, the tie-break step (its place in the chain), or an exact tie. */
function decidedBy(t: ReturnType<typeof useT>, entry: RankingEntry, chain: string[]): string {
  if (entry.rank === null) return t(`placement.notRanked.${entry.explanation.notRankedBecause ?? 'SKB_RESULT_MISSING'}`);
  if (entry.decidedBy === null) return t('placement.decidedBy.first');
  if (entry.decidedBy === 'FINAL_SCORE') return t('placement.decidedBy.finalScore');
  if (entry.decidedBy === 'APPLICATION_ID') return t('placement.decidedBy.exactTie');
  return t('placement.decidedBy.step', { step: chain.indexOf(entry.decidedBy) + 1, rule: t(`placement.decidedBy.${entry.decidedBy}`) });
}

function Explanation({ entry }: { entry: RankingEntry }) {
  const t = useT();
  const intl = useIntl();
  const n = (v: number) => intl.formatNumber(v, { maximumFractionDigits: 4 });
  const who = entry.participantNumber ?? entry.applicationId;
  return (
    <details>
      <summary>{t('placement.ranking.explain', { participant: who })}</summary>
      <table>
        <caption>{t('placement.ranking.explanation', { participant: who })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('placement.ranking.stage')}</th>
            <th scope="col">{t('placement.ranking.score')}</th>
            <th scope="col">{t('placement.ranking.weight')}</th>
            <th scope="col">{t('placement.ranking.contribution')}</th>
          </tr>
        </thead>
        <tbody>
          {entry.explanation.components.map((c) => (
            <tr key={c.stage}>
              <th scope="row">{t(`placement.stage.${c.stage}`)}</th>
              <td>{n(c.score)}</td>
              <td>{intl.formatNumber(c.weight / 100, { style: 'percent', maximumFractionDigits: 2 })}</td>
              <td>{n(c.contribution)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('placement.ranking.final')}</th>
            <td colSpan={3}>{entry.explanation.finalScore === null ? '—' : n(entry.explanation.finalScore)}</td>
          </tr>
        </tbody>
      </table>
      <p>{t('placement.ranking.ruleVersion', { version: entry.explanation.ruleVersion })}</p>
    </details>
  );
}

function FormationRanking({ period, formationId }: { period: PlacementPeriodDetail; formationId: string }) {
  const t = useT();
  const intl = useIntl();
  const ranking = useRanking(period.periodId, formationId);
  const formation = period.formations.find((f) => f.formationId === formationId);
  if (!formation) return <p role="alert">{t('error.FORMATION_NOT_FOUND')}</p>;
  if (ranking.isPending) return <p role="status">{t('common.loading')}</p>;
  if (ranking.isError) return <p role="alert">{t('common.loadFailed')}</p>;
  const title = t('placement.ranking.caption', { code: formation.code, position: formation.position, quota: formation.quota });
  if (!ranking.data) return <p>{t('placement.ranking.notYet', { code: formation.code })}</p>;
  return (
    <section aria-labelledby="ranking-title">
      <h2 id="ranking-title">{title}</h2>
      <p>
        {t('placement.ranking.computedAt')} <LocalTime at={ranking.data.computedAt} zone={period.timeZone} />.{' '}
        {t('placement.ranking.digest', { digest: ranking.data.inputsDigest.slice(0, 12) })}
      </p>
      <table>
        <caption>{t('placement.ranking.tableCaption', { code: formation.code })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('placement.ranking.rank')}</th>
            <th scope="col">{t('placement.ranking.participant')}</th>
            <th scope="col">{t('placement.ranking.final')}</th>
            <th scope="col">{t('placement.ranking.decidedBy')}</th>
            <th scope="col">{t('placement.ranking.explanationColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {ranking.data.entries.map((entry) => (
            <tr key={entry.applicationId} className={entry.rank !== null && entry.rank <= formation.quota ? 'within-quota' : undefined}>
              <td>{entry.rank ?? '—'}</td>
              <th scope="row">{entry.participantNumber ?? entry.applicationId}</th>
              <td>{entry.finalScore === null ? '—' : intl.formatNumber(entry.finalScore, { maximumFractionDigits: 4 })}</td>
              <td>
                {decidedBy(t, entry, period.tieBreakChain)}
                {entry.exactTie && <strong className="tag">{t('placement.ranking.exactTieTag')}</strong>}
              </td>
              <td>
                <Explanation entry={entry} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Rankings per formation, each candidate with their explanation: components, weights, and what decided their place. */
export function PlacementRankingsPage() {
  const t = useT();
  const { periodId = '', formationId } = useParams();
  return (
    <PlacementFrame periodId={periodId} title={t('placement.rankings.title')}>
      {(period) => {
        const shown = formationId ?? period.formations[0]?.formationId;
        return (
          <>
            <p>
              {t('placement.rules.tieBreak')}:{' '}
              {[t('placement.decidedBy.FINAL_SCORE'), ...period.tieBreakChain.map((step) => t(`placement.decidedBy.${step}`))].join(' → ')}
            </p>
            <nav aria-label={t('placement.rankings.formations')}>
              <ul className="links inline-links">
                {period.formations.map((f) => (
                  <li key={f.formationId}>
                    <NavLink to={`/staff/placement/periods/${periodId}/rankings/${f.formationId}`} aria-current={f.formationId === shown ? 'page' : undefined}>
                      {f.code}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            {shown ? <FormationRanking period={period} formationId={shown} /> : <p>{t('placement.rankings.noFormations')}</p>}
          </>
        );
      }}
    </PlacementFrame>
  );
}
