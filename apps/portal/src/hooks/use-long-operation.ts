import { type QueryClient, type QueryKey, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/** Where a long operation (an import, a finalization, a ranking, an announcement, a bulk decision) stands. */
export type OperationState<R> =
  | { phase: 'running'; /** What the service has done so far, when it says. */ progress?: { done: number; total?: number } }
  | { phase: 'succeeded'; result: R }
  | { phase: 'failed'; error: unknown };

/** What this browser started: kept in the query cache, so it outlives the page that started it. */
type Started<R> = OperationState<R> & { startedAt: number };

export interface LongOperationOptions<I, R> {
  /** Names one operation, e.g. `['skb', 'cat-import', periodId]`; a page that shows the same key shows the same run. */
  key: QueryKey;
  /** Starts the operation at the service and resolves with its result (the request itself may take long). */
  run: (input: I) => Promise<R>;
  /**
   * Reads the operation's state back from the service (a period's status, an import's report): what
   * a page shows when this browser did not start the operation or was reloaded since, and the
   * current truth after a run finished. `null` when the service knows of no such operation.
   */
  readBack?: {
    queryKey: QueryKey;
    queryFn: () => Promise<OperationState<R> | null>;
    /** How often to ask again while the service says it is running (ms). */
    pollMs?: number;
  };
  /** After success, also when the page was left meanwhile (refresh what the operation changed). */
  onSucceeded?: (result: R, client: QueryClient) => unknown;
}

export interface LongOperation<I, R> {
  /** undefined: nothing started here and the service knows of no run. */
  state: OperationState<R> | undefined;
  running: boolean;
  /** Starts the operation unless a run is still going. */
  start: (input: I) => void;
  /** Forgets this browser's outcome (the service's own state, if any, is shown again). */
  dismiss: () => void;
}

const recordKey = (key: QueryKey) => ['long-operation', ...key];

/**
 * A long operation whose progress and outcome survive leaving the page: the run's promise writes
 * into the query cache, not into a component, and the service's own state is read back when the
 * caller can name it. The outcome holds the result or the API error (for its catalogue message).
 */
export function useLongOperation<I, R>({ key, run, readBack, onSucceeded }: LongOperationOptions<I, R>): LongOperation<I, R> {
  const client = useQueryClient();
  const started = useQuery<Started<R> | null>({
    queryKey: recordKey(key),
    queryFn: () => client.getQueryData<Started<R>>(recordKey(key)) ?? null,
    enabled: false,
    staleTime: Infinity,
    gcTime: Infinity,
  }).data;
  const localRunning = started?.phase === 'running';
  const service = useQuery<OperationState<R> | null>({
    queryKey: readBack?.queryKey ?? ['long-operation-no-read-back', ...key],
    queryFn: readBack?.queryFn ?? (() => Promise.resolve(null)),
    enabled: Boolean(readBack),
    refetchInterval: (query) => (localRunning || query.state.data?.phase === 'running' ? (readBack?.pollMs ?? 2000) : false),
  }).data;

  const start = useCallback((input: I) => startOperation(client, { key, run, readBack, onSucceeded }, input), [client, key, run, readBack, onSucceeded]);

  const dismiss = useCallback(() => dismissOperation(client, key), [client, key]);

  return { state: currentState(started ?? undefined, service ?? undefined), running: localRunning || service?.phase === 'running', start, dismiss };
}

/**
 * Starts a run unless one is going, and records it in the query cache: the run's settlement is
 * written there too, whether or not a page is still showing it.
 */
export function startOperation<I, R>(client: QueryClient, { key, run, readBack, onSucceeded }: LongOperationOptions<I, R>, input: I): void {
  const k = recordKey(key);
  if (client.getQueryData<Started<R>>(k)?.phase === 'running') return;
  const startedAt = Date.now();
  client.setQueryData<Started<R>>(k, { phase: 'running', startedAt });
  const settle = (state: OperationState<R>) => {
    // A newer run (after a dismiss) owns the record now.
    if (client.getQueryData<Started<R>>(k)?.startedAt !== startedAt) return false;
    client.setQueryData<Started<R>>(k, { ...state, startedAt });
    if (readBack) void client.invalidateQueries({ queryKey: readBack.queryKey });
    return true;
  };
  run(input).then(
    (result) => {
      if (settle({ phase: 'succeeded', result })) void onSucceeded?.(result, client);
    },
    (error: unknown) => settle({ phase: 'failed', error }),
  );
}

/** Forgets this browser's outcome; a run still going is not forgotten. */
export function dismissOperation(client: QueryClient, key: QueryKey): void {
  const k = recordKey(key);
  if (client.getQueryData<Started<unknown>>(k)?.phase !== 'running') client.setQueryData(k, null);
}

/** This browser's record of a run, as useLongOperation reads it. */
export function startedOperation<R>(client: QueryClient, key: QueryKey): Started<R> | undefined {
  return client.getQueryData<Started<R>>(recordKey(key)) ?? undefined;
}

/**
 * This browser's run while its request is open (with the service's progress when it reports some);
 * the failure this browser saw (services keep no record of a refused request); otherwise the
 * service's own state when it has one, else this browser's result.
 */
export function currentState<R>(started: Started<R> | undefined, service: OperationState<R> | undefined): OperationState<R> | undefined {
  if (started?.phase === 'running') return service?.phase === 'running' ? service : { phase: 'running' };
  if (started?.phase === 'failed') return { phase: 'failed', error: started.error };
  if (service) return service;
  if (started?.phase === 'succeeded') return { phase: 'succeeded', result: started.result };
  return undefined;
}
