import { HttpStatus, ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@seleksi/messaging';

/** A path id that is not a UUID is a 400 naming the parameter, with the same shape as every other error. */
export function UuidParam(field: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => new DomainError('INVALID_ID', `${field} must be a UUID`, HttpStatus.BAD_REQUEST, field),
  });
}
