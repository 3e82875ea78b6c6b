import { Logger } from '@nestjs/common';
import { readFileSync, statSync } from 'node:fs';
import { ServiceConfig } from './service-config';

/**
 * The time a service believes it is. Deadlines, windows and recorded instants are decided against
 * it, never against `new Date()`, so that a rehearsal or a test can stand on either side of a
 * deadline without waiting days. Token expiry is not: JWTs are checked against the real clock.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

export class FixedClock extends Clock {
  constructor(private readonly at: Date) {
    super();
  }

  now(): Date {
    return new Date(this.at);
  }
}

/**
 * A clock shifted by an offset read from a file, shared by every process of a rehearsal (the demo's
 * `npm run demo -- advance`, the end-to-end scenario). The file holds the offset in milliseconds
 * from the real clock; time keeps flowing. The file is re-read when it changes, checked at most
 * every `recheckMs`. A missing or unreadable file means no offset.
 */
export class FileOffsetClock extends Clock {
  private offsetMs = 0;
  private checkedAt = 0;
  private seenMtimeMs = -1;

  constructor(
    readonly file: string,
    private readonly recheckMs = 50,
  ) {
    super();
    this.refresh();
  }

  now(): Date {
    const real = Date.now();
    if (real - this.checkedAt >= this.recheckMs) this.refresh(real);
    return new Date(real + this.offsetMs);
  }

  private refresh(real = Date.now()): void {
    this.checkedAt = real;
    try {
      const mtimeMs = statSync(this.file).mtimeMs;
      if (mtimeMs === this.seenMtimeMs) return;
      this.seenMtimeMs = mtimeMs;
      this.offsetMs = parseClockOffset(readFileSync(this.file, 'utf8'));
    } catch {
      this.seenMtimeMs = -1;
      this.offsetMs = 0;
    }
  }
}

/** The offset a clock file holds: an integer number of milliseconds, optionally signed. */
export function parseClockOffset(text: string): number {
  const trimmed = text.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) throw new Error(`clock file must hold an integer number of milliseconds, got "${trimmed.slice(0, 40)}"`);
  return Number(trimmed);
}

/** The clock the settings ask for: `CLOCK_FIXED_AT` pins it, `CLOCK_FILE` shifts it, else the system clock. */
export function clockFromSettings(config: Pick<ServiceConfig, 'CLOCK_FIXED_AT' | 'CLOCK_FILE'>): Clock {
  if (config.CLOCK_FIXED_AT) {
    new Logger('Clock').warn(`the clock is pinned at ${config.CLOCK_FIXED_AT} (CLOCK_FIXED_AT)`);
    return new FixedClock(new Date(config.CLOCK_FIXED_AT));
  }
  if (config.CLOCK_FILE) {
    new Logger('Clock').warn(`the clock follows the offset in ${config.CLOCK_FILE} (CLOCK_FILE)`);
    return new FileOffsetClock(config.CLOCK_FILE);
  }
  return new SystemClock();
}
