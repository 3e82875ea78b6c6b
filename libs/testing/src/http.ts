/** A JSON body as the services return it; callers read the fields they check. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are read loosely and asserted on
export type Json = any;

export interface HttpCallOptions {
  token?: string;
  json?: unknown;
  raw?: Buffer | string;
  text?: string;
  /** Content type of `raw` or `text` (octet-stream and text/plain by default). */
  type?: string;
  headers?: Record<string, string>;
  /**
   * Attempts when the connection is refused (an instance being restarted by a fault drill). A refused
   * connection never reached the service, so trying again is safe even for a POST. 1 by default.
   */
  connectAttempts?: number;
}

export interface HttpReply {
  status: number;
  body: Json;
  /** performance.now() when the response arrived, and how long the call took. */
  at: number;
  ms: number;
}

/** One HTTP call to a service, as a browser or a staff tool makes it: bearer token, JSON or raw body. */
export async function httpCall(base: string, method: string, path: string, options: HttpCallOptions = {}): Promise<HttpReply> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | Uint8Array | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.raw !== undefined) {
    headers['content-type'] = options.type ?? 'application/octet-stream';
    body = typeof options.raw === 'string' ? options.raw : new Uint8Array(options.raw);
  } else if (options.text !== undefined) {
    headers['content-type'] = options.type ?? 'text/plain';
    body = options.text;
  }
  const started = performance.now();
  const res = await fetchRetryingRefused(`${base}${path}`, { method, headers, body }, options.connectAttempts ?? 1);
  const text = await res.text();
  const at = performance.now();
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  return { status: res.status, body: text && isJson ? JSON.parse(text) : text, at, ms: at - started };
}

async function fetchRetryingRefused(url: string, init: RequestInit, attempts: number): Promise<Response> {
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

/** Runs `work` over `items` with at most `limit` in flight (the next starts when one ends), results in input order. */
export async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
