/** A small HTTP client for the demo: it acts through the services' public APIs only, as people would. */

import { httpCall, HttpCallOptions, Json } from '@seleksi/testing';

export { inParallel, Json } from '@seleksi/testing';

export interface Reply {
  status: number;
  body: Json;
}

export interface CallOptions extends Pick<HttpCallOptions, 'token' | 'json' | 'raw' | 'type'> {
  /** Idempotency-Key of a submit. */
  key?: string;
}

export class ServiceApi {
  constructor(
    readonly name: string,
    readonly base: string,
  ) {}

  async call(method: string, path: string, options: CallOptions = {}): Promise<Reply> {
    const { key, ...rest } = options;
    try {
      const { status, body } = await httpCall(this.base, method, path, { ...rest, headers: key ? { 'idempotency-key': key } : undefined });
      return { status, body };
    } catch (error) {
      throw new Error(`${this.name} at ${this.base} does not answer (${(error as Error).message}); are the services running ('npm start')?`);
    }
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
