import { httpCall, HttpCallOptions, Json } from '@seleksi/testing';

export { inParallel, Json } from '@seleksi/testing';

export interface Reply {
  status: number;
  body: Json;
}

export type CallOptions = Omit<HttpCallOptions, 'connectAttempts'>;

/** One HTTP call to a service; a refused connection (an instance a drill is restarting) is tried again for 30 s. */
export async function call(base: string, method: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const { status, body } = await httpCall(base, method, path, { ...options, connectAttempts: 60 });
  return { status, body };
}

/** Like call, but a reply outside 2xx is an error that says which call failed and why. */
export async function ok(base: string, method: string, path: string, options: CallOptions = {}): Promise<Json> {
  const reply = await call(base, method, path, options);
  if (reply.status < 200 || reply.status >= 300) {
    throw new Error(`${method} ${base}${path} answered ${reply.status}: ${JSON.stringify(reply.body).slice(0, 500)}`);
  }
  return reply.body;
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
