import { BadRequestException } from '@nestjs/common';
import { createValidationPipe, FieldProblem } from '@seleksi/messaging';

type Dto = new () => object;

/** What the services' one validation pipe says of a body for a DTO: its field problems, or none. */
export async function fieldProblems(dto: Dto, body: Record<string, unknown>): Promise<FieldProblem[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: dto });
    return [];
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return (error.getResponse() as { errors: FieldProblem[] }).errors;
  }
}

/** The DTO instance the pipe makes of a valid body (trimmed text and all). */
export async function validated<T extends object>(dto: new () => T, body: Record<string, unknown>): Promise<T> {
  return (await createValidationPipe().transform(body, { type: 'body', metatype: dto })) as T;
}

/**
 * The table every app's DTO test runs for its free text: with an otherwise valid body, whitespace
 * alone in `field` is refused naming the field, and padded text arrives trimmed.
 */
export function describeRequiredText(cases: [name: string, dto: Dto, validBody: Record<string, unknown>, field: string][]): void {
  it.each(cases)('%s: refuses whitespace-only text naming the field', async (_, dto, body, field) => {
    expect(await fieldProblems(dto, { ...body, [field]: ' \t\n ' })).toEqual([expect.objectContaining({ field, code: 'INVALID_IS_NOT_EMPTY' })]);
  });
  it.each(cases)('%s: trims the text', async (_, dto, body, field) => {
    const value = body[field] as string;
    expect(((await validated(dto, { ...body, [field]: `  ${value}\n` })) as Record<string, unknown>)[field]).toBe(value);
  });
}
