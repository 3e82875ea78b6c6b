import { ArgumentMetadata, BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { createValidationPipe, FieldProblem } from '@seleksi/messaging';

class EducationDto {
  @IsString() institution!: string;
  @IsNumber() @Min(0) @Max(4) gpa!: number;
}

class ApplyDto {
  @IsString() fullName!: string;
  @IsInt() @Min(17) age!: number;
  @ValidateNested() @Type(() => EducationDto) education!: EducationDto;
  @IsOptional() @IsString() note?: string;
}

interface ValidationFailure {
  code: string;
  message: string;
  field?: string;
  errors: FieldProblem[];
}

const BODY: ArgumentMetadata = { type: 'body', metatype: ApplyDto };

function newApply(): Record<string, unknown> {
  return { fullName: 'Siti Rahmawati', age: 27, education: { institution: 'Universitas Contoh', gpa: 3.6 } };
}

async function failureOf(body: unknown): Promise<ValidationFailure> {
  try {
    await createValidationPipe().transform(body, BODY);
  } catch (error) {
    if (error instanceof BadRequestException) return error.getResponse() as ValidationFailure;
    throw error;
  }
  throw new Error('expected the body to be refused');
}

describe(createValidationPipe.name, () => {
  it('turns a valid body into an instance of the DTO', async () => {
    const dto = await createValidationPipe().transform(newApply(), BODY);
    expect(dto).toBeInstanceOf(ApplyDto);
    expect((dto as ApplyDto).education).toBeInstanceOf(EducationDto);
  });

  it.each<[string, Record<string, unknown>, FieldProblem[]]>([
    [
      'an unknown top-level field',
      { ...newApply(), isAdmin: true },
      [{ field: 'isAdmin', code: 'FIELD_NOT_ALLOWED', message: 'property isAdmin should not exist' }],
    ],
    [
      'an unknown nested field',
      { ...newApply(), education: { institution: 'U', gpa: 3, rank: 1 } },
      [{ field: 'education.rank', code: 'FIELD_NOT_ALLOWED', message: 'property rank should not exist' }],
    ],
    [
      'a GPA above 4',
      { ...newApply(), education: { institution: 'U', gpa: 4.5 } },
      [{ field: 'education.gpa', code: 'INVALID_MAX', message: 'gpa must not be greater than 4' }],
    ],
    [
      'a text age',
      { ...newApply(), age: 'twenty' },
      [
        { field: 'age', code: 'INVALID_MIN', message: 'age must not be less than 17' },
        { field: 'age', code: 'INVALID_IS_INT', message: 'age must be an integer number' },
      ],
    ],
  ])('refuses %s with VALIDATION_FAILED and the field', async (_case, body, errors) => {
    const failure = await failureOf(body);
    expect(failure.code).toBe('VALIDATION_FAILED');
    expect(failure.errors).toEqual(expect.arrayContaining(errors));
    expect(failure.errors).toHaveLength(errors.length);
    expect(failure.field).toBe(errors[0].field);
  });

  it('names every problem in the message', async () => {
    const failure = await failureOf({ fullName: 'Siti', age: 10, education: { institution: 'U', gpa: 5 } });
    expect(failure.message).toBe('age: age must not be less than 17; education.gpa: gpa must not be greater than 4');
  });

  it('answers 400', async () => {
    await expect(createValidationPipe().transform({ ...newApply(), extra: 1 }, BODY)).rejects.toMatchObject({ status: 400 });
  });
});
