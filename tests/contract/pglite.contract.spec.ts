import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore, PgliteEventStore } from '#event-store';
import { eventStoreContract } from './event-store.contract.js';

async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'ledger-pglite-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

eventStoreContract('PGlite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ledger-pglite-'));
  const store = await PgliteEventStore.open({ dataDir: dir });
  return {
    store,
    teardown: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('PGlite adapter', () => {
  it(
    'keeps events on disk across close and reopen, and is the default of createEventStore',
    () =>
      withTempDir(async (dir) => {
        const dataDir = join(dir, 'nested', 'events');
        const first = await createEventStore({ dataDir });
        expect(first).toBeInstanceOf(PgliteEventStore);
        const id = randomUUID();
        const written = await first.append(
          'council-E06000001',
          [{ id, type: 'T', data: 1 }],
          'no_stream',
        );
        await first.close();
        const second = await createEventStore({ url: '', dataDir });
        try {
          const [event] = await second.readStream('council-E06000001');
          expect(event).toMatchObject({ id, data: 1, position: written.position });
          expect(await second.headPosition()).toBe(written.position);
        } finally {
          await second.close();
        }
      }),
    120_000,
  );

  it(
    'ends open subscriptions when the store closes',
    () =>
      withTempDir(async (dir) => {
        const store = await PgliteEventStore.open({ dataDir: dir });
        const done = (async () => {
          for await (const _event of store.subscribeToAll()) {
            // only waiting for the end
          }
        })();
        await new Promise((resolve) => setTimeout(resolve, 100));
        await store.close();
        await expect(done).resolves.toBeUndefined();
      }),
    120_000,
  );
});
