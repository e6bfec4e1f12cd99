import { InvalidReferenceData } from '../errors.js';
import { isIsoDate } from '../values/iso-date.js';
import { isOneOf } from '../values/one-of.js';

type Json = Readonly<Record<string, unknown>>;

/**
 * Reads reference data field by field, failing with the file and the path of the bad field
 * (e.g. `offers[3].unit`), so whoever edits the JSON knows exactly what to fix.
 */
export class JsonReader {
  constructor(readonly file: string) {}

  fail(field: string, problem: string): never {
    throw new InvalidReferenceData(this.file, field, problem);
  }

  object(field: string, value: unknown, allowed: readonly string[]): Json {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(field, 'must be an object');
    }
    for (const key of Object.keys(value)) {
      // Typos in a hand-edited file must not be silently ignored.
      if (!allowed.includes(key)) this.fail(join(field, key), 'is not a known field');
    }
    return value as Json;
  }

  array(field: string, value: unknown, { nonEmpty = false } = {}): readonly unknown[] {
    if (!Array.isArray(value)) this.fail(field, 'must be a list');
    if (nonEmpty && value.length === 0) this.fail(field, 'must not be empty');
    return value;
  }

  string(field: string, value: unknown, pattern?: RegExp): string {
    if (typeof value !== 'string' || value.trim() === '')
      this.fail(field, 'must be non-blank text');
    if (pattern && !pattern.test(value)) this.fail(field, `${value} must match ${pattern.source}`);
    return value;
  }

  number(field: string, value: unknown, { integer = false, min = -Infinity, max = Infinity } = {}) {
    const valid =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (!integer || Number.isInteger(value)) &&
      value >= min &&
      value <= max;
    if (!valid) {
      this.fail(field, `must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`);
    }
    return value as number;
  }

  oneOf<T extends string>(field: string, values: readonly T[], value: unknown): T {
    if (!isOneOf(values, value))
      this.fail(field, `${String(value)} must be one of ${values.join(', ')}`);
    return value;
  }

  date(field: string, value: unknown): string {
    if (!isIsoDate(value)) this.fail(field, 'must be a YYYY-MM-DD date');
    return value;
  }

  unique(field: string, values: readonly string[]): void {
    const seen = new Set<string>();
    values.forEach((value, index) => {
      if (seen.has(value)) this.fail(`${field}[${index}]`, `${value} is repeated`);
      seen.add(value);
    });
  }
}

export const ROOT = '(root)';

export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' || path === ROOT ? key : `${path}.${key}`;
}
