import { useParams } from 'react-router';
import { LocalTime } from '../../components/local-time';
import { usePlacements } from '../../hooks/use-placement-allocation';
import type { PlacementPeriodDetail } from '../../hooks/use-placement-periods';
import { useT } from '../../i18n/locale';
import { PlacementFrame } from './placement-frame';
import { KindTag } from './proposal-page';

function Declines({ period }: { period: PlacementPeriodDetail }) {
  const t = useT();
  const placements = usePlacements(period.periodId);
  if (placements.isPending) return <p role="status">{t('common.loading')}</p>;
  if (!placements.data) return <p role="alert">{t('common.loadFailed')}</p>;
  const declined = placements.data.filter((p) => p.status === 'DECLINED');
  const codeOf = new Map(period.formations.map((f) => [f.formationId, f.code]));
  if (declined.length === 0) return <p>{t('placement.declines.none')}</p>;
  return (
    <table>
      <caption>{t('placement.declines.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('placement.declines.declined')}</th>
          <th scope="col">{t('placement.approvals.formation')}</th>
          <th scope="col">{t('placement.declines.at')}</th>
          <th scope="col">{t('placement.declines.reason')}</th>
          <th scope="col">{t('placement.declines.replacement')}</th>
        </tr>
      </thead>
      <tbody>
        {declined.map((d) => {
          const replacements = placements.data.filter((p) => p.replacesPlacementId === d.placementId);
          return (
            <tr key={d.placementId}>
              <th scope="row">{d.participantNumber ?? d.applicationId}</th>
              <td>{codeOf.get(d.formationId) ?? '?'}</td>
              <td>{d.declinedAt ? <LocalTime at={d.declinedAt} zone={period.timeZone} /> : '—'}</td>
              <td>{d.declineReason ?? '—'}</td>
              <td>
                {replacements.length === 0
                  ? t('placement.declines.noReplacement')
                  : replacements.map((r) => (
                      <p key={r.placementId}>
                        {t('placement.declines.replacedBy', {
                          participant: r.participantNumber ?? r.applicationId,
                          code: codeOf.get(r.sourceFormationId) ?? '?',
                          rank: r.rank,
                        })}{' '}
                        <KindTag kind={r.kind} />
                      </p>
                    ))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Declines after the announcement, and the replacements each one brought in. */
export function PlacementDeclinesPage() {
  const t = useT();
  const { periodId = '' } = useParams();
  return (
    <PlacementFrame periodId={periodId} title={t('placement.declines.title')}>
      {(period) => <Declines period={period} />}
    </PlacementFrame>
  );
}
