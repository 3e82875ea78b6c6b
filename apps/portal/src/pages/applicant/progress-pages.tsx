import { formatLocalDate } from '@seleksi/time';
import { type FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { registration, type RegistrationSchemas, skb } from '../../api/clients';
import { unwrap } from '../../api/errors';
import { Countdown } from '../../components/countdown';
import { ErrorSummary, type Problem } from '../../components/error-summary';
import { PageTitle } from '../../components/layout';
import { LocalTime } from '../../components/local-time';
import { PdfDownload } from '../../components/pdf-download';
import { useApplication, useApplications } from '../../hooks/use-application';
import { usePeriod } from '../../hooks/use-periods';
import { useAppeal, useDecline, useExamCard, useFileAppeal, useOutcome, useSkbResult, useTimeline } from '../../hooks/use-progress';
import { useLocale, useT } from '../../i18n/locale';
import { messageValues } from '../../lib/message-params';
import { errorMessage } from '../../lib/messages';

type TimelineEntry = RegistrationSchemas['schemas']['TimelineEntryDto'];

function ApplicationNav({ applicationId }: { applicationId: string }) {
  const t = useT();
  const base = `/applications/${applicationId}`;
  return (
    <nav aria-label={t('status.nav')}>
      <ul className="links">
        <li>
          <Link to={`${base}/status`}>{t('status.title')}</Link>
        </li>
        <li>
          <Link to={`${base}/receipt`}>{t('receipt.title')}</Link>
        </li>
        <li>
          <Link to={`${base}/appeal`}>{t('appeal.title')}</Link>
        </li>
        <li>
          <Link to={`${base}/exam-card`}>{t('examCard.title')}</Link>
        </li>
        <li>
          <Link to={`${base}/skb-result`}>{t('skbResult.title')}</Link>
        </li>
        <li>
          <Link to={`${base}/outcome`}>{t('outcome.title')}</Link>
        </li>
      </ul>
    </nav>
  );
}

/** "My applications": each one with its state and where to go next. */
export function ApplicationsPage() {
  const t = useT();
  const applications = useApplications();
  return (
    <>
      <PageTitle>{t('layout.myApplications')}</PageTitle>
      {applications.isPending && <p role="status">{t('common.loading')}</p>}
      {applications.isError && <p role="alert">{t('common.loadFailed')}</p>}
      {applications.data?.length === 0 && (
        <p>
          {t('applications.none')} <Link to="/">{t('applications.find')}</Link>
        </p>
      )}
      <ul className="cards">
        {applications.data?.map((a) => (
          <li key={a.id} className="card">
            <p>
              <strong>{a.receipt?.registrationNumber ?? t('applications.draft')}</strong>
            </p>
            {a.status === 'draft' ? (
              <Link className="button" to={`/applications/${a.id}`}>
                {t('applications.continue')}
              </Link>
            ) : (
              <Link className="button" to={`/applications/${a.id}/status`}>
                {t('status.title')}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

export function ReceiptPage() {
  const { applicationId = '' } = useParams();
  const t = useT();
  const application = useApplication(applicationId);
  const period = usePeriod(application.data?.periodId);
  const receipt = application.data?.receipt;
  return (
    <>
      <PageTitle>{t('receipt.title')}</PageTitle>
      {application.isPending && <p role="status">{t('common.loading')}</p>}
      {application.data && !receipt && <p>{t('receipt.notYet')}</p>}
      {receipt && (
        <>
          <p role="status" className="success">
            {t('receipt.done')}
          </p>
          <dl className="receipt">
            <dt>{t('receipt.number')}</dt>
            <dd data-testid="registration-number">{receipt.registrationNumber}</dd>
            <dt>{t('receipt.time')}</dt>
            <dd>{period.data ? <LocalTime at={receipt.submittedAt} zone={period.data.timeZone} /> : receipt.submittedAtLocal}</dd>
            <dt>{t('receipt.hash')}</dt>
            <dd className="hash">{receipt.submissionHash}</dd>
          </dl>
          <PdfDownload
            label={t('receipt.card')}
            fileName={`kartu-${receipt.registrationNumber}.pdf`}
            load={async () =>
              unwrap(
                await registration.GET('/applications/{applicationId}/card.pdf', { params: { path: { applicationId } }, parseAs: 'blob' }),
              ) as unknown as Blob
            }
          />
          <ApplicationNav applicationId={applicationId} />
        </>
      )}
    </>
  );
}

/** A timeline entry or next step from its code and values, in the page's language (the API's `what` is the fallback). */
function MessageText({ prefix, message, zone }: { prefix: string; message: Pick<TimelineEntry, 'code' | 'params' | 'what'>; zone: string }) {
  const t = useT();
  const { locale } = useLocale();
  return <>{t.or(`${prefix}.${message.code}`, message.what, messageValues(t, locale, message.params, zone))}</>;
}

/** The status timeline: each stage with its outcome, TMS reasons in plain Indonesian, and the next step with its date. */
export function StatusPage() {
  const { applicationId = '' } = useParams();
  const t = useT();
  const timeline = useTimeline(applicationId);
  const application = useApplication(applicationId);
  const period = usePeriod(application.data?.periodId);
  const zone = period.data?.timeZone ?? 'WIB';
  return (
    <>
      <PageTitle>{t('status.title')}</PageTitle>
      {timeline.isPending && <p role="status">{t('common.loading')}</p>}
      {timeline.isError && <p role="alert">{t('common.loadFailed')}</p>}
      {timeline.data && (
        <>
          <section aria-labelledby="next-step" className="card">
            <h2 id="next-step">{t('status.next')}</h2>
            <p>
              <MessageText prefix="next" message={timeline.data.next} zone={zone} />
            </p>
          </section>
          <ol className="timeline">
            {timeline.data.stages.map((stage) => (
              <li key={stage.stage} className={`stage stage-${stage.status}`}>
                <h2>
                  {t(`stage.${stage.stage}`)}: {t(`stageStatus.${stage.status}`)}
                  {typeof stage.outcome === 'string' && <> ({t.or(`outcomeCode.${stage.outcome}`, stage.outcome)})</>}
                </h2>
                {stage.reasons.length > 0 && (
                  <>
                    <h3>{t('status.reasons')}</h3>
                    <ul>
                      {stage.reasons.map((r) => (
                        <li key={r.code}>
                          {t.or(`reason.${r.code}`, r.label)}
                          {r.note && <> ({r.note})</>}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                <ul>
                  {stage.entries.map((entry, i) => (
                    <li key={i}>
                      <LocalTime at={entry.at} zone={zone} />: <MessageText prefix="timeline" message={entry} zone={zone} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          <ApplicationNav applicationId={applicationId} />
        </>
      )}
    </>
  );
}

/** The sanggah: shows a filed appeal and its answer, or the form with the filing countdown. */
export function AppealPage() {
  const { applicationId = '' } = useParams();
  const t = useT();
  const intl = useIntl();
  const appeal = useAppeal(applicationId);
  const application = useApplication(applicationId);
  const period = usePeriod(application.data?.periodId);
  const timeline = useTimeline(applicationId);
  const file = useFileAppeal(applicationId);
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const zone = period.data?.timeZone ?? 'WIB';
  const administrative = timeline.data?.stages.find((s) => s.stage === 'administrative');
  const announced = administrative?.entries.find((e) => e.code === 'ADMINISTRATIVE_RESULTS_ANNOUNCED');
  const filingDeadline = typeof announced?.params.appealFilingClosesAt === 'string' ? announced.params.appealFilingClosesAt : undefined;
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim().length < 10) {
      setProblems([{ fieldId: 'appeal-text', message: t('appeal.error.text') }]);
      return;
    }
    setProblems([]);
    try {
      await file.mutateAsync(text.trim());
    } catch (error) {
      setProblems([{ message: errorMessage(intl, error) }]);
    }
  }
  return (
    <>
      <PageTitle>{t('appeal.title')}</PageTitle>
      {appeal.isPending && <p role="status">{t('common.loading')}</p>}
      {appeal.data ? (
        <section className="card" aria-labelledby="appeal-filed">
          <h2 id="appeal-filed">{t('appeal.filed')}</h2>
          <p>
            {t('appeal.filedAt')} <LocalTime at={appeal.data.filedAt} zone={zone} />
          </p>
          <blockquote>{appeal.data.text}</blockquote>
          <p>
            {t('appeal.status')}: <strong>{t(`appeal.status.${appeal.data.status}`)}</strong>
          </p>
          {appeal.data.status === 'OPEN' ? (
            <Countdown until={appeal.data.answerDueAt} zone={zone} labelId="appeal.answerDue" />
          ) : (
            appeal.data.reason && (
              <p>
                {t('appeal.answer')}: {appeal.data.reason}
              </p>
            )
          )}
        </section>
      ) : (
        appeal.isSuccess && (
          <>
            <p>{t('appeal.intro')}</p>
            {filingDeadline && <Countdown until={filingDeadline} zone={zone} labelId="appeal.filingDue" />}
            <ErrorSummary problems={problems} />
            <form onSubmit={submit} noValidate>
              <div className="field">
                <label htmlFor="appeal-text">{t('appeal.text')}</label>
                <p className="hint" id="appeal-text-hint">
                  {t('appeal.text.hint')}
                </p>
                <textarea id="appeal-text" rows={6} value={text} onChange={(e) => setText(e.target.value)} aria-describedby="appeal-text-hint" />
              </div>
              <button type="submit" disabled={file.isPending}>
                {t('appeal.submit')}
              </button>
            </form>
          </>
        )
      )}
      <ApplicationNav applicationId={applicationId} />
    </>
  );
}

export function ExamCardPage() {
  const { applicationId = '' } = useParams();
  const t = useT();
  const application = useApplication(applicationId);
  const periodId = application.data?.periodId;
  const card = useExamCard(periodId);
  return (
    <>
      <PageTitle>{t('examCard.title')}</PageTitle>
      {card.isPending && <p role="status">{t('common.loading')}</p>}
      {card.isSuccess && card.data === null && <p>{t('examCard.notYet')}</p>}
      {card.isSuccess && card.data !== null && (
        <>
          <p>{t('examCard.ready')}</p>
          <dl className="receipt" data-testid="exam-card">
            <dt>{t('examCard.participantNumber')}</dt>
            <dd>{card.data.participantNumber}</dd>
            <dt>{t('examCard.name')}</dt>
            <dd>{card.data.fullName}</dd>
            <dt>{t('examCard.formation')}</dt>
            <dd>
              {card.data.formationCode} — {card.data.position}
            </dd>
            <dt>{t('examCard.session')}</dt>
            <dd>{card.data.session}</dd>
            <dt>{t('examCard.starts')}</dt>
            <dd>
              <LocalTime at={card.data.startsAt} zone={card.data.timeZone} />
            </dd>
            <dt>{t('examCard.ends')}</dt>
            <dd>
              <LocalTime at={card.data.endsAt} zone={card.data.timeZone} />
              {card.data.extraMinutes > 0 && <> {t('examCard.extraMinutes', { minutes: card.data.extraMinutes })}</>}
            </dd>
            <dt>{t('examCard.venue')}</dt>
            <dd>
              {card.data.venue}, {card.data.address}
            </dd>
            <dt>{t('examCard.room')}</dt>
            <dd>{t('examCard.roomSeat', { room: card.data.room, seat: card.data.seatNumber })}</dd>
          </dl>
          <PdfDownload
            label={t('examCard.download')}
            fileName="kartu-ujian-skb.pdf"
            load={async () =>
              unwrap(await skb.GET('/me/periods/{periodId}/exam-card', { params: { path: { periodId: periodId! } }, parseAs: 'blob' })) as unknown as Blob
            }
          />
        </>
      )}
      <ApplicationNav applicationId={applicationId} />
    </>
  );
}

/** A score as the reader's language writes numbers ("49,2" in Indonesian). */
function score(intl: ReturnType<typeof useIntl>, value: number | string): string {
  return typeof value === 'number' ? intl.formatNumber(value, { maximumFractionDigits: 2 }) : value;
}

export function SkbResultPage() {
  const { applicationId = '' } = useParams();
  const t = useT();
  const intl = useIntl();
  const application = useApplication(applicationId);
  const period = usePeriod(application.data?.periodId);
  const result = useSkbResult(application.data?.periodId);
  return (
    <>
      <PageTitle>{t('skbResult.title')}</PageTitle>
      {result.isPending && <p role="status">{t('common.loading')}</p>}
      {result.isSuccess && result.data === null && <p>{t('skbResult.notYet')}</p>}
      {result.data && (
        <>
          <p className="big">
            {t('skbResult.outcome')}: <strong>{t.or(`skbOutcome.${result.data.outcome}`, result.data.outcome)}</strong>
          </p>
          <table>
            <caption>{t('skbResult.scores')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('skbResult.component')}</th>
                <th scope="col">{t('skbResult.score')}</th>
              </tr>
            </thead>
            <tbody>
              {result.data.components.map((c) => (
                <tr key={c.component}>
                  <th scope="row">{period.data?.skb.components.find((p) => p.component === c.component)?.label ?? c.component}</th>
                  <td>{score(intl, c.value)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t('skbResult.total')}</th>
                <td>{result.data.total === null ? '-' : score(intl, result.data.total)}</td>
              </tr>
            </tbody>
          </table>
          {result.data.rank !== null && <p>{t('skbResult.rank', { rank: result.data.rank })}</p>}
          <p>{result.data.proceeds ? t('skbResult.proceeds') : t('skbResult.stops')}</p>
        </>
      )}
      <ApplicationNav applicationId={applicationId} />
    </>
  );
}

/** The final outcome, its score explained (each stage's score × weight), and the decline with a confirmation step. */
export function OutcomePage() {
  const { applicationId = '' } = useParams();
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const outcome = useOutcome(applicationId);
  const decline = useDecline(applicationId);
  const [step, setStep] = useState<'idle' | 'confirm'>('idle');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  async function confirmDecline(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setProblems([{ fieldId: 'decline-reason', message: t('outcome.decline.error') }]);
      return;
    }
    try {
      await decline.mutateAsync(reason.trim());
      setStep('idle');
    } catch (error) {
      setProblems([{ message: errorMessage(intl, error) }]);
    }
  }
  const o = outcome.data;
  return (
    <>
      <PageTitle>{t('outcome.title')}</PageTitle>
      {outcome.isPending && <p role="status">{t('common.loading')}</p>}
      {outcome.isSuccess && o === null && <p>{t('outcome.notYet')}</p>}
      {o && (
        <>
          <p className="big">
            <strong>{t(`outcome.status.${o.status}`)}</strong>
          </p>
          {o.kind && <p>{t.or(`outcome.kind.${o.kind}`, o.kind)}</p>}
          {o.explanation && (
            <table>
              <caption>{t('outcome.explanation')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('outcome.stage')}</th>
                  <th scope="col">{t('skbResult.score')}</th>
                  <th scope="col">{t('outcome.weight')}</th>
                  <th scope="col">{t('outcome.contribution')}</th>
                </tr>
              </thead>
              <tbody>
                {o.explanation.components.map((c) => (
                  <tr key={c.stage}>
                    <th scope="row">{t(`stage.${c.stage}`)}</th>
                    <td>{score(intl, c.score)}</td>
                    <td>{score(intl, c.weight)}%</td>
                    <td>{score(intl, c.contribution)}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t('outcome.final')}</th>
                  <td colSpan={3}>{o.finalScore === null ? '-' : score(intl, o.finalScore)}</td>
                </tr>
              </tbody>
            </table>
          )}
          {o.explanation?.notRankedBecause && <p>{t(`outcome.notRanked.${o.explanation.notRankedBecause}`)}</p>}
          {o.rank !== null && <p>{t('outcome.rank', { rank: o.rank })}</p>}
          {o.reportingDate && <p>{t('outcome.reporting', { date: formatLocalDate(`${o.reportingDate}T12:00:00Z`, 'WIB', locale) })}</p>}
          {o.status === 'PLACED' && step === 'idle' && (
            <button type="button" className="danger" onClick={() => setStep('confirm')}>
              {t('outcome.decline')}
            </button>
          )}
          {step === 'confirm' && (
            <form onSubmit={confirmDecline} noValidate className="card warning">
              <h2>{t('outcome.decline.confirmTitle')}</h2>
              <p>{t('outcome.decline.consequence')}</p>
              <ErrorSummary problems={problems} />
              <div className="field">
                <label htmlFor="decline-reason">{t('outcome.decline.reason')}</label>
                <textarea id="decline-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
              </div>
              <button type="submit" className="danger" disabled={decline.isPending}>
                {t('outcome.decline.confirm')}
              </button>
              <button type="button" className="secondary" onClick={() => setStep('idle')}>
                {t('common.cancel')}
              </button>
            </form>
          )}
          {decline.isSuccess && <p role="status">{t('outcome.decline.done')}</p>}
        </>
      )}
      <ApplicationNav applicationId={applicationId} />
    </>
  );
}
