import { useQueryClient } from '@tanstack/react-query';
import { LongOperation } from '../../components/long-operation';
import { LocalTime } from '../../components/local-time';
import { doneAt, type Operation, operationReadBackKey, type PlacementPeriodDetail, usePlacementOperation } from '../../hooks/use-placement-periods';
import { useT } from '../../i18n/locale';

interface Props {
  period: PlacementPeriodDetail;
  operation: Operation;
  /** Its outcome, as the service counts it in the period afterwards. */
  outcome: (period: PlacementPeriodDetail) => string;
  /** Why it cannot run now; the button is then not offered. */
  blocked?: string;
  /** What running it again does to what exists (a recompute withdraws the proposal). */
  note?: string;
}

/**
 * One long operation of a period (ranking, proposal, confirmation, announcement): when it last ended
 * as the service tells it, the button to run it, and the portal's one long-operation box for its
 * progress and outcome (or the catalogue's message for the API's refusal).
 */
export function PlacementOperation({ period, operation, outcome, blocked, note }: Props) {
  const t = useT();
  const run = usePlacementOperation(period.periodId, operation);
  const client = useQueryClient();
  // The box shows once the service's state has been read: it moves focus when its state changes, and
  // arriving at the page must not move focus.
  const readBack = client.getQueryState(operationReadBackKey(period.periodId, operation))?.status === 'success';
  const id = `op-${operation}`;
  const done = doneAt(period, operation);
  return (
    <section aria-labelledby={`${id}-title`} className="operation">
      <h2 id={`${id}-title`}>{t(`placement.op.${operation}.title`)}</h2>
      <p>
        {done ? (
          <>
            {t(`placement.op.${operation}.doneAt`)} <LocalTime at={done} zone={period.timeZone} />
          </>
        ) : (
          t(`placement.op.${operation}.notYet`)
        )}
      </p>
      {readBack && (
        <LongOperation
          operation={run}
          id={`${id}-box`}
          level={3}
          title={t(`placement.op.${operation}.outcomeTitle`)}
          running={t(`placement.op.${operation}.running`)}
          summary={(result) => <p data-testid={`${id}-outcome`}>{outcome(result)}</p>}
        />
      )}
      {blocked ? (
        <p>{blocked}</p>
      ) : (
        <>
          {note && done && <p>{note}</p>}
          <button type="button" disabled={run.running} onClick={() => run.start()}>
            {t(done ? `placement.op.${operation}.again` : `placement.op.${operation}.run`)}
          </button>
        </>
      )}
    </section>
  );
}
