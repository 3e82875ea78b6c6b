import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { LocalTime } from '../../components/local-time';
import { LongOperation } from '../../components/long-operation';
import { type FormationDistribution, useDistribution, useFinalization, useSkbPeriod } from '../../hooks/use-skb';
import { useT } from '../../i18n/locale';
import { BandChart } from './distribution-chart';
import { SkbFrame } from './skb-frame';

const OUTCOMES = ['P/L', 'P', 'TL', 'TH', 'DIS'] as const;

function FormationResults({ formation }: { formation: FormationDistribution }) {
  const t = useT();
  const intl = useIntl();
  const id = `formation-${formation.formationCode}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t('skb.results.formation', { code: formation.formationCode, position: formation.position, quota: formation.quota })}</h2>
      <p>
        {t('skb.results.participants', { count: formation.participants })}{' '}
        {formation.meanTotal !== null && t('skb.results.mean', { mean: intl.formatNumber(formation.meanTotal) })}
      </p>
      <table>
        <caption>{t('skb.results.outcomes', { code: formation.formationCode })}</caption>
        <thead>
          <tr>
            {OUTCOMES.map((o) => (
              <th scope="col" key={o}>
                {t(`skb.outcome.${o}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {OUTCOMES.map((o) => (
              <td key={o}>{formation.outcomes[o]}</td>
            ))}
          </tr>
        </tbody>
      </table>
      <div className="side-by-side">
        <figure>
          <figcaption id={`${id}-chart`}>{t('skb.results.chart', { code: formation.formationCode })}</figcaption>
          <BandChart formation={formation} titleId={`${id}-chart`} />
        </figure>
        <table>
          <caption>{t('skb.results.bands', { code: formation.formationCode })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('skb.results.band')}</th>
              <th scope="col">{t('skb.results.count')}</th>
            </tr>
          </thead>
          <tbody>
            {formation.bands.map((b) => (
              <tr key={b.from}>
                <th scope="row">{t(b.to >= 100 ? 'skb.results.bandLast' : 'skb.results.bandRange', { from: b.from, to: b.to })}</th>
                <td>{b.participants}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Finalization, refused while scores are missing, then the outcome and the distribution per formation. */
export function SkbResultsPage() {
  const t = useT();
  const { periodId = '' } = useParams();
  const state = useSkbPeriod(periodId);
  const finalization = useFinalization(periodId);
  const distribution = useDistribution(periodId, Boolean(state.data?.finalizedAt));
  const [confirming, setConfirming] = useState(false);
  const s = state.data;

  return (
    <SkbFrame periodId={periodId} titleKey="skb.results.title">
      {state.isPending && <p role="status">{t('common.loading')}</p>}
      {state.isError && <p role="alert">{t('common.loadFailed')}</p>}
      {s && (
        <>
          <p>{t('skb.period.scores', { complete: s.complete, participants: s.participants })}</p>
          {!s.finalizedAt && !finalization.running && (
            <section aria-labelledby="finalize-title">
              <h2 id="finalize-title">{t('skb.results.finalize')}</h2>
              <p>{t('skb.results.finalizeIntro')}</p>
              {!confirming ? (
                <button type="button" onClick={() => setConfirming(true)}>
                  {t('skb.results.finalize')}
                </button>
              ) : (
                <div role="group" aria-labelledby="confirm-title">
                  <p id="confirm-title" className="warning">
                    {t('skb.results.confirm')}
                  </p>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => {
                      setConfirming(false);
                      finalization.start();
                    }}
                    autoFocus
                  >
                    {t('skb.results.confirmYes')}
                  </button>{' '}
                  <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                    {t('common.cancel')}
                  </button>
                </div>
              )}
            </section>
          )}
          <LongOperation
            id="finalization"
            operation={finalization}
            title={t('skb.results.finalization')}
            running={t('skb.results.finalizing')}
            summary={(r) => (
              <>
                {t('skb.results.finalizedAt')} <LocalTime at={r.finalizedAt} zone={s.timeZone} />.{` ${t('skb.results.ranked', { count: r.participants })}`}
              </>
            )}
          />
          {distribution.isError && <p role="alert">{t('common.loadFailed')}</p>}
          {distribution.data?.formations.map((f) => (
            <FormationResults key={f.formationCode} formation={f} />
          ))}
        </>
      )}
    </SkbFrame>
  );
}
