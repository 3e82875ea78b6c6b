import { type FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import { ErrorSummary, type Problem } from '../../components/error-summary';
import { type PlacementItem, type RankingEntry, useOverridePlacement } from '../../hooks/use-placement-allocation';
import { useT } from '../../i18n/locale';
import { errorMessage } from '../../lib/messages';

export interface Candidate extends RankingEntry {
  formationCode: string;
}

/**
 * Override one proposed placement: another ranked candidate of the period, who holds no seat, and the
 * reason (kept in the audit trail). When the period asks for it, a second officer must approve.
 */
export function OverrideForm({
  periodId,
  placement,
  candidates,
  onDone,
}: {
  periodId: string;
  placement: PlacementItem;
  candidates: Candidate[];
  onDone: (message: string) => void;
}) {
  const t = useT();
  const intl = useIntl();
  const override = useOverridePlacement(periodId);
  const [applicationId, setApplicationId] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const id = `override-${placement.placementId}`;

  async function send(event: FormEvent) {
    event.preventDefault();
    const found: Problem[] = [];
    if (!applicationId) found.push({ fieldId: `${id}-candidate`, message: t('placement.override.error.candidate') });
    if (!reason.trim()) found.push({ fieldId: `${id}-reason`, message: t('placement.override.error.reason') });
    setProblems(found);
    if (found.length) return;
    try {
      const result = await override.mutateAsync({ placementId: placement.placementId, applicationId, reason: reason.trim() });
      onDone(t(result.status === 'PENDING' ? 'placement.override.pending' : 'placement.override.applied'));
    } catch (error) {
      setProblems([{ message: errorMessage(intl, error) }]);
    }
  }

  return (
    <form onSubmit={send} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('placement.override.title', { participant: placement.participantNumber ?? placement.applicationId })}</h3>
      <ErrorSummary problems={problems} />
      <label htmlFor={`${id}-candidate`}>{t('placement.override.candidate')}</label>
      <select id={`${id}-candidate`} value={applicationId} onChange={(e) => setApplicationId(e.target.value)}>
        <option value="">{t('common.choose')}</option>
        {candidates.map((c) => (
          <option key={c.applicationId} value={c.applicationId}>
            {t('placement.override.option', {
              participant: c.participantNumber ?? c.applicationId,
              code: c.formationCode,
              rank: c.rank ?? 0,
              score: intl.formatNumber(c.finalScore ?? 0, { maximumFractionDigits: 4 }),
            })}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-reason`}>{t('placement.override.reason')}</label>
      <textarea id={`${id}-reason`} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" disabled={override.isPending}>
        {override.isPending ? t('common.sending') : t('placement.override.submit')}
      </button>
    </form>
  );
}
