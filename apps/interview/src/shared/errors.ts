import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@seleksi/messaging';

export const notFound = (code: string, message: string, field?: string) => new DomainError(code, message, HttpStatus.NOT_FOUND, field);
export const conflict = (code: string, message: string, field?: string, details?: Record<string, unknown>) =>
  new DomainError(code, message, HttpStatus.CONFLICT, field, details);
export const forbidden = (code: string, message: string) => new DomainError(code, message, HttpStatus.FORBIDDEN);
export const unprocessable = (code: string, message: string, field?: string) => new DomainError(code, message, HttpStatus.UNPROCESSABLE_ENTITY, field);
