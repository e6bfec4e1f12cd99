import { byId } from '#domain';

export type Records<T> = Readonly<Record<string, T>>;

/** Copy-on-write helpers: documents are plain JSON and never mutated in place. */
export function withRecord<T>(records: Records<T>, id: string, value: T): Records<T> {
  return { ...records, [id]: value };
}

export function withoutRecord<T>(records: Records<T>, id: string): Records<T> {
  if (!Object.hasOwn(records, id)) return records;
  const { [id]: _removed, ...rest } = records;
  return rest;
}

export function updateRecord<T>(records: Records<T>, id: string, update: (value: T) => T) {
  const current = byId(records, id);
  return current === undefined ? records : withRecord(records, id, update(current));
}

/** Keys in code-unit order, so iteration never depends on the order records were folded. */
export function sortedKeys(records: Records<unknown>): string[] {
  return Object.keys(records).sort(compareStrings);
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function pick(source: Readonly<Record<string, unknown>>, fields: readonly string[]) {
  return Object.fromEntries(
    fields.filter((field) => Object.hasOwn(source, field)).map((f) => [f, source[f]]),
  );
}
