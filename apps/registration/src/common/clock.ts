import { Injectable } from '@nestjs/common';

/** The one source of "now" for deadlines, so tests can stand at a window's edge. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
