import { HttpStatus, Param, ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@seleksi/messaging';

/** A UUID path parameter; anything else is a 400 INVALID_UUID naming the parameter. */
export const UuidParam = (name: string): ParameterDecorator =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => new DomainError('INVALID_UUID', `${name} must be a UUID`, HttpStatus.BAD_REQUEST, name) }));
