import { describe, expect, it } from '@jest/globals';
import {
  EMPTY_ID_MAP,
  idMapDelete,
  idMapEntries,
  idMapGet,
  idMapHas,
  idMapOf,
  idMapSet,
} from './id-map.js';

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

  it('deletes persistently, and an emptied map is the empty map again', () => {
    const two = idMapOf([
      ['a', 1],
      ['__proto__', 2],
    ]);
    const one = idMapDelete(two, '__proto__');
    expect([idMapHas(one, '__proto__'), idMapGet(two, '__proto__'), one.size]).toEqual([
      false,
      2,
      1,
    ]);
    expect(idMapDelete(one, 'missing')).toBe(one);
    expect(idMapDelete(one, 'a')).toEqual(EMPTY_ID_MAP);
  });

  it('stays small in JSON: arrays reach only their highest occupied index', () => {
    const map = idMapOf([['only', 1]]);
    // A full 64 × 64 table would print 4,096 nulls; one entry prints at most two 64-slot arrays.
    expect(JSON.stringify(map).length).toBeLessThan(2 * 64 * 5 + 60);
    expect(JSON.stringify(EMPTY_ID_MAP)).toBe('{"size":0,"slots":[]}');
  });

  it('is canonical: the same entries give equal maps, whatever the order of adds and removes', () => {
    const ids = Array.from({ length: 300 }, (_, i) => `id-${i}`);
    const forward = idMapOf(ids.map((id) => [id, id.length] as const));
    let churned = idMapOf([...ids].reverse().map((id) => [id, id.length] as const));
    for (const id of ['extra-1', 'extra-2']) churned = idMapSet(churned, id, 0);
    for (const id of ['extra-2', 'extra-1']) churned = idMapDelete(churned, id);
    expect(churned).toEqual(forward);
    expect(JSON.stringify(churned)).toBe(JSON.stringify(forward));
  });
});
