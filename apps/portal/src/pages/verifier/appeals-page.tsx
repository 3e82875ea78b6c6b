import { type FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { isLocalTimeZone } from '@seleksi/time';
import type { ScreeningSchemas } from '../../api/clients';
import { ErrorSummary, type Problem } from '../../components/error-summary';
import { PageTitle } from '../../components/layout';
import { LocalTime } from '../../components/local-time';
import { useAssignedAppeals, useResolveAppeal } from '../../hooks/use-verifier-appeals';
import { useT } from '../../i18n/locale';
import { errorMessage } from '../../lib/messages';
import { VerifierNav } from './verifier-nav';

type Appeal = ScreeningSchemas['schemas']['StaffAppealDto'];

/** The agency's zone, as the service names it at the end of its human-readable time ("… 23:59 WIB"). */
const zoneOf = (local: string) => {
  const zone = local.trim().split(' ').at(-1) ?? '';
  return isLocalTimeZone(zone) ? zone : 'WIB';
};

function AnswerForm({ appeal, index }: { appeal: Appeal; index: number }) {
  const t = useT();
  const intl = useIntl();
  const resolve = useResolveAppeal(appeal.appealId);
  const [resolution, setResolution] = useState<'UPHELD' | 'REJECTED'>();
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const id = `appeal-${index}`;

  async function send(event: FormEvent) {
    event.preventDefault();
    const found: Problem[] = [];
    if (!resolution) found.push({ fieldId: `${id}-upheld`, message: t('verifier.appeal.error.resolution') });
    if (!reason.trim()) found.push({ fieldId: `${id}-reason`, message: t('verifier.appeal.error.reason') });
    setProblems(found);
    if (found.length) return;
    try {
      await resolve.mutateAsync({ resolution: resolution!, reason: reason.trim() });
    } catch (error) {
      setProblems([{ message: errorMessage(intl, error) }]);
    }
  }

  return (
    <form onSubmit={send} noValidate>
      <ErrorSummary problems={problems} />
      <fieldset>
        <legend>{t('verifier.appeal.resolution')}</legend>
        <label>
          <input type="radio" id={`${id}-upheld`} name={`${id}-resolution`} checked={resolution === 'UPHELD'} onChange={() => setResolution('UPHELD')} />{' '}
          {t('verifier.appeal.UPHELD')}
        </label>
        <label>
          <input type="radio" name={`${id}-resolution`} checked={resolution === 'REJECTED'} onChange={() => setResolution('REJECTED')} />{' '}
          {t('verifier.appeal.REJECTED')}
        </label>
      </fieldset>
      <label htmlFor={`${id}-reason`}>{t('verifier.appeal.reason')}</label>
      <textarea id={`${id}-reason`} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" disabled={resolve.isPending}>
        {resolve.isPending ? t('common.sending') : t('verifier.appeal.submit')}
      </button>
    </form>
  );
}

/** The appeals (sanggah) assigned to me: the applicant's text, the answer deadline, and the answer form. */
export function AppealsPage() {
  const t = useT();
  const appeals = useAssignedAppeals();
  return (
    <>
      <PageTitle>{t('verifier.appeals.title')}</PageTitle>
      <VerifierNav />
      {appeals.isPending && <p role="status">{t('common.loading')}</p>}
      {appeals.isError && <p role="alert">{t('common.loadFailed')}</p>}
      {appeals.data && appeals.data.length === 0 && <p>{t('verifier.appeals.none')}</p>}
      {appeals.data?.map((appeal, i) => (
        <section key={appeal.appealId} aria-labelledby={`appeal-${i}-title`}>
          <h2 id={`appeal-${i}-title`}>{t('verifier.appeals.item', { n: i + 1 })}</h2>
          <p>
            {t('verifier.appeals.due')} <LocalTime at={appeal.answerDueAt} zone={zoneOf(appeal.answerDueAtLocal)} />
          </p>
          <p>
            <Link to={`/staff/verifier/cases/${appeal.applicationId}`}>{t('verifier.appeals.case')}</Link>
          </p>
          <blockquote>{appeal.text}</blockquote>
          <AnswerForm appeal={appeal} index={i} />
        </section>
      ))}
    </>
  );
}
