import { writeFileSync } from 'node:fs';
import { CLOCK_FILE } from './stack';

/**
 * The services' time (they follow CLOCK_FILE, re-read within 50 ms of a change). Tests share one
 * stack, so a test that moves the clock puts it back before it ends (`withClockOffset`).
 */
export function setClockOffset(ms: number): void {
  writeFileSync(CLOCK_FILE, `${Math.round(ms)}\n`);
}

/** Runs `body` with the services' clock `ms` ahead, and puts the clock back however `body` ends. */
export async function withClockOffset<T>(ms: number, body: () => Promise<T>): Promise<T> {
  setClockOffset(ms);
  // Each service re-reads the file at most every 50 ms.
  await new Promise((resolve) => setTimeout(resolve, 200));
  try {
    return await body();
  } finally {
    setClockOffset(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
