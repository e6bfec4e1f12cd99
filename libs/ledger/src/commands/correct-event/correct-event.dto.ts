import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsObject, ValidateBy, type ValidationOptions, buildMessage } from 'class-validator';
import { COMMAND_LIMITS, type CommandOf } from '#domain';
import { DateProperty } from '../shared/validators.js';
import { TextProperty } from '../shared/dto-properties.js';
import { PERSONAL_DATA_REFUSAL, containsPersonalData } from '../shared/personal-data.js';

const MAX_KEYS = 50;
const MAX_STRING_LENGTH = 2000;
/**
 * Keys that would reach an object's prototype if the correction were ever merged naively; any
 * other name Object.prototype carries (toString, valueOf…) is refused too, being no field.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const isForbiddenKey = (key: string) => FORBIDDEN_KEYS.has(key) || key in Object.prototype;
/** Correctable fields are event data fields, all camelCase identifiers. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;

type CorrectionValue = string | number | boolean | null | readonly string[];

function isCorrectionValue(value: unknown): value is CorrectionValue {
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return value.length <= MAX_STRING_LENGTH;
  return (
    Array.isArray(value) &&
    value.length <= COMMAND_LIMITS.listMaxItems &&
    value.every((item) => typeof item === 'string' && item.length <= MAX_STRING_LENGTH)
  );
}

/** Why a correction is refused, or null when it is acceptable. */
export function correctionProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'must be a JSON object of field: new value';
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return 'must be a plain JSON object';
  // Reflect.ownKeys also sees non-enumerable and symbol keys, which JSON never produces.
  const keys = Reflect.ownKeys(value);
  if (keys.length === 0) return 'must name at least one field to correct';
  if (keys.length > MAX_KEYS) return `must name at most ${MAX_KEYS} fields`;
  for (const key of keys) {
    if (typeof key !== 'string' || isForbiddenKey(key) || !FIELD_NAME.test(key)) {
      return `has a key that is not a field name: ${String(key).slice(0, 100)}`;
    }
    if (!isCorrectionValue((value as Record<string, unknown>)[key])) {
      return `value of ${key} must be a string of at most ${MAX_STRING_LENGTH} characters, a number, a boolean, null or a list of strings`;
    }
    const texts = [(value as Record<string, unknown>)[key]].flat();
    if (texts.some((text) => typeof text === 'string' && containsPersonalData(text))) {
      return `value of ${key} ${PERSONAL_DATA_REFUSAL}`;
    }
  }
  return null;
}

export function IsCorrection(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCorrection',
      validator: {
        // Not being an object at all is IsObject's to report, once.
        validate: (value) =>
          typeof value !== 'object' ||
          value === null ||
          Array.isArray(value) ||
          correctionProblem(value) === null,
        defaultMessage: buildMessage(
          (_each, args) => `$property ${correctionProblem(args?.value) ?? 'is invalid'}`,
          options,
        ),
      },
    },
    options,
  );
}

export class CorrectEventDto {
  @DateProperty('When the correction was decided')
  occurredAt!: string;

  @TextProperty(COMMAND_LIMITS.reasonMaxLength, {
    description: 'Why the event was wrong',
    example: 'The peer challenge ended on the Thursday, not the Friday',
  })
  reason!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    maxProperties: MAX_KEYS,
    description:
      'The corrected fields of the event and their new values; which fields may be corrected ' +
      'depends on the event type (identity such as gss or engagement ids never)',
    example: { onSiteTo: '2019-10-10' },
  })
  // Left to itself, class-transformer walks this free-form object: it silently drops
  // '__proto__' and 'constructor' keys, and throws a TypeError on a nested
  // { "constructor": "x" }. (Over HTTP, Fastify refuses '__proto__' and Nest's pipe strips
  // 'constructor' first; other callers of plainToInstance have no such net.) Converting to
  // Boolean neither recurses nor throws; @Transform then puts the raw value back, so that
  // IsCorrection judges exactly what was sent.
  @Type(() => Boolean)
  @Transform(({ obj }: { obj: Record<string, unknown> }) =>
    Object.hasOwn(obj, 'correction') ? obj['correction'] : undefined,
  )
  @IsObject()
  @IsCorrection()
  correction!: Record<string, unknown>;

  toCommand(gss: string, eventId: string): CommandOf<'CorrectEvent'> {
    return {
      type: 'CorrectEvent',
      data: {
        gss,
        occurredAt: this.occurredAt,
        eventId,
        reason: this.reason,
        // A copy, so the command never shares an object with the request body.
        correction: { ...this.correction },
      },
    };
  }
}
