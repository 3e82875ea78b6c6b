import { type FormEvent, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiError } from '../../api/errors';
import { ErrorSummary, type Problem } from '../../components/error-summary';
import { LocalTime } from '../../components/local-time';
import { type ImportReport, useImportScores, useLatestImport } from '../../hooks/use-skb';
import { useT } from '../../i18n/locale';
import { errorMessage } from '../../lib/messages';
import { Running } from './skb-frame';

/** The last import as the service kept it: applied, or refused with its row-by-row report. */
function LatestImport({ report, zone }: { report: ImportReport; zone: string }) {
  const t = useT();
  if (report.outcome === 'APPLIED') {
    return (
      <div className="success" data-testid="latest-import">
        <p>
          {t('skb.import.lastAt')} <LocalTime at={report.importedAt} zone={zone} />:{' '}
          {t('skb.import.applied', { rows: report.rows, changed: report.participantsChanged })}
        </p>
      </div>
    );
  }
  return (
    <div className="warning" data-testid="latest-import">
      <p>
        {t('skb.import.lastAt')} <LocalTime at={report.importedAt} zone={zone} />: <strong>{t('skb.import.rejected', { count: report.errorCount })}</strong>
      </p>
      {report.code && report.code !== 'CSV_REJECTED' && <p>{t.or(`error.${report.code}`, report.code)}</p>}
      {report.errors.length > 0 && (
        <table>
          <caption>{t('skb.import.problems', { shown: report.errors.length, count: report.errorCount })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('skb.import.line')}</th>
              <th scope="col">{t('skb.import.participant')}</th>
              <th scope="col">{t('skb.import.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((e, i) => (
              <tr key={`${e.line}-${e.code}-${i}`}>
                <th scope="row">{e.line}</th>
                <td>{e.participantNumber ?? '—'}</td>
                <td>{t.or(`skb.import.problem.${e.code}`, e.message)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/**
 * The CAT score file: sent with upload progress, then checked by the service, which applies all of it
 * or none. The outcome shown is the one the service kept, so it is there again after leaving the page.
 */
export function ScoreImport({ periodId, zone, finalized }: { periodId: string; zone: string; finalized: boolean }) {
  const t = useT();
  const intl = useIntl();
  const latest = useLatestImport(periodId);
  const send = useImportScores(periodId);
  const input = useRef<HTMLInputElement>(null);
  const [fraction, setFraction] = useState<number>();
  const [problems, setProblems] = useState<Problem[]>([]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    setProblems([]);
    if (!file) {
      setProblems([{ fieldId: 'score-file', message: t('skb.import.error.file') }]);
      return;
    }
    setFraction(0);
    try {
      await send.mutateAsync({ file, onProgress: setFraction });
      if (input.current) input.current.value = '';
    } catch (error) {
      // A refused file is reported below from the service's record; anything else is said here.
      if (!(error instanceof ApiError && error.code.startsWith('CSV_'))) setProblems([{ message: errorMessage(intl, error) }]);
    } finally {
      setFraction(undefined);
    }
  }

  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t('skb.import.title')}</h2>
      <p className="hint" id="score-file-hint">
        {t('skb.import.hint')}
      </p>
      {!finalized && (
        <form onSubmit={submit} noValidate>
          <ErrorSummary problems={problems} />
          <div className="field">
            <label htmlFor="score-file">{t('skb.import.file')}</label>
            <input id="score-file" type="file" accept=".csv,text/csv" ref={input} aria-describedby="score-file-hint" />
          </div>
          <button type="submit" disabled={send.isPending}>
            {t('skb.import.submit')}
          </button>
        </form>
      )}
      {send.isPending && (
        <Running
          label={fraction !== undefined && fraction < 1 ? t('skb.import.uploading') : t('skb.import.checking')}
          fraction={fraction !== undefined && fraction < 1 ? fraction : undefined}
        />
      )}
      {latest.isError && <p role="alert">{t('common.loadFailed')}</p>}
      <div aria-live="polite">
        {latest.data === null && <p>{t('skb.import.none')}</p>}
        {latest.data && !send.isPending && <LatestImport report={latest.data} zone={zone} />}
      </div>
    </section>
  );
}
