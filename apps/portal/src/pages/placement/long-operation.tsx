import { useIntl } from 'react-intl';
import { LocalTime } from '../../components/local-time';
import { type Operation, useOperation, useOperationRunning } from '../../hooks/use-placement-periods';
import { useT } from '../../i18n/locale';
import { errorMessage } from '../../lib/messages';

interface Props {
  periodId: string;
  operation: Operation;
  zone: string;
  /** When the service says it last ended (read back, so a page left and reopened shows it). */
  doneAt: string | null | undefined;
  /** Its outcome as counted by the service. */
  outcome: string;
  /** Why it cannot run now; the button is then not offered. */
  blocked?: string;
  /** What running it again does to what exists (a recompute withdraws the proposal). */
  note?: string;
}

/**
 * One long operation of a period (ranking, proposal, confirmation, announcement): where it stands as
 * the service tells it, a button to run it, progress while it runs (also after leaving the page and
 * coming back), and its outcome or the catalogue's message for the error.
 */
export function LongOperation({ periodId, operation, zone, doneAt, outcome, blocked, note }: Props) {
  const t = useT();
  const intl = useIntl();
  const run = useOperation(periodId, operation);
  const startedAt = useOperationRunning(periodId, operation);
  const id = `op-${operation}`;
  return (
    <section aria-labelledby={`${id}-title`} className="operation">
      <h2 id={`${id}-title`}>{t(`placement.op.${operation}.title`)}</h2>
      <p>
        {doneAt ? (
          <>
            {t(`placement.op.${operation}.doneAt`)} <LocalTime at={doneAt} zone={zone} />
          </>
        ) : (
          t(`placement.op.${operation}.notYet`)
        )}
      </p>
      {doneAt && <p data-testid={`${id}-outcome`}>{outcome}</p>}
      <div role="status">
        {startedAt !== null && (
          <>
            <p>
              {t(`placement.op.${operation}.running`)} {t('placement.op.since')} <LocalTime at={new Date(startedAt).toISOString()} zone={zone} />
            </p>
            <progress aria-label={t(`placement.op.${operation}.running`)} />
          </>
        )}
        {startedAt === null && run.isSuccess && <p>{t(`placement.op.${operation}.finished`)}</p>}
      </div>
      {run.isError && <p role="alert">{errorMessage(intl, run.error)}</p>}
      {blocked ? (
        <p>{blocked}</p>
      ) : (
        <>
          {note && doneAt && <p>{note}</p>}
          <button type="button" aria-describedby={`${id}-title`} disabled={startedAt !== null} onClick={() => run.mutate()}>
            {t(doneAt ? `placement.op.${operation}.again` : `placement.op.${operation}.run`)}
          </button>
        </>
      )}
    </section>
  );
}
