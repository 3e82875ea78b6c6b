import { type FormEvent, useRef, useState } from 'react';
import { ErrorSummary, type Problem } from '../../components/error-summary';
import { LocalTime } from '../../components/local-time';
import { LongOperation } from '../../components/long-operation';
import { type ImportReport, useLatestImport, useScoreImport } from '../../hooks/use-skb';
import { useT } from '../../i18n/locale';

/** A refused import's row-by-row report, as the service kept it: line, participant, problem. */
function RejectedReport({ report, zone }: { report: ImportReport; zone: string }) {
  const t = useT();
  return (
    <div className="warning" data-testid="latest-import">
      <p>
        {t('skb.import.lastAt')} <LocalTime at={report.importedAt} zone={zone} />: <strong>{t('skb.import.rejected', { count: report.errorCount })}</strong>
      </p>
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
 * or none. The outcome and the report are the ones skb kept, so they are there again after leaving.
 */
export function ScoreImport({ periodId, zone, finalized }: { periodId: string; zone: string; finalized: boolean }) {
  const t = useT();
  const latest = useLatestImport(periodId);
  const operation = useScoreImport(periodId);
  const input = useRef<HTMLInputElement>(null);
  const [fraction, setFraction] = useState(0);
  const [problems, setProblems] = useState<Problem[]>([]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setProblems([{ fieldId: 'score-file', message: t('skb.import.error.file') }]);
      return;
    }
    setProblems([]);
    setFraction(0);
    operation.start({ file, onProgress: setFraction });
    if (input.current) input.current.value = '';
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
          <button type="submit" disabled={operation.running}>
            {t('skb.import.submit')}
          </button>
        </form>
      )}
      <LongOperation
        id="score-import"
        level={3}
        operation={operation}
        title={t('skb.import.outcome')}
        running={
          fraction < 1 ? (
            <>
              {t('skb.import.uploading')} <progress aria-label={t('skb.import.uploading')} value={fraction} max={1} /> {Math.round(fraction * 100)}%
            </>
          ) : (
            t('skb.import.checking')
          )
        }
        summary={(r) => t('skb.import.applied', { rows: r.rows, changed: r.participantsChanged })}
      />
      {latest.isError && <p role="alert">{t('common.loadFailed')}</p>}
      {latest.data === null && <p>{t('skb.import.none')}</p>}
      {latest.data?.outcome === 'REJECTED' && !operation.running && <RejectedReport report={latest.data} zone={zone} />}
    </section>
  );
}
