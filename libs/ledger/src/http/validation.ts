import {
  type ArgumentMetadata,
  BadRequestException,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';

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

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The path of the first key, at any depth, that names a prototype. class-transformer drops
 * such keys silently, so without this check `{"prototype": …}` would pass as if unsent
 * rather than be refused like any other unknown field.
 */
export function prototypeKeyPath(value: unknown): string | undefined {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    for (const key of Object.keys(node)) {
      const child = Array.isArray(node) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (!Array.isArray(node) && PROTOTYPE_KEYS.has(key)) return child;
      stack.push([(node as Record<string, unknown>)[key], child]);
    }
  }
  return undefined;
}

class LedgerValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const field = metadata.type === 'body' ? prototypeKeyPath(value) : undefined;
    if (field !== undefined)
      throw new InvalidRequest([{ field, reason: `${field} is not a field name` }]);
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/** The API's pipe; the bulk import validates with the same options. */
export function ledgerValidationPipe(): ValidationPipe {
  return new LedgerValidationPipe({
    ...VALIDATOR_OPTIONS,
    transform: true,
    exceptionFactory: (errors) => new InvalidRequest(fieldErrors(errors)),
  });
}
