import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The demo moves time by writing an offset (milliseconds, as text) into the clock file every service
 * follows (CLOCK_FILE, read by libs/messaging's FileOffsetClock). It only ever moves forward, so a
 * deadline that has passed for one service has passed for all of them and stays passed.
 */
export function clockOffset(file: string): number {
  try {
    const text = readFileSync(file, 'utf8').trim();
    return /^[+-]?\d+$/.test(text) ? Number(text) : 0;
  } catch {
    return 0;
  }
}

/** The time the services believe it is. */
export function demoNow(file: string): Date {
  return new Date(Date.now() + clockOffset(file));
}

/** Moves the shared clock so that `instant` is at least `marginMs` in the past; returns the days moved. */
export async function moveClockPast(file: string, instant: Date, marginMs = 60_000): Promise<number> {
  const current = clockOffset(file);
  const needed = instant.getTime() + marginMs - Date.now();
  if (needed <= current) return 0;
  mkdirSync(dirname(file), { recursive: true });
  // Written aside and renamed, so a service never reads half a number.
  const aside = `${file}.${process.pid}`;
  writeFileSync(aside, `${needed}\n`);
  renameSync(aside, file);
  // The services re-read the file within ~50 ms.
  await new Promise((r) => setTimeout(r, 300));
  return (needed - current) / 86_400_000;
}
