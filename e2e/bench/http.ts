/** The bench's HTTP client: one call with a bearer token and a JSON or raw body, and a bounded pool of workers. */

export interface CallOptions {
  token?: string;
  json?: unknown;
  raw?: string | Buffer;
  type?: string;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  // The services' response bodies are checked by status and read field by field where used.
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** performance.now() when the response arrived. */
  at: number;
  ms: number;
}

export async function call(base: string, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | Uint8Array | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.raw !== undefined) {
    headers['content-type'] = options.type ?? 'application/octet-stream';
    body = typeof options.raw === 'string' ? options.raw : new Uint8Array(options.raw);
  }
  const started = performance.now();
  const res = await fetch(`${base}${path}`, { method, headers, body });
  const text = await res.text();
  const at = performance.now();
  const json = text && (res.headers.get('content-type') ?? '').includes('json');
  return { status: res.status, body: json ? JSON.parse(text) : text, at, ms: at - started };
}

/** Fails loudly with the service's own error body when a call did not get an expected status. */
export function expectStatus(result: CallResult, expected: number | number[], what: string): CallResult {
  const ok = Array.isArray(expected) ? expected : [expected];
  if (!ok.includes(result.status)) throw new Error(`${what}: HTTP ${result.status} ${JSON.stringify(result.body).slice(0, 600)}`);
  return result;
}

/** Runs `work` over the items with at most `concurrency` in flight (a closed loop: the next starts when one ends). */
export async function pool<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index], index);
      }
    }),
  );
}

/** The wall clock (ms since the epoch) that a performance.now() reading corresponds to. */
export function epochMs(performanceNow: number): number {
  return performance.timeOrigin + performanceNow;
}
