import { HttpStatus, Param, ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@seleksi/messaging';

/** A UUID route parameter; anything else is a 400 naming the parameter, like body validation. */
export const UuidParam = (name: string) =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => new DomainError('VALIDATION_FAILED', `${name} must be a UUID`, HttpStatus.BAD_REQUEST, name) }));
