import { formatLocalDate } from '@seleksi/time';
import { Link, useParams } from 'react-router';
import type { PlacementPeriodDetail } from '../../hooks/use-placement-periods';
import { useSession } from '../../hooks/use-session';
import { useLocale, useT } from '../../i18n/locale';
import { PlacementOperation } from './placement-operation';
import { PlacementFrame } from './placement-frame';

function Operations({ period, isAdmin }: { period: PlacementPeriodDetail; isAdmin: boolean }) {
  const t = useT();
  const frozen = period.announcedAt ? t('placement.op.blocked.announced') : undefined;
  const confirmed = period.confirmedAt ? t('placement.op.blocked.confirmed') : undefined;
  return (
    <>
      <PlacementOperation
        period={period}
        operation="rankings"
        outcome={({ counts: c }) =>
          t('placement.op.rankings.outcome', { formations: c.rankedFormations, ranked: c.ranked, notRanked: c.notRanked, exactTies: c.exactTies })
        }
        blocked={frozen ?? confirmed}
        note={t('placement.op.rankings.note')}
      />
      <PlacementOperation
        period={period}
        operation="proposal"
        outcome={({ counts: c }) =>
          t('placement.op.proposal.outcome', { total: c.proposed + c.confirmed, regular: c.regular, optimalisasi: c.optimalisasi, override: c.override })
        }
        blocked={frozen ?? confirmed ?? (period.rankedAt ? undefined : t('placement.op.blocked.notRanked'))}
        note={t('placement.op.proposal.note')}
      />
      <PlacementOperation
        period={period}
        operation="confirmation"
        outcome={({ counts: c }) => t('placement.op.confirmation.outcome', { confirmed: c.confirmed })}
        blocked={
          frozen ??
          confirmed ??
          (!period.proposedAt
            ? t('placement.op.blocked.noProposal')
            : period.counts.pendingOverrides > 0
              ? t('placement.op.blocked.pendingOverrides', { count: period.counts.pendingOverrides })
              : undefined)
        }
      />
      <PlacementOperation
        period={period}
        operation="announcement"
        outcome={({ counts: c }) => t('placement.op.announcement.outcome', { confirmed: c.confirmed, declined: c.declined, replacement: c.replacement })}
        blocked={frozen ?? (!isAdmin ? t('placement.op.blocked.adminAnnounces') : !period.confirmedAt ? t('placement.op.blocked.notConfirmed') : undefined)}
      />
    </>
  );
}

/** A period's placement: its rules, its formations, and the long operations with where each stands. */
export function PlacementPeriodPage() {
  const t = useT();
  const { periodId = '' } = useParams();
  const session = useSession();
  const { locale } = useLocale();
  return (
    <PlacementFrame periodId={periodId} title={t('placement.period.title')}>
      {(period) => (
        <>
          <section aria-labelledby="rules-title">
            <h2 id="rules-title">{t('placement.rules.title')}</h2>
            <dl className="rules">
              <dt>{t('placement.rules.ruleVersion')}</dt>
              <dd>{period.ruleVersion}</dd>
              <dt>{t('placement.rules.weights')}</dt>
              <dd>{t('placement.rules.weightsValue', { skb: period.stageWeights.skb, interview: period.stageWeights.interview })}</dd>
              <dt>{t('placement.rules.tieBreak')}</dt>
              <dd>{[t('placement.decidedBy.FINAL_SCORE'), ...period.tieBreakChain.map((step) => t(`placement.decidedBy.${step}`))].join(' → ')}</dd>
              <dt>{t('placement.rules.scope')}</dt>
              <dd>{t(`placement.rules.scope.${period.optimalisasiScope}`)}</dd>
              <dt>{t('placement.rules.secondApproval')}</dt>
              <dd>{period.overrideNeedsSecondApproval ? t('common.yes') : t('common.no')}</dd>
              <dt>{t('placement.rules.reportingDate')}</dt>
              <dd>{formatLocalDate(`${period.reportingDate}T12:00:00Z`, 'WIB', locale)}</dd>
            </dl>
          </section>
          <Operations period={period} isAdmin={Boolean(session?.roles.includes('admin'))} />
          <table>
            <caption>{t('placement.formations.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('placement.formations.code')}</th>
                <th scope="col">{t('placement.formations.position')}</th>
                <th scope="col">{t('placement.formations.unit')}</th>
                <th scope="col">{t('placement.formations.quota')}</th>
                <th scope="col">{t('placement.formations.ranked')}</th>
                <th scope="col">{t('placement.formations.notRanked')}</th>
              </tr>
            </thead>
            <tbody>
              {period.formations.map((f) => (
                <tr key={f.formationId}>
                  <th scope="row">
                    <Link to={`/staff/placement/periods/${period.periodId}/rankings/${f.formationId}`}>{f.code}</Link>
                  </th>
                  <td>{f.position}</td>
                  <td>{f.unit}</td>
                  <td>{f.quota}</td>
                  <td>{f.rankedAt ? f.ranked : '—'}</td>
                  <td>{f.rankedAt ? f.notRanked : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </PlacementFrame>
  );
}
