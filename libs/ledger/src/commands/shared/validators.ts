import { ValidateBy, type ValidationOptions, buildMessage } from 'class-validator';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { ENTITY_ID_PATTERN, isEntityId, isIsoDate } from '#domain';

/** A real calendar date written 'YYYY-MM-DD'. */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoDate',
      validator: {
        validate: (value) => isIsoDate(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a calendar date written YYYY-MM-DD`,
          options,
        ),
      },
    },
    options,
  );
}

/** An opaque id chosen by the caller: 1-100 of A-Z a-z 0-9 . _ : - (never a person's name). */
export function IsEntityId(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEntityId',
      validator: {
        validate: (value) => isEntityId(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be an id of 1-100 characters from A-Z a-z 0-9 . _ : -`,
          options,
        ),
      },
    },
    options,
  );
}

/** Swagger description and validation of an id field in one place. */
export const EntityIdProperty = (description: string, options: ApiPropertyOptions = {}) =>
  applyDecorators(
    ApiProperty({
      description,
      pattern: ENTITY_ID_PATTERN,
      example: 'pc-2019-017',
      ...options,
    } as ApiPropertyOptions),
    IsEntityId(),
  );

export const DateProperty = (description: string) =>
  applyDecorators(ApiProperty({ description, format: 'date', example: '2019-06-12' }), IsIsoDate());
