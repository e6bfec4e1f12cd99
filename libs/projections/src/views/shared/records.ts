import {
  EMPTY_ID_MAP,
  type IdMap,
  idMapDelete,
  idMapEntries,
  idMapGet,
  idMapOf,
  idMapSet,
} from '#domain';

/**
 * A document's records by id: a persistent map (plain JSON), because a
 * council's documents hold an entry per interaction and copying a plain object
 * on every event made a long stream's fold quadratic. Never iterate it raw:
 * its order depends on the order ids arrived, so views read it sorted.
 */
export type Records<T> = IdMap<T>;

export const NO_RECORDS: Records<never> = EMPTY_ID_MAP;

export const recordOf: <T>(records: Records<T>, id: string) => T | undefined = idMapGet;
export const withRecord: <T>(records: Records<T>, id: string, value: T) => Records<T> = idMapSet;
export const withoutRecord: <T>(records: Records<T>, id: string) => Records<T> = idMapDelete;
export const recordsOf: <T>(entries: Iterable<readonly [string, T]>) => Records<T> = idMapOf;

export function updateRecord<T>(records: Records<T>, id: string, update: (value: T) => T) {
  const current = recordOf(records, id);
  return current === undefined ? records : withRecord(records, id, update(current));
}

/** Entries in code-unit order of their ids, so no result depends on the order of folding. */
export function sortedEntries<T>(records: Records<T>): [string, T][] {
  return [...idMapEntries(records)].sort(([a], [b]) => compareStrings(a, b));
}

export const sortedKeys = (records: Records<unknown>): string[] =>
  sortedEntries(records).map(([id]) => id);

export const sortedValues = <T>(records: Records<T>): T[] =>
  sortedEntries(records).map(([, value]) => value);

/** For sums and searches whose result does not depend on order: no sort. */
export function* recordValues<T>(records: Records<T>): Generator<T> {
  for (const [, value] of idMapEntries(records)) yield value;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function pick(source: Readonly<Record<string, unknown>>, fields: readonly string[]) {
  return Object.fromEntries(
    fields.filter((field) => Object.hasOwn(source, field)).map((f) => [f, source[f]]),
  );
}
