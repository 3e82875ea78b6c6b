import { HttpStatus } from '@nestjs/common';

/** A refused request: a stable machine code, a message naming the field, and the HTTP status. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: HttpStatus = HttpStatus.UNPROCESSABLE_ENTITY,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}
