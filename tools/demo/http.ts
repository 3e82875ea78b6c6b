/** A small HTTP client for the demo: it acts through the services' public APIs only, as people would. */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are whatever each service's OpenAPI says; the demo reads a few fields
export type Json = any;

export interface Reply {
  status: number;
  body: Json;
}

export interface CallOptions {
  token?: string;
  json?: unknown;
  raw?: Buffer | string;
  type?: string;
  key?: string;
}

export class ServiceApi {
  constructor(
    readonly name: string,
    readonly base: string,
  ) {}

  async call(method: string, path: string, options: CallOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.key) headers['idempotency-key'] = options.key;
    let body: string | Uint8Array | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.raw !== undefined) {
      headers['content-type'] = options.type ?? 'application/octet-stream';
      body = typeof options.raw === 'string' ? options.raw : new Uint8Array(options.raw);
    }
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, { method, headers, body });
    } catch (error) {
      throw new Error(`${this.name} at ${this.base} does not answer (${(error as Error).message}); are the services running ('npm start')?`);
    }
    const text = await res.text();
    return { status: res.status, body: text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text };
  }

  /** The call must succeed, or be refused with one of `tolerated` codes (a step already done on an earlier run). */
  async must(method: string, path: string, options: CallOptions = {}, tolerated: string[] = []): Promise<Reply> {
    const reply = await this.call(method, path, options);
    if (reply.status < 300 || tolerated.includes(reply.body?.code)) return reply;
    throw new Error(`${this.name} ${method} ${path}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 600)}`);
  }
}

/** Polls until `check` gives a value; names what it waited for when it gives up. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined | null | false>, timeoutMs = 60_000, intervalMs = 500): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Runs `work` over `items` with at most `width` at a time. */
export async function inParallel<T>(items: T[], width: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) await work(items[i], i);
    }),
  );
}
