import { Injectable } from '@nestjs/common';

/** The one source of "now" for recorded instants; tests replace it with Nest's overrideProvider. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
