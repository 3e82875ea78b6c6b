import { useParams } from 'react-router';
import { useSkbPeriod } from '../../hooks/use-skb';
import { useT } from '../../i18n/locale';
import { ScoreGrid } from './score-grid';
import { ScoreImport } from './score-import';
import { SkbFrame } from './skb-frame';

/** The CAT score import with its report, and the grid of practical scores and attendance. */
export function SkbScoresPage() {
  const t = useT();
  const { periodId = '' } = useParams();
  const state = useSkbPeriod(periodId);
  const s = state.data;
  return (
    <SkbFrame periodId={periodId} titleKey="skb.scores.title">
      {state.isPending && <p role="status">{t('common.loading')}</p>}
      {state.isError && <p role="alert">{t('common.loadFailed')}</p>}
      {s && (
        <>
          <p>{t('skb.period.scores', { complete: s.complete, participants: s.participants })}</p>
          <ScoreImport periodId={periodId} zone={s.timeZone} finalized={Boolean(s.finalizedAt)} />
          <ScoreGrid period={s} />
        </>
      )}
    </SkbFrame>
  );
}
