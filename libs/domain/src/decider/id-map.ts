/**
 * A persistent map from ids to values, kept as plain JSON data. A fixed
 * two-level table of 64 × 64 buckets, each bucket a flat array of id, value,
 * id, value…: adding an id copies two short arrays and one small bucket,
 * instead of every entry as an object spread would. A council's state and its
 * read-model documents hold an entry per event or engagement, so with plain
 * objects folding a long stream cost O(n²); with this it costs about the same
 * per event at 100,000 events as at ten. Ids are compared, never used as
 * property names, so "__proto__" is an id like any other. Arrays only grow as
 * far as their highest occupied index, so a small map stays small in JSON.
 * The layout is canonical (buckets sorted by id, empty places null, no
 * trailing nulls): two maps with the same entries are deeply equal and print
 * the same JSON, whatever order the ids were added or removed in.
 */
export interface IdMap<T> {
  readonly size: number;
  readonly slots: readonly (Slot | null | undefined)[];
  /** Never present: ties the stored values to T for the type checker. */
  readonly __values?: T;
}

type Bucket = readonly unknown[];
type Slot = readonly (Bucket | null | undefined)[];

const WIDTH = 64;
const NO_SLOTS: readonly Slot[] = [];

export const EMPTY_ID_MAP: IdMap<never> = { size: 0, slots: NO_SLOTS };

/** FNV-1a: cheap and well spread over short ids. */
function hash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const outerOf = (h: number): number => h & (WIDTH - 1);
const innerOf = (h: number): number => (h >>> 6) & (WIDTH - 1);

function bucketOf(map: IdMap<unknown>, h: number): Bucket | undefined {
  return map.slots[outerOf(h)]?.[innerOf(h)] ?? undefined;
}

function indexIn(bucket: Bucket | undefined, id: string): number {
  if (bucket === undefined) return -1;
  for (let i = 0; i < bucket.length; i += 2) if (bucket[i] === id) return i;
  return -1;
}

/** Where an id not yet in the bucket goes to keep it sorted. */
function insertionIn(bucket: Bucket, id: string): number {
  let i = 0;
  while (i < bucket.length && (bucket[i] as string) < id) i += 2;
  return i;
}

/** A copy with `value` at `index`: gaps filled with null, trailing nulls dropped. */
function placed<T>(array: readonly (T | null | undefined)[], index: number, value: T | null) {
  if (value !== null && index < array.length) {
    // The common case, replacing a place inside the array: nothing to fill or trim.
    const copy = array.slice() as (T | null)[];
    copy[index] = value;
    return copy;
  }
  const copy: (T | null)[] = array.map((item) => item ?? null);
  while (copy.length <= index) copy.push(null);
  copy[index] = value;
  while (copy.length > 0 && copy[copy.length - 1] === null) copy.pop();
  return copy;
}

export function idMapGet<T>(map: IdMap<T>, id: string): T | undefined {
  const bucket = bucketOf(map, hash(id));
  const at = indexIn(bucket, id);
  return at < 0 ? undefined : (bucket?.[at + 1] as T);
}

export function idMapHas(map: IdMap<unknown>, id: string): boolean {
  return indexIn(bucketOf(map, hash(id)), id) >= 0;
}

function withBucket<T>(map: IdMap<T>, h: number, bucket: Bucket | null, size: number): IdMap<T> {
  const outer = outerOf(h);
  const slot = placed(map.slots[outer] ?? NO_SLOTS, innerOf(h), bucket);
  return { size, slots: placed(map.slots, outer, slot.length === 0 ? null : slot) };
}

export function idMapSet<T>(map: IdMap<T>, id: string, value: T): IdMap<T> {
  const h = hash(id);
  const bucket = bucketOf(map, h);
  const at = indexIn(bucket, id);
  const next = bucket === undefined ? [] : bucket.slice();
  if (at < 0) next.splice(insertionIn(next, id), 0, id, value);
  else next[at + 1] = value;
  return withBucket(map, h, next, at < 0 ? map.size + 1 : map.size);
}

export function idMapDelete<T>(map: IdMap<T>, id: string): IdMap<T> {
  const h = hash(id);
  const bucket = bucketOf(map, h);
  const at = indexIn(bucket, id);
  if (bucket === undefined || at < 0) return map;
  if (map.size === 1) return EMPTY_ID_MAP;
  const next = [...bucket.slice(0, at), ...bucket.slice(at + 2)];
  return withBucket(map, h, next.length === 0 ? null : next, map.size - 1);
}

export function idMapOf<T>(entries: Iterable<readonly [string, T]>): IdMap<T> {
  let map: IdMap<T> = EMPTY_ID_MAP;
  for (const [id, value] of entries) map = idMapSet(map, id, value);
  return map;
}

/** Every entry once, in no meaningful order: sort where order matters. */
export function* idMapEntries<T>(map: IdMap<T>): Generator<[string, T]> {
  for (const slot of map.slots) {
    for (const bucket of slot ?? NO_SLOTS) {
      if (bucket === null || bucket === undefined) continue;
      for (let i = 0; i < bucket.length; i += 2) yield [bucket[i] as string, bucket[i + 1] as T];
    }
  }
}
