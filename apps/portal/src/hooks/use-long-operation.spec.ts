import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/errors';
import { currentState, dismissOperation, type OperationState, startedOperation, startOperation } from './use-long-operation';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** Lets the run's then/catch handlers run. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

const key = ['skb', 'cat-import', 'period-1'];

describe(startOperation.name, () => {
  let client: QueryClient;
  beforeEach(() => {
    client = new QueryClient();
  });
  afterEach(() => client.clear());

  it('records a run as running, then its result, and starts no second run meanwhile', async () => {
    const run = deferred<{ imported: number }>();
    const runs: number[] = [];
    const succeeded: number[] = [];
    const options = {
      key,
      run: (n: number) => {
        runs.push(n);
        return run.promise;
      },
      onSucceeded: (result: { imported: number }) => succeeded.push(result.imported),
    };
    startOperation(client, options, 1);
    startOperation(client, options, 2);
    expect(runs).toEqual([1]);
    expect(startedOperation(client, key)).toMatchObject({ phase: 'running' });
    run.resolve({ imported: 40 });
    await settled();
    expect(startedOperation(client, key)).toMatchObject({ phase: 'succeeded', result: { imported: 40 } });
    expect(succeeded).toEqual([40]);
    // Finished: the next start runs again.
    startOperation(client, { ...options, run: () => Promise.resolve({ imported: 1 }) }, 3);
    await settled();
    expect(startedOperation(client, key)).toMatchObject({ phase: 'succeeded', result: { imported: 1 } });
  });

  it('keeps the API error of a refused run, for its catalogue message, and does not call onSucceeded', async () => {
    const refusal = new ApiError(422, 'IMPORT_HAS_BAD_ROWS', 'nothing imported: 2 rows are bad');
    const succeeded: unknown[] = [];
    startOperation(client, { key, run: () => Promise.reject(refusal), onSucceeded: (r) => succeeded.push(r) }, undefined);
    await settled();
    expect(startedOperation(client, key)).toMatchObject({ phase: 'failed', error: refusal });
    expect(succeeded).toEqual([]);
  });

  it('keeps a run that is still going when dismissed, and forgets a finished one', async () => {
    const run = deferred<string>();
    startOperation(client, { key, run: () => run.promise }, undefined);
    dismissOperation(client, key);
    expect(startedOperation(client, key)).toMatchObject({ phase: 'running' });
    run.resolve('done');
    await settled();
    dismissOperation(client, key);
    expect(startedOperation(client, key)).toBeUndefined();
  });

  it('asks the service again for its state when the run ends (the read-back query is invalidated)', async () => {
    const readBack = { queryKey: ['skb', 'period-1', 'import-status'], queryFn: async (): Promise<OperationState<string> | null> => null };
    await client.fetchQuery(readBack);
    const run = deferred<string>();
    startOperation(client, { key, run: () => run.promise, readBack }, undefined);
    expect(client.getQueryState(readBack.queryKey)?.isInvalidated).toBe(false);
    run.resolve('done');
    await settled();
    expect(client.getQueryState(readBack.queryKey)?.isInvalidated).toBe(true);
  });
});

describe(currentState.name, () => {
  const error = new ApiError(409, 'PERIOD_ALREADY_FINALIZED', 'already finalized');
  const at = { startedAt: 1 };
  it.each<[string, Parameters<typeof currentState<string>>, OperationState<string> | undefined]>([
    ['nothing started here and the service knows of no run', [undefined, undefined], undefined],
    ['this browser waits for its request', [{ phase: 'running', ...at }, undefined], { phase: 'running' }],
    [
      "while it waits, the service's progress",
      [
        { phase: 'running', ...at },
        { phase: 'running', progress: { done: 3, total: 10 } },
      ],
      { phase: 'running', progress: { done: 3, total: 10 } },
    ],
    [
      "while it waits, not an earlier run's outcome the service still shows",
      [
        { phase: 'running', ...at },
        { phase: 'succeeded', result: 'earlier' },
      ],
      { phase: 'running' },
    ],
    [
      'the refusal this browser saw, which the service keeps no record of',
      [
        { phase: 'failed', error, ...at },
        { phase: 'succeeded', result: 'earlier' },
      ],
      { phase: 'failed', error },
    ],
    [
      "after success, the service's current state",
      [
        { phase: 'succeeded', result: 'mine', ...at },
        { phase: 'succeeded', result: 'current' },
      ],
      { phase: 'succeeded', result: 'current' },
    ],
    [
      'after success, this result when the service cannot say',
      [{ phase: 'succeeded', result: 'mine', ...at }, undefined],
      { phase: 'succeeded', result: 'mine' },
    ],
    ['a run started elsewhere (another officer, before a reload)', [undefined, { phase: 'running' }], { phase: 'running' }],
  ])('shows %s', (_, args, expected) => {
    expect(currentState(...args)).toEqual(expected);
  });
});
