/**
 * A persistent map from ids to values, kept as plain JSON data. A fixed
 * two-level table of 64 × 64 buckets: adding an id copies two 64-slot arrays
 * and one bucket, instead of every entry as an object spread would. A
 * council's state holds an entry per event and per engagement, so with plain
 * objects folding a long stream cost O(n²); with this it costs about the same
 * per event at 100,000 events as at ten.
 */
export interface IdMap<T> {
  readonly size: number;
  readonly slots: readonly (Slot<T> | null)[];
}

type Bucket<T> = Readonly<Record<string, T>>;
type Slot<T> = readonly (Bucket<T> | null)[];

const WIDTH = 64;
const EMPTY_SLOTS: readonly null[] = Array.from({ length: WIDTH }, () => null);

export const EMPTY_ID_MAP: IdMap<never> = { size: 0, slots: EMPTY_SLOTS };

/** FNV-1a: cheap and well spread over short ids. */
function hash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function bucketOf<T>(map: IdMap<T>, h: number): Bucket<T> | null {
  return map.slots[h & (WIDTH - 1)]?.[(h >>> 6) & (WIDTH - 1)] ?? null;
}

export function idMapGet<T>(map: IdMap<T>, id: string): T | undefined {
  const bucket = bucketOf(map, hash(id));
  return bucket !== null && Object.hasOwn(bucket, id) ? bucket[id] : undefined;
}

export function idMapSet<T>(map: IdMap<T>, id: string, value: T): IdMap<T> {
  const h = hash(id);
  const outer = h & (WIDTH - 1);
  const inner = (h >>> 6) & (WIDTH - 1);
  const bucket = bucketOf(map, h);
  const added = bucket === null || !Object.hasOwn(bucket, id);
  // A computed key defines an own property even for "__proto__", never the prototype.
  const nextBucket: Bucket<T> = { ...bucket, [id]: value };
  const slot = map.slots[outer] ?? EMPTY_SLOTS;
  const nextSlot = slot.map((b, i) => (i === inner ? nextBucket : b));
  const slots = map.slots.map((s, i) => (i === outer ? nextSlot : s));
  return { size: added ? map.size + 1 : map.size, slots };
}

export function idMapOf<T>(entries: Iterable<readonly [string, T]>): IdMap<T> {
  let map: IdMap<T> = EMPTY_ID_MAP;
  for (const [id, value] of entries) map = idMapSet(map, id, value);
  return map;
}

export function* idMapEntries<T>(map: IdMap<T>): Generator<[string, T]> {
  for (const slot of map.slots) {
    for (const bucket of slot ?? []) {
      if (bucket === null) continue;
      for (const id of Object.keys(bucket)) yield [id, bucket[id] as T];
    }
  }
}
