import { createHash } from 'node:crypto';

/**
 * The one serialisation a snapshot's hash is taken over, so the same document always gives
 * the same bytes whatever order its keys were built in: object keys sorted by UTF-16 code
 * unit (as Array#sort does) at every depth, no whitespace, strings and numbers exactly as
 * JSON.stringify writes them (so a number prints as JavaScript prints it, -0 as 0), array
 * order kept, and a property whose value is undefined left out.
 *
 * Anything JSON cannot carry faithfully is refused rather than silently changed: NaN and
 * the infinities (JSON.stringify would write null), bigints, functions, symbols, undefined
 * inside an array, and objects that are not plain (Date, Map, class instances), so a bug
 * in a view can never produce a document whose stored JSON differs from what was hashed.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

/** Lowercase hex SHA-256 of the UTF-8 bytes of the canonical JSON. */
export function sha256Hex(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} has no JSON form`);
      return JSON.stringify(value);
    case 'object':
      return Array.isArray(value) ? writeArray(value, path) : writeObject(value, path);
    default:
      throw new TypeError(`${path}: a ${typeof value} has no JSON form`);
  }
}

function writeArray(items: readonly unknown[], path: string): string {
  const parts: string[] = [];
  for (let index = 0; index < items.length; index++) {
    const item: unknown = items[index];
    if (item === undefined) throw new TypeError(`${path}[${index}]: undefined has no JSON form`);
    parts.push(write(item, `${path}[${index}]`));
  }
  return `[${parts.join(',')}]`;
}

function writeObject(value: object, path: string): string {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new TypeError(`${path}: only plain objects are canonical JSON`);
  }
  const record = value as Readonly<Record<string, unknown>>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${write(item, `${path}.${key}`)}`);
  }
  return `{${parts.join(',')}}`;
}
