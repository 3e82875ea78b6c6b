import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { type PlacementItem, useOverrides, usePlacements, useRankings } from '../../hooks/use-placement-allocation';
import type { PlacementPeriodDetail } from '../../hooks/use-placement-periods';
import { useT } from '../../i18n/locale';
import { type Candidate, OverrideForm } from './override-form';
import { PlacementFrame } from './placement-frame';

/** The kind of a placement, marked in words and in the row's style (regular, optimalisasi, override, replacement). */
export function KindTag({ kind }: { kind: string }) {
  const t = useT();
  return <span className={`tag kind-${kind.toLowerCase()}`}>{t(`placement.kind.${kind}`)}</span>;
}

function Proposal({ period }: { period: PlacementPeriodDetail }) {
  const t = useT();
  const intl = useIntl();
  const placements = usePlacements(period.periodId);
  const overrides = useOverrides(period.periodId, 'APPLIED');
  const rankings = useRankings(
    period.periodId,
    period.formations.map((f) => f.formationId),
  );
  const [open, setOpen] = useState<string>();
  const [done, setDone] = useState<string>();
  if (placements.isPending) return <p role="status">{t('common.loading')}</p>;
  if (!placements.data) return <p role="alert">{t('common.loadFailed')}</p>;
  const current = placements.data.filter((p) => p.status !== 'DECLINED');
  const codeOf = new Map(period.formations.map((f) => [f.formationId, f.code]));
  const holding = new Set(current.map((p) => p.applicationId));
  const candidates: Candidate[] = rankings
    .flatMap((r, i) => (r.data?.entries ?? []).map((e) => ({ ...e, formationCode: period.formations[i].code })))
    .filter((e) => e.rank !== null && !holding.has(e.applicationId))
    .sort((a, b) => (b.finalScore ?? 0) - (a.finalScore ?? 0));
  const editable = Boolean(period.proposedAt) && !period.confirmedAt && !period.announcedAt;
  const count = (kind: string) => current.filter((p) => p.kind === kind).length;
  const quotaOf = new Map(period.formations.map((f) => [f.formationId, f.quota]));
  const numberOf = new Map(placements.data.map((p) => [p.placementId, p.participantNumber ?? p.applicationId]));
  /** Why this candidate has this seat, from the catalogue (the service's own `why` is an English sentence for the record). */
  const why = (p: PlacementItem) => {
    const values = { rank: p.rank, code: codeOf.get(p.sourceFormationId) ?? '?', quota: quotaOf.get(p.sourceFormationId) ?? 0 };
    if (p.kind === 'OVERRIDE') {
      const o = overrides.data?.find((x) => x.newPlacementId === p.placementId);
      return o ? t('placement.why.OVERRIDE', { displaced: o.displacedParticipantNumber ?? o.displacedApplicationId, reason: o.reason }) : p.why;
    }
    if (p.kind === 'REPLACEMENT') return t('placement.why.REPLACEMENT', { ...values, declined: numberOf.get(p.replacesPlacementId ?? '') ?? '?' });
    return t(`placement.why.${p.kind}`, values);
  };

  const row = (p: PlacementItem) => (
    <tr key={p.placementId} className={`kind-${p.kind.toLowerCase()}`}>
      <th scope="row">{p.participantNumber ?? p.applicationId}</th>
      <td>
        <KindTag kind={p.kind} />
      </td>
      <td>{t('placement.proposal.rankIn', { rank: p.rank, code: codeOf.get(p.sourceFormationId) ?? '?' })}</td>
      <td>{intl.formatNumber(p.finalScore, { maximumFractionDigits: 4 })}</td>
      <td>{t(`placement.status.${p.status}`)}</td>
      <td>{why(p)}</td>
      {editable && (
        <td>
          {p.status === 'PROPOSED' && (
            <button
              type="button"
              className="secondary"
              aria-expanded={open === p.placementId}
              onClick={() => setOpen(open === p.placementId ? undefined : p.placementId)}
            >
              {t('placement.proposal.override', { participant: p.participantNumber ?? p.applicationId })}
            </button>
          )}
        </td>
      )}
    </tr>
  );

  return (
    <>
      <p role="status">{done}</p>
      {current.length === 0 ? (
        <p>{t('placement.proposal.none')}</p>
      ) : (
        <p>
          {t('placement.proposal.summary', {
            regular: count('REGULAR'),
            optimalisasi: count('OPTIMALISASI'),
            override: count('OVERRIDE'),
            replacement: count('REPLACEMENT'),
          })}
        </p>
      )}
      {period.formations.map((f) => {
        const seats = current.filter((p) => p.formationId === f.formationId);
        const opened = seats.find((p) => p.placementId === open);
        return (
          <section key={f.formationId} aria-labelledby={`seats-${f.formationId}`}>
            <h2 id={`seats-${f.formationId}`}>{t('placement.proposal.formation', { code: f.code, position: f.position, unit: f.unit })}</h2>
            <p>{t('placement.proposal.quota', { quota: f.quota, filled: seats.length })}</p>
            {seats.length > 0 && (
              <table>
                <caption>{t('placement.proposal.caption', { code: f.code })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('placement.ranking.participant')}</th>
                    <th scope="col">{t('placement.proposal.kind')}</th>
                    <th scope="col">{t('placement.proposal.rank')}</th>
                    <th scope="col">{t('placement.ranking.final')}</th>
                    <th scope="col">{t('placement.proposal.status')}</th>
                    <th scope="col">{t('placement.proposal.why')}</th>
                    {editable && <th scope="col">{t('placement.proposal.actions')}</th>}
                  </tr>
                </thead>
                <tbody>{seats.map(row)}</tbody>
              </table>
            )}
            {opened && (
              <OverrideForm
                periodId={period.periodId}
                placement={opened}
                candidates={candidates}
                onDone={(message) => {
                  setOpen(undefined);
                  setDone(message);
                }}
              />
            )}
          </section>
        );
      })}
    </>
  );
}

/** The proposal: each formation's seats, regular and optimalisasi placements marked, and the override of one with a reason. */
export function PlacementProposalPage() {
  const t = useT();
  const { periodId = '' } = useParams();
  return (
    <PlacementFrame periodId={periodId} title={t('placement.proposal.title')}>
      {(period) => <Proposal period={period} />}
    </PlacementFrame>
  );
}
