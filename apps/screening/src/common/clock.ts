/**
 * The time the service believes it is. Appeal windows and answer deadlines are decided against it,
 * so tests move it instead of waiting days.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
