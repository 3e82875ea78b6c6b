import { type ReactNode, useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import type { LongOperation as Operation } from '../hooks/use-long-operation';
import { useT } from '../i18n/locale';
import { errorMessage } from '../lib/messages';

export interface LongOperationProps<R> {
  /** From useLongOperation. */
  operation: Pick<Operation<never, R>, 'state' | 'dismiss'>;
  /** Names the operation in the page's words ("Impor nilai CAT"); a heading of the box. */
  title: string;
  /** What is going on while it runs, if more than the general "in progress" sentence. */
  running?: ReactNode;
  /** The success summary ("Keputusan tersimpan untuk 12 kasus."), from the result. */
  summary: (result: R) => ReactNode;
  /** The heading level that fits the page (h2 by default). */
  level?: 2 | 3;
  /** An id for the box, when a page has more than one. */
  id?: string;
}

/**
 * The progress and outcome of a long operation: "in progress" in a polite live region, then the
 * success summary or the API's refusal with its catalogue message. Focus moves to the box when the
 * operation starts or ends while the page is open (the button that started it is usually disabled
 * or gone by then), never on arriving at a page that shows an earlier outcome.
 *
 * With useLongOperation (the verifier's bulk decision in hooks/use-verifier-cases.ts is one):
 *
 *   const finalize = useLongOperation({
 *     key: ['skb', 'finalization', periodId],
 *     run: async () => unwrap(await skb.POST('/periods/{periodId}/finalization', { params: { path: { periodId } } })),
 *     // What the service says now: shown after a reload, or when another officer started it.
 *     readBack: { queryKey: ['skb', 'period', periodId], queryFn: async () => (await loadPeriod()).finalizedAt ? { phase: 'succeeded', result: … } : null },
 *     onSucceeded: (_, client) => client.invalidateQueries({ queryKey: ['skb', 'results', periodId] }),
 *   });
 *   <button type="button" onClick={() => finalize.start(undefined)} disabled={finalize.running}>…</button>
 *   <LongOperation operation={finalize} title={t('…')} summary={(result) => t('…', { … })} />
 */
export function LongOperation<R>({ operation, title, running, summary, level = 2, id = 'long-operation' }: LongOperationProps<R>) {
  const t = useT();
  const intl = useIntl();
  const { state } = operation;
  const box = useRef<HTMLElement>(null);
  const seen = useRef(state?.phase);

  useEffect(() => {
    if (seen.current !== state?.phase && state) box.current?.focus();
    seen.current = state?.phase;
  }, [state]);

  const Heading = level === 2 ? 'h2' : 'h3';
  const failed = state?.phase === 'failed';
  return (
    <section
      id={id}
      ref={box}
      tabIndex={-1}
      className={state ? `long-operation long-operation-${state.phase}` : undefined}
      aria-labelledby={state ? `${id}-title` : undefined}
      aria-busy={state?.phase === 'running' || undefined}
    >
      {state && <Heading id={`${id}-title`}>{title}</Heading>}
      {/* Always in the page, so a change inside it is announced; a failure is an alert instead. */}
      <div role="status" aria-live="polite" aria-atomic="true">
        {state?.phase === 'running' && (
          <p>
            <span className="long-operation-spinner" aria-hidden="true" /> {running ?? t('longOperation.running')}
            {state.progress && (
              <>
                {' '}
                {state.progress.total === undefined
                  ? t('longOperation.progressCount', { done: state.progress.done })
                  : t('longOperation.progress', { done: state.progress.done, total: state.progress.total })}
              </>
            )}
          </p>
        )}
        {state?.phase === 'running' && <p className="hint">{t('longOperation.leaveHint')}</p>}
        {state?.phase === 'succeeded' && (
          <>
            <p className="long-operation-outcome">{t('longOperation.succeeded')}</p>
            <div>{summary(state.result)}</div>
          </>
        )}
      </div>
      {failed && (
        <div role="alert">
          <p className="long-operation-outcome">{t('longOperation.failed')}</p>
          <p>{errorMessage(intl, state.error)}</p>
        </div>
      )}
      {(state?.phase === 'succeeded' || failed) && (
        <button type="button" className="link-button" onClick={operation.dismiss}>
          {t('longOperation.dismiss')}
        </button>
      )}
    </section>
  );
}
