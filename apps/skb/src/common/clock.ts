import { Injectable } from '@nestjs/common';

/** The service's idea of now; overridable (SKB_FIXED_NOW or Nest's overrideProvider) so timestamps are testable. */
@Injectable()
export class Clock {
  constructor(private readonly fixed?: Date) {}

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }
}
