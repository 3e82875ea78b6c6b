import { Worker } from 'node:worker_threads';

export interface JpegDecodeLimits {
  maxResolutionInMP: number;
  maxMemoryUsageInMB: number;
}

/**
 * Decoding a JPEG in JavaScript costs about 0.1 s for a 200 KB photo, all of it CPU. On the request
 * thread that would stall every other request of the process during the deadline surge, so the
 * decode runs on one worker thread; the event loop keeps answering meanwhile. The thread is made on
 * first use, keeps the process alive only while a decode is pending, and ends after a quiet minute.
 */
const IDLE_MS = 60_000;

// The worker's code, inline so it runs the same from the TypeScript sources (tests) and from dist/.
const SOURCE = `
const { parentPort } = require('node:worker_threads');
const { decode } = require(${JSON.stringify(require.resolve('jpeg-js'))});
parentPort.on('message', ({ id, content, limits }) => {
  try {
    decode(content, { ...limits, tolerantDecoding: false, formatAsRGBA: false, useTArray: true });
    parentPort.postMessage({ id, error: null });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
`;

interface Pending {
  resolve: (error: string | null) => void;
  reject: (error: Error) => void;
}

let worker: Worker | undefined;
let idleTimer: NodeJS.Timeout | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();

function failAll(error: Error): void {
  for (const job of pending.values()) job.reject(error);
  pending.clear();
}

function thread(): Worker {
  if (worker) return worker;
  const created = new Worker(SOURCE, { eval: true });
  created.on('message', ({ id, error }: { id: number; error: string | null }) => {
    const job = pending.get(id);
    pending.delete(id);
    job?.resolve(error);
    if (pending.size === 0) {
      created.unref();
      scheduleIdleEnd();
    }
  });
  created.on('error', (error) => {
    if (worker === created) worker = undefined;
    failAll(error);
  });
  created.on('exit', (code) => {
    if (worker === created) worker = undefined;
    if (pending.size > 0) failAll(new Error(`the JPEG decode thread stopped (exit code ${code})`));
  });
  worker = created;
  return created;
}

function scheduleIdleEnd(): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (pending.size === 0 && worker) {
      const ending = worker;
      worker = undefined;
      void ending.terminate();
    }
  }, IDLE_MS);
  idleTimer.unref();
}

/** Decodes on the worker thread; resolves with jpeg-js's complaint, or null when the image decodes. */
export function decodeJpegOffThread(content: Buffer, limits: JpegDecodeLimits): Promise<string | null> {
  clearTimeout(idleTimer);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    const decoder = thread();
    // Held while a decode is pending (the answer is awaited), let go when idle: an idle thread must
    // not keep the process alive.
    decoder.ref();
    decoder.postMessage({ id, content, limits });
  });
}
