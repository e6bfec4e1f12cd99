import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

export interface FieldError {
  readonly field: string;
  readonly reason: string;
}

/** Flattens class-validator's tree into `field.path: reason` pairs a client can act on. */
export function fieldErrors(errors: readonly ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix
      ? /^\d+$/.test(error.property)
        ? `${prefix}[${error.property}]`
        : `${prefix}.${error.property}`
      : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

export class InvalidRequest extends BadRequestException {
  constructor(readonly errors: readonly FieldError[]) {
    super({
      code: 'validation_failed',
      message: errors.map((e) => `${e.field}: ${e.reason}`).join('; '),
      errors,
    });
  }
}

/** Unknown fields are refused rather than dropped: a typo must not pass silently. */
export const VALIDATOR_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
} as const;

/** The API's pipe; the bulk import validates with the same options. */
export function ledgerValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...VALIDATOR_OPTIONS,
    transform: true,
    exceptionFactory: (errors) => new InvalidRequest(fieldErrors(errors)),
  });
}
