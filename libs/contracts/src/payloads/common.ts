import { createHash } from 'node:crypto';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  ValidationArguments,
} from 'class-validator';

export const TIME_ZONES = ['WIB', 'WITA', 'WIT'] as const;
export type AgencyTimeZone = (typeof TIME_ZONES)[number];

export const EDUCATION_LEVELS = ['SMA', 'D3', 'D4', 'S1', 'S2', 'S3'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** Formation types (jenis formasi); disability formations get extra SKB time. */
export const FORMATION_TYPES = ['general', 'cum-laude', 'disability', 'putra-putri-papua', 'diaspora'] as const;
export type FormationType = (typeof FORMATION_TYPES)[number];

/** Cross-field rule: the number must not be below the sibling property `other` (when both are numbers). */
export function IsNotLessThanField(other: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotLessThanField',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [other],
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          const bound = (args.object as Record<string, unknown>)[other];
          return typeof value !== 'number' || typeof bound !== 'number' || value >= bound;
        },
        defaultMessage: (args: ValidationArguments) => `${args.property} must not be less than ${other}`,
      },
    });
}

/**
 * A nullable field that must be given when `condition` holds (e.g. a total for a scored outcome);
 * otherwise it may be null, and is checked by the other rules only when a value is present.
 */
export function RequiredWhen<T>(condition: (payload: T) => boolean, reason: string): PropertyDecorator {
  const applies = ValidateIf((payload: T, value: unknown) => condition(payload) || (value !== null && value !== undefined));
  const required = IsDefined({ message: `$property is required when ${reason}` });
  return (target, propertyName) => {
    applies(target, String(propertyName));
    required(target, String(propertyName));
  };
}

/** Every payload that belongs to a recruitment period carries the period's rule version. */
export abstract class PeriodScoped {
  @IsUUID() periodId!: string;
  @IsString() @IsNotEmpty() ruleVersion!: string;
}

export abstract class ApplicationScoped extends PeriodScoped {
  @IsUUID() applicationId!: string;
  @IsUUID() formationId!: string;
}

export class DocumentRequirement {
  @IsString() @IsNotEmpty() type!: string;
  @IsIn(['image/jpeg', 'application/pdf']) mediaType!: string;
  @IsInt() @Min(1) maxBytes!: number;
}

export class FormationRequirements {
  @IsArray() @ArrayNotEmpty() @IsIn(EDUCATION_LEVELS, { each: true }) educationLevels!: EducationLevel[];
  @IsArray() @ArrayNotEmpty() @IsString({ each: true }) acceptedMajors!: string[];
  @IsNumber() @Min(0) @Max(4) minimumGpa!: number;
  @IsInt() @Min(0) minimumAge!: number;
  @IsInt() @Min(0) @IsNotLessThanField('minimumAge') maximumAge!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => DocumentRequirement) documents!: DocumentRequirement[];
}

/** A raw component score on the component's own scale (0 to its `maxScore` in the period's SKB rules). */
export class Score {
  @IsString() @IsNotEmpty() component!: string;
  @IsNumber() @Min(0) value!: number;
}

export class IsoDate {
  @Matches(/^\d{4}-\d{2}-\d{2}$/) date!: string;
}

export { IsISO8601, IsOptional };

/**
 * What one formation hands on at a stage's close: how many applications and an order-independent
 * digest of their ids (XOR of the first 64 bits of each id's MD5, as 16 hex digits), so the
 * receiving stage can tell "as many, but different ones" from "the same set".
 */
export class HandoverCount {
  @IsUUID() formationId!: string;
  @IsInt() @Min(0) count!: number;
  @Matches(/^[0-9a-f]{16}$/) digest!: string;
}

/** HandoverCount.digest computed in JavaScript (tests, small sets); the same value as idDigestSql. */
export function idDigest(ids: readonly string[]): string {
  let x = 0n;
  for (const id of ids) x ^= BigInt(`0x${createHash('md5').update(id).digest('hex').slice(0, 16)}`);
  return x.toString(16).padStart(16, '0');
}

/** The SQL expression of HandoverCount.digest over a uuid column (an aggregate; 16 zeros for none). */
export function idDigestSql(column: string): string {
  return `lpad(to_hex(coalesce(bit_xor(('x' || substr(md5(${column}::text), 1, 16))::bit(64)::bigint), 0)), 16, '0')`;
}
