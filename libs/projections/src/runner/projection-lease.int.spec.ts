import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PgliteEventStore } from '#event-store';
import { FencedOff, ReadModelUnavailable } from '../read-model-store.js';
import type { ProjectionKey, ReadModelStore } from '../read-model-store.js';
import { ProjectionRunner } from './projection-runner.js';
import type { Counter } from './runner-spec-kit.js';
import { appendCounted, counter, FlakyStore, storeView, unique, until } from './runner-spec-kit.js';

const TTL_MS = 300;
let eventStore: PgliteEventStore;
const runners: ProjectionRunner<Counter>[] = [];
beforeAll(async () => {
  eventStore = await PgliteEventStore.open({ dataDir: 'memory://' });
});
afterAll(async () => {
  await Promise.all(runners.map((runner) => runner.stop()));
  await eventStore.close();
});

function pair(prefix: string, store: FlakyStore, aStore: ReadModelStore = store) {
  const projection = counter(unique('leased'), prefix);
  const errors: unknown[] = [];
  const settings = { projection, eventStore, leaseTtlMs: TTL_MS };
  const a = new ProjectionRunner<Counter>({
    ...settings,
    store: aStore,
    owner: 'a',
    onError: (error) => errors.push(error),
  });
  const b = new ProjectionRunner<Counter>({ ...settings, store, owner: 'b' });
  runners.push(a, b);
  return { a, b, errors, key: a.key };
}

async function countOf(store: ReadModelStore, key: ProjectionKey, id: string) {
  return (await store.get<Counter>(key, id))?.count;
}

describe('ProjectionRunner leases', () => {
  it('runs one of two runners; the other takes over when it stops', async () => {
    const prefix = unique('handover');
    const store = new FlakyStore();
    const { a, b, key } = pair(prefix, store);
    void a.start();
    await until(() => a.state === 'live');
    void b.start();
    await appendCounted(eventStore, `${prefix}-s`, [1, 2, 3]);
    await until(async () => (await countOf(store, key, `${prefix}-s`)) === 3);
    expect(b.state).toBe('standby');
    expect((await b.status()).checkpoint).toBe((await a.status()).checkpoint);

    await a.stop();
    await until(() => b.state === 'live');
    await appendCounted(eventStore, `${prefix}-s`, [4]);
    await until(async () => (await countOf(store, key, `${prefix}-s`)) === 4);
    expect(await store.get(key, `${prefix}-s`)).toMatchObject({ count: 4, sum: 10 });
  });

  it('takes over from a runner cut off from the store once its lease expires', async () => {
    const prefix = unique('crash');
    const store = new FlakyStore();
    let cut = false;
    const refuse = <T>(work: () => Promise<T>) =>
      cut ? Promise.reject(new ReadModelUnavailable('partitioned')) : work();
    const aStore = storeView(store, {
      commit: (batch) => refuse(() => store.commit(batch)),
      acquireLease: (k, owner, ttl) => refuse(() => store.acquireLease(k, owner, ttl)),
      renewLease: (k, owner, token, ttl) => refuse(() => store.renewLease(k, owner, token, ttl)),
    });
    const { a, b, key } = pair(prefix, store, aStore);
    void a.start();
    await until(() => a.state === 'live');
    void b.start();
    cut = true;
    const cutAt = Date.now();
    await appendCounted(eventStore, `${prefix}-s`, [5, 6]);
    await until(async () => (await countOf(store, key, `${prefix}-s`)) === 2);
    expect(Date.now() - cutAt).toBeGreaterThanOrEqual(TTL_MS - 50);
    cut = false;
    await until(() => a.state === 'standby');
    await appendCounted(eventStore, `${prefix}-s`, [7]);
    await until(async () => (await countOf(store, key, `${prefix}-s`)) === 3);
    expect(await store.get(key, `${prefix}-s`)).toMatchObject({ count: 3, sum: 18 });
    expect(a.state).toBe('standby');
  });

  it('fences off a runner that still believes it holds the lease', async () => {
    const prefix = unique('fenced');
    const store = new FlakyStore();
    // A's renewals never answer: it cannot tell that its lease has lapsed.
    const aStore = storeView(store, { renewLease: () => new Promise<boolean>(() => undefined) });
    const { a, b, errors, key } = pair(prefix, store, aStore);
    void a.start();
    await until(() => a.state === 'live');
    await appendCounted(eventStore, `${prefix}-s`, [1]);
    await until(async () => (await countOf(store, key, `${prefix}-s`)) === 1);
    void b.start();
    await until(() => b.state === 'live');
    expect(a.state).toBe('live');

    await appendCounted(eventStore, `${prefix}-s`, [2, 3]);
    await until(() => errors.some((error) => error instanceof FencedOff));
    await until(async () => (await countOf(store, key, `${prefix}-s`)) === 3);
    await until(() => a.state === 'standby');
    expect(await store.get(key, `${prefix}-s`)).toMatchObject({ count: 3, sum: 6 });
  });
});
