import { describe, expect, it } from '@jest/globals';
import { EMPTY_ID_MAP, idMapEntries, idMapGet, idMapOf, idMapSet } from './id-map.js';

describe('IdMap', () => {
  it('gets what was set, and nothing else', () => {
    const map = idMapSet(idMapSet(EMPTY_ID_MAP, 'a', 1), 'b', 2);
    expect([idMapGet(map, 'a'), idMapGet(map, 'b'), idMapGet(map, 'c')]).toEqual([1, 2, undefined]);
    expect(map.size).toBe(2);
  });

  it('is persistent: setting leaves the earlier map as it was', () => {
    const before = idMapSet(EMPTY_ID_MAP, 'a', 1);
    const after = idMapSet(before, 'a', 9);
    expect(idMapGet(before, 'a')).toBe(1);
    expect(idMapGet(after, 'a')).toBe(9);
    expect(after.size).toBe(1);
  });

  it('treats prototype names as plain ids', () => {
    const map = idMapSet(EMPTY_ID_MAP, '__proto__', 'x');
    expect(idMapGet(map, '__proto__')).toBe('x');
    expect(idMapGet(map, 'constructor')).toBeUndefined();
    expect(idMapGet(map, 'toString')).toBeUndefined();
  });

  it('holds many ids, survives a JSON round trip, and lists every entry once', () => {
    const entries = Array.from({ length: 20_000 }, (_, i) => [`id-${i}`, i] as const);
    const map = idMapOf(entries);
    const copy = JSON.parse(JSON.stringify(map)) as typeof map;
    expect(copy.size).toBe(20_000);
    expect(idMapGet(copy, 'id-12345')).toBe(12_345);
    expect([...idMapEntries(copy)].sort((a, b) => a[1] - b[1])).toEqual(
      entries.map(([k, v]) => [k, v]),
    );
  });
});
