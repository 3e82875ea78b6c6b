import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem } from './domain-error';

function problems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) => ({
      field,
      code: rule === 'whitelistValidation' ? 'FIELD_NOT_ALLOWED' : `INVALID_${rule.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`,
      message,
    }));
    return [...own, ...problems(e.children ?? [], field)];
  });
}

/** The one validation pipe: unknown fields are refused, and every problem names its field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const list = problems(errors);
      return new BadRequestException({
        code: 'VALIDATION_FAILED',
        message: list.map((p) => `${p.field}: ${p.message}`).join('; '),
        field: list[0]?.field,
        errors: list,
      });
    },
  });
}
