import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { FencedOff, StaleCheckpoint } from '#projections';
import type { ReadModelStore } from '#projections';
import { batch, leasedKey, rejection, UPDATED_AT } from './read-model-store-fixtures.js';
import { leaseAndDeadLetterCases } from './read-model-store-leases.contract.js';

export type ReadModelStoreFactory = () => Promise<{
  store: ReadModelStore;
  teardown: () => Promise<void>;
}>;

/** Every ReadModelStore adapter passes this suite (STYLE item 9). */
export function readModelStoreContract(name: string, factory: ReadModelStoreFactory): void {
  describe(`ReadModelStore contract: ${name}`, () => {
    let store: ReadModelStore;
    let teardown: () => Promise<void>;
    beforeAll(async () => ({ store, teardown } = await factory()));
    afterAll(() => teardown());

    const leased = () => leasedKey(store);

    it('round-trips documents through commit, get and all, with unicode intact', async () => {
      const { key, token } = await leased();
      const docs = {
        'council-E06000001': { lastPosition: '5', name: 'Hartlepool – “café” ✓ 🏛' },
        'ключ-ü': { lastPosition: '7', nested: { list: [1, null, 'x'] } },
      };
      await store.commit(batch(key, token, 7n, docs));
      expect(await store.get(key, 'ключ-ü')).toEqual(docs['ключ-ü']);
      expect(await store.get(key, 'missing')).toBeUndefined();
      expect(Object.fromEntries(await store.all(key))).toEqual(docs);
      expect(await store.checkpoint(key)).toEqual({ position: 7n, updatedAt: UPDATED_AT });
      expect(await store.all({ ...key, version: 2 })).toEqual(new Map());
    });

    it('commits a 5 MB batch atomically', async () => {
      const { key, token } = await leased();
      const filler = 'é'.repeat(1_300);
      const put = Object.fromEntries(
        Array.from({ length: 2_000 }, (_, n) => [`doc-${n}`, { lastPosition: '9', n, filler }]),
      );
      expect(Buffer.byteLength(JSON.stringify(put))).toBeGreaterThan(5_000_000);
      await store.commit(batch(key, token, 9n, put));
      const all = await store.all<{ n: number }>(key);
      expect(all.size).toBe(2_000);
      expect(all.get('doc-1999')?.n).toBe(1_999);
    });

    it('deletes documents', async () => {
      const { key, token } = await leased();
      await store.commit(batch(key, token, 1n, { a: { v: 1 }, b: { v: 2 } }));
      await store.commit(batch(key, token, 2n, { c: { v: 3 } }, ['a', 'never-there']));
      expect([...(await store.all(key)).keys()].sort()).toEqual(['b', 'c']);
    });

    it('refuses a checkpoint at or below the stored one and writes nothing', async () => {
      const { key, token } = await leased();
      await store.commit(batch(key, token, 10n, { a: { v: 1 } }));
      for (const position of [10n, 9n]) {
        const error = await rejection(store.commit(batch(key, token, position, { a: { v: 2 } })));
        expect(error).toBeInstanceOf(StaleCheckpoint);
        expect(error).toMatchObject({ stored: 10n, attempted: position });
      }
      expect(await store.get(key, 'a')).toEqual({ v: 1 });
      expect((await store.checkpoint(key))?.position).toBe(10n);
      expect((await store.changesSince(key, 0)).sequence).toBe(1);
    });

    it('orders positions above 2^53 exactly, by value and not by text', async () => {
      const { key, token } = await leased();
      const high = 2n ** 63n - 2n;
      await store.commit(batch(key, token, 2n ** 53n + 1n, { a: { v: 1 } }));
      await expect(store.commit(batch(key, token, 2n ** 53n, {}))).rejects.toThrow(StaleCheckpoint);
      await store.commit(batch(key, token, high));
      expect((await store.checkpoint(key))?.position).toBe(high);
      await expect(store.commit(batch(key, token, 99999n))).rejects.toThrow(StaleCheckpoint);
      await store.commit(batch(key, token, high + 1n));
      expect((await store.checkpoint(key))?.position).toBe(high + 1n);
    });

    it('reports the documents changed since a commit sequence', async () => {
      const { key, token } = await leased();
      expect(await store.changesSince(key, 0)).toEqual({
        sequence: 0,
        checkpoint: undefined,
        documents: new Map(),
      });
      await store.commit(batch(key, token, 1n, { a: { v: 1 }, b: { v: 1 } }));
      await store.commit(batch(key, token, 2n, { b: { v: 2 } }, ['a']));
      await store.commit(batch(key, token, 3n, { c: { v: 3 } }));
      const all = await store.changesSince(key, 0);
      expect(all.sequence).toBe(3);
      expect(all.checkpoint).toEqual({ position: 3n, updatedAt: UPDATED_AT });
      expect(all.documents).toEqual(
        new Map([
          ['a', undefined],
          ['b', { v: 2 }],
          ['c', { v: 3 }],
        ]),
      );
      const since1 = await store.changesSince(key, 1);
      expect(since1.documents).toEqual(
        new Map([
          ['a', undefined],
          ['b', { v: 2 }],
          ['c', { v: 3 }],
        ]),
      );
      expect((await store.changesSince(key, 2)).documents).toEqual(new Map([['c', { v: 3 }]]));
      expect((await store.changesSince(key, 3)).documents).toEqual(new Map());
    });

    it('resets a version: documents, checkpoint, changes and lease go; tokens and sequences never repeat', async () => {
      const { key, token } = await leased();
      const other = { ...key, version: 2 };
      const otherToken = await store.acquireLease(other, 'owner-a', 10_000);
      await store.commit(batch(other, otherToken!, 4n, { kept: { v: 1 } }));
      await store.commit(batch(key, token, 4n, { a: { v: 1 } }));
      await store.reset(key);
      expect(await store.all(key)).toEqual(new Map());
      expect(await store.checkpoint(key)).toBeUndefined();
      expect((await store.changesSince(key, 0)).documents).toEqual(new Map());
      await expect(store.commit(batch(key, token, 5n))).rejects.toThrow(FencedOff);
      const next = await store.acquireLease(key, 'owner-b', 10_000);
      expect(next).toBeGreaterThan(token);
      await store.commit(batch(key, next!, 1n, { b: { v: 1 } }));
      expect((await store.changesSince(key, 0)).sequence).toBe(2);
      expect(await store.get(other, 'kept')).toEqual({ v: 1 });
    });

    it('records the live version and promotes another', async () => {
      const name = `contract-${randomUUID()}`;
      expect(await store.liveVersion(name)).toBeUndefined();
      await store.promote({ name, version: 1 });
      expect(await store.liveVersion(name)).toBe(1);
      await store.promote({ name, version: 2 });
      expect(await store.liveVersion(name)).toBe(2);
    });

    leaseAndDeadLetterCases(() => store);
  });
}
