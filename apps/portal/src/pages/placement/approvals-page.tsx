import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { LocalTime } from '../../components/local-time';
import { type OverrideItem, useApproveOverride, useOverrides } from '../../hooks/use-placement-allocation';
import type { PlacementPeriodDetail } from '../../hooks/use-placement-periods';
import { useT } from '../../i18n/locale';
import { errorMessage } from '../../lib/messages';
import { PlacementFrame } from './placement-frame';

function ApproveButton({ periodId, item, onDone }: { periodId: string; item: OverrideItem; onDone: (message: string) => void }) {
  const t = useT();
  const intl = useIntl();
  const approve = useApproveOverride(periodId);
  const who = item.participantNumber ?? item.applicationId;
  // The one who asked cannot approve (four eyes); the page says so instead of offering the button, and the API refuses anyway.
  if (item.requestedByMe) return <>{t('placement.approvals.mine')}</>;
  return (
    <>
      <button
        type="button"
        disabled={approve.isPending}
        onClick={async () => {
          // mutateAsync, not mutate's callbacks: the approved row leaves the queue (this button unmounts) before they would run.
          try {
            await approve.mutateAsync(item.overrideId);
            onDone(t('placement.approvals.done', { participant: who }));
          } catch {
            /* shown below from approve.error */
          }
        }}
      >
        {approve.isPending ? t('common.sending') : t('placement.approvals.approve', { participant: who })}
      </button>
      {approve.isError && <p role="alert">{errorMessage(intl, approve.error)}</p>}
    </>
  );
}

function Queue({ period }: { period: PlacementPeriodDetail }) {
  const t = useT();
  const pending = useOverrides(period.periodId, 'PENDING');
  const applied = useOverrides(period.periodId, 'APPLIED');
  const [done, setDone] = useState<string>();
  const codeOf = new Map(period.formations.map((f) => [f.formationId, f.code]));
  const cells = (o: OverrideItem) => (
    <>
      <td>{codeOf.get(o.formationId) ?? '?'}</td>
      <td>{o.displacedParticipantNumber ?? o.displacedApplicationId}</td>
      <th scope="row">{o.participantNumber ?? o.applicationId}</th>
      <td>{o.reason}</td>
      <td>
        <LocalTime at={o.requestedAt} zone={period.timeZone} />
      </td>
    </>
  );
  const head = (
    <>
      <th scope="col">{t('placement.approvals.formation')}</th>
      <th scope="col">{t('placement.approvals.displaced')}</th>
      <th scope="col">{t('placement.approvals.candidate')}</th>
      <th scope="col">{t('placement.approvals.reason')}</th>
      <th scope="col">{t('placement.approvals.requestedAt')}</th>
    </>
  );
  return (
    <>
      <p role="status">{done}</p>
      <section aria-labelledby="pending-title">
        <h2 id="pending-title">{t('placement.approvals.pending')}</h2>
        {pending.isPending && <p role="status">{t('common.loading')}</p>}
        {pending.isError && <p role="alert">{t('common.loadFailed')}</p>}
        {pending.data && pending.data.length === 0 && <p>{t('placement.approvals.none')}</p>}
        {pending.data && pending.data.length > 0 && (
          <table>
            <caption>{t('placement.approvals.pendingCaption')}</caption>
            <thead>
              <tr>
                {head}
                <th scope="col">{t('placement.proposal.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {pending.data.map((o) => (
                <tr key={o.overrideId}>
                  {cells(o)}
                  <td>
                    <ApproveButton periodId={period.periodId} item={o} onDone={setDone} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="applied-title">
        <h2 id="applied-title">{t('placement.approvals.applied')}</h2>
        {applied.data && applied.data.length === 0 && <p>{t('placement.approvals.noneApplied')}</p>}
        {applied.data && applied.data.length > 0 && (
          <table>
            <caption>{t('placement.approvals.appliedCaption')}</caption>
            <thead>
              <tr>
                {head}
                <th scope="col">{t('placement.approvals.approvedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {applied.data.map((o) => (
                <tr key={o.overrideId}>
                  {cells(o)}
                  <td>{o.approvedAt ? <LocalTime at={o.approvedAt} zone={period.timeZone} /> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

/** The second officer's approval queue: overrides that wait for an officer other than the one who asked. */
export function PlacementApprovalsPage() {
  const t = useT();
  const { periodId = '' } = useParams();
  return (
    <PlacementFrame periodId={periodId} title={t('placement.approvals.title')}>
      {(period) => <Queue period={period} />}
    </PlacementFrame>
  );
}
