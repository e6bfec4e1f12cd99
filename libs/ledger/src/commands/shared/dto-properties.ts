import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  type ValidationOptions,
  buildMessage,
} from 'class-validator';
import { GSS_CODE_PATTERN, SERVICE_PATTERN, isIsoDate } from '#domain';
import { NoPersonalData } from './personal-data.js';

/**
 * The property rules the command DTOs share, each pairing its OpenAPI description with the
 * validation that enforces it, so the documentation cannot drift from what is accepted.
 */

interface PropertyDocs<T> {
  readonly description: string;
  readonly example: T;
  /** Only for fields the domain command marks optional (`field?:`). */
  readonly optional?: boolean;
}

/**
 * An optional field may be left out, but not sent as null: `@IsOptional()` would let null
 * through and it would reach the command as a value the domain does not expect.
 */
export const Optional = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

const optionally = (optional: boolean | undefined): PropertyDecorator[] =>
  optional ? [Optional()] : [];

export const EnumProperty = <T extends string>(
  values: readonly T[],
  docs: PropertyDocs<NoInfer<T>>,
) =>
  applyDecorators(
    ApiProperty({
      description: docs.description,
      example: docs.example,
      enum: [...values],
      required: !docs.optional,
    }),
    ...optionally(docs.optional),
    IsIn([...values], { message: `$property must be one of: ${values.join(', ')}` }),
  );

export const TextProperty = (maxLength: number, docs: PropertyDocs<string>) =>
  applyDecorators(
    ApiProperty({
      description: docs.description,
      example: docs.example,
      minLength: 1,
      maxLength,
      required: !docs.optional,
    }),
    ...optionally(docs.optional),
    IsString(),
    Length(1, maxLength),
    // Free text is kept for ever in an event; contact details must go to /people instead.
    NoPersonalData(),
  );

export const IntegerProperty = (
  range: { readonly min: number; readonly max: number },
  docs: PropertyDocs<number>,
) =>
  applyDecorators(
    ApiProperty({
      type: 'integer',
      description: docs.description,
      example: docs.example,
      minimum: range.min,
      maximum: range.max,
    }),
    IsInt(),
    Min(range.min),
    Max(range.max),
  );

const GSS_MESSAGE = 'must be an English GSS code: E followed by 8 digits';

export const GssProperty = (docs: PropertyDocs<string>) =>
  applyDecorators(
    ApiProperty({
      description: docs.description,
      example: docs.example,
      pattern: GSS_CODE_PATTERN,
    }),
    Matches(new RegExp(GSS_CODE_PATTERN), { message: `$property ${GSS_MESSAGE}` }),
  );

export const GssListProperty = (maxItems: number, docs: PropertyDocs<string[]>) =>
  applyDecorators(
    ApiProperty({
      description: docs.description,
      example: docs.example,
      type: [String],
      maxItems,
      uniqueItems: true,
    }),
    IsArray(),
    ArrayMaxSize(maxItems),
    ArrayUnique(),
    Matches(new RegExp(GSS_CODE_PATTERN), {
      each: true,
      message: `each of $property ${GSS_MESSAGE}`,
    }),
  );

/** The service a service-specific peer challenge looked at, as a snake-case name. */
export const ServiceProperty = (docs: PropertyDocs<string>) =>
  applyDecorators(
    ApiProperty({
      description: docs.description,
      example: docs.example,
      pattern: SERVICE_PATTERN.source,
      required: !docs.optional,
    }),
    ...optionally(docs.optional),
    IsString(),
    Matches(SERVICE_PATTERN, {
      message: '$property must be a snake-case service name such as housing or community_safety',
    }),
  );

/** A date no earlier than another date field of the same body, e.g. onSiteTo ≥ onSiteFrom. */
export function IsNotBefore(property: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBefore',
      constraints: [property],
      validator: {
        validate: (value, args) => {
          const other = (args?.object as Record<string, unknown> | undefined)?.[property];
          // Only two valid dates can be compared; a malformed one is reported by its own rule.
          return !isIsoDate(value) || !isIsoDate(other) || value >= other;
        },
        defaultMessage: buildMessage(() => `$property must not be before ${property}`, options),
      },
    },
    options,
  );
}

/**
 * class-validator's IsDivisibleBy parses its divisor with parseInt, so a step of 0.5 divides
 * nothing; this accepts any finite multiple of `step`.
 */
export function IsMultipleOf(step: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMultipleOf',
      constraints: [step],
      validator: {
        validate: (value) =>
          typeof value === 'number' && Number.isFinite(value) && Number.isInteger(value / step),
        defaultMessage: buildMessage(() => `$property must be a multiple of ${step}`, options),
      },
    },
    options,
  );
}

/**
 * Pounds with at most two decimal places. Written out rather than
 * `IsNumber({ maxDecimalPlaces: 2 })`, which throws (an HTTP 500, not a 400) on numbers
 * JavaScript prints in exponent form, such as 1e-7.
 */
export function IsPounds(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPounds',
      validator: {
        validate: (value) => {
          if (typeof value !== 'number' || !Number.isFinite(value)) return false;
          const text = String(value);
          if (/e/i.test(text)) return Number.isInteger(value);
          return (text.split('.')[1] ?? '').length <= 2;
        },
        defaultMessage: buildMessage(
          () => '$property must be a number of pounds with at most 2 decimal places',
          options,
        ),
      },
    },
    options,
  );
}
