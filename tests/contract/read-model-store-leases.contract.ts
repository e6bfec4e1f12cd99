import { beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { FencedOff, StaleCheckpoint } from '#projections';
import type { ReadModelStore } from '#projections';
import { batch, leasedKey, letter, rejection, sleep } from './read-model-store-fixtures.js';

/** Leases, fencing and dead letters: part of readModelStoreContract. */
export function leaseAndDeadLetterCases(current: () => ReadModelStore): void {
  describe('leases and dead letters', () => {
    let store: ReadModelStore;
    const leased = () => leasedKey(store);
    beforeEach(() => {
      store = current();
    });

    it('refuses a stale fencing token and writes nothing', async () => {
      const { key, token } = await leased();
      await store.releaseLease(key, 'owner-a', token);
      const next = await store.acquireLease(key, 'owner-b', 10_000);
      expect(next).toBeGreaterThan(token);
      const error = await rejection(store.commit(batch(key, token, 1n, { a: { v: 1 } })));
      expect(error).toBeInstanceOf(FencedOff);
      expect(await store.all(key)).toEqual(new Map());
      expect(await store.checkpoint(key)).toBeUndefined();
      await store.commit(batch(key, next!, 1n, { a: { v: 1 } }));
      expect(await store.get(key, 'a')).toEqual({ v: 1 });
    });

    it('refuses a commit without a current lease', async () => {
      const key = { name: `contract-${randomUUID()}`, version: 1 };
      await expect(store.commit(batch(key, 1n, 1n, { a: {} }))).rejects.toThrow(FencedOff);
    });

    it('grants one lease at a time, renews it, lets it expire, and hands it over', async () => {
      const key = { name: `contract-${randomUUID()}`, version: 1 };
      // Margins of 300 ms either side keep this steady on a loaded machine.
      const first = await store.acquireLease(key, 'owner-a', 600);
      expect(first).toBeDefined();
      expect(await store.acquireLease(key, 'owner-b', 600)).toBeUndefined();
      expect(await store.renewLease(key, 'owner-a', first!, 600)).toBe(true);
      expect(await store.renewLease(key, 'owner-b', first!, 600)).toBe(false);
      expect(await store.renewLease(key, 'owner-a', first! + 100n, 600)).toBe(false);
      await sleep(300);
      expect(await store.renewLease(key, 'owner-a', first!, 600)).toBe(true);
      await sleep(300);
      expect(await store.acquireLease(key, 'owner-b', 600)).toBeUndefined();
      await sleep(600);
      const stolen = await store.acquireLease(key, 'owner-b', 10_000);
      expect(stolen).toBeGreaterThan(first!);
      expect(await store.renewLease(key, 'owner-a', first!, 600)).toBe(false);
      await store.releaseLease(key, 'owner-a', first!);
      expect(await store.acquireLease(key, 'owner-a', 600)).toBeUndefined();
      await store.releaseLease(key, 'owner-b', stolen!);
      const again = await store.acquireLease(key, 'owner-a', 600);
      expect(again).toBeGreaterThan(stolen!);
    });

    it('gives the holder acquiring again a new token that fences its old one', async () => {
      const { key, token } = await leased();
      const renewed = await store.acquireLease(key, 'owner-a', 10_000);
      expect(renewed).toBeGreaterThan(token);
      await expect(store.commit(batch(key, token, 1n))).rejects.toThrow(FencedOff);
    });

    it('parks, lists and removes dead letters', async () => {
      const first = `contract-${randomUUID()}`;
      const second = `contract-${randomUUID()}`;
      await store.park(letter(first, 'e-2', '20'));
      await store.park(letter(first, 'e-1', '10'));
      await store.park(letter(second, 'e-3', '15'));
      await store.park({ ...letter(first, 'e-1', '10'), attempts: 4 });
      expect(await store.deadLetters(first)).toEqual([
        { ...letter(first, 'e-1', '10'), attempts: 4 },
        letter(first, 'e-2', '20'),
      ]);
      const everything = (await store.deadLetters()).filter((l) =>
        [first, second].includes(l.projection),
      );
      expect(everything.map((l) => l.eventId)).toEqual(['e-1', 'e-3', 'e-2']);
      await store.removeDeadLetter(first, 'e-1');
      expect((await store.deadLetters(first)).map((l) => l.eventId)).toEqual(['e-2']);
      expect(await store.deadLetters(`contract-${randomUUID()}`)).toEqual([]);
    });

    it('resolves dead letters atomically with a commit that may repeat the checkpoint, once', async () => {
      const { key, token } = await leased();
      await store.commit(batch(key, token, 8n, { a: { v: 1 } }));
      await store.park(letter(key.name, 'e-5', '5'));
      const replay = { ...batch(key, token, 8n, { a: { v: 2 } }), resolvesDeadLetters: ['e-5'] };
      await store.commit(replay);
      expect(await store.get(key, 'a')).toEqual({ v: 2 });
      expect(await store.deadLetters(key.name)).toEqual([]);
      const again = { ...replay, put: new Map([['a', { v: 3 }]]) };
      await expect(store.commit(again)).rejects.toThrow(StaleCheckpoint);
      expect(await store.get(key, 'a')).toEqual({ v: 2 });
    });
  });
}
