/** A JSON body as the services return it; the scenario reads only the fields it checks. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are read loosely and asserted on
export type Json = any;

export interface Reply {
  status: number;
  body: Json;
}

export interface CallOptions {
  token?: string;
  json?: unknown;
  raw?: Buffer;
  text?: string;
  type?: string;
  headers?: Record<string, string>;
}

/**
 * A refused connection never reached the service, so trying again is safe even for a POST; it
 * happens while a fault drill restarts an instance.
 */
async function fetchRetryingRefused(url: string, init: RequestInit, attempts = 60): Promise<Response> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fetch(url, init);
    } catch (error) {
      const code = ((error as Error & { cause?: { code?: string } }).cause ?? {}).code;
      if (code !== 'ECONNREFUSED' || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** One HTTP call to a service, as a browser or a staff tool makes it. */
export async function call(base: string, method: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | Uint8Array | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.raw) {
    headers['content-type'] = options.type ?? 'application/octet-stream';
    body = new Uint8Array(options.raw);
  } else if (options.text !== undefined) {
    headers['content-type'] = options.type ?? 'text/plain';
    body = options.text;
  }
  const res = await fetchRetryingRefused(`${base}${path}`, { method, headers, body });
  const text = await res.text();
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  return { status: res.status, body: text && isJson ? JSON.parse(text) : text };
}

/** Like call, but a reply outside 2xx is an error that says which call failed and why. */
export async function ok(base: string, method: string, path: string, options: CallOptions = {}): Promise<Json> {
  const reply = await call(base, method, path, options);
  if (reply.status < 200 || reply.status >= 300) {
    throw new Error(`${method} ${base}${path} answered ${reply.status}: ${JSON.stringify(reply.body).slice(0, 500)}`);
  }
  return reply.body;
}

/** Runs `work` over `items` with at most `limit` in flight, keeping the results in input order. */
export async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Polls until `check` holds; the error names what never happened and the last value seen. */
export async function until<T>(what: string, probe: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 60_000, intervalMs = 300): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (check(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${JSON.stringify(last).slice(0, 400)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
