import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/**
 * Free text a person must give (a name, a place of birth, a reason, an appeal): trimmed on input,
 * so whitespace alone is refused here as empty (400 VALIDATION_FAILED naming the field) instead of
 * passing the DTO and failing later, when an event contract or a rule reads it.
 */
export function RequiredText(maxLength: number): PropertyDecorator {
  return applyDecorators(
    Transform(trim),
    IsString(),
    IsNotEmpty({ message: ({ property }) => `${property} must not be empty or only spaces` }),
    MaxLength(maxLength),
  );
}

/** Free text a person may give: trimmed on input; whitespace alone counts as not given. */
export function OptionalText(maxLength: number): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => {
      const trimmed = trim({ value });
      return trimmed === '' ? undefined : trimmed;
    }),
    IsOptional(),
    IsString(),
    MaxLength(maxLength),
  );
}
