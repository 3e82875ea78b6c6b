import { Injectable } from '@nestjs/common';
import { PlacementConfig } from '../placement.config';

/** Now, as the service's rules see it; `CLOCK_FIXED_AT` pins it (tests of deadlines). */
@Injectable()
export class Clock {
  private readonly fixed: Date | null;

  constructor(config: PlacementConfig) {
    this.fixed = config.CLOCK_FIXED_AT ? new Date(config.CLOCK_FIXED_AT) : null;
  }

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }
}

const OFFSET_HOURS = { WIB: 7, WITA: 8, WIT: 9 } as const;
export type AgencyZone = keyof typeof OFFSET_HOURS;

/** The agency-local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(at: Date, zone: AgencyZone): string {
  return new Date(at.getTime() + OFFSET_HOURS[zone] * 3_600_000).toISOString().slice(0, 10);
}

/** An instant as people of the agency read it, e.g. "2027-01-03 23:59 WIB". */
export function localTime(at: Date, zone: AgencyZone): string {
  const shifted = new Date(at.getTime() + OFFSET_HOURS[zone] * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)} ${zone}`;
}
