import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PgliteEventStore } from '#event-store';
import type { ReadModelStore } from '../read-model-store.js';
import { rebuildBeside } from './projection-rebuild.js';
import { ProjectionRunner } from './projection-runner.js';
import { ProjectionSupervisor } from './projection-supervisor.js';
import type { Counter } from './runner-spec-kit.js';
import { appendCounted, counter, FlakyStore, unique, until } from './runner-spec-kit.js';

let eventStore: PgliteEventStore;
const stops: (() => Promise<void>)[] = [];
beforeAll(async () => {
  eventStore = await PgliteEventStore.open({ dataDir: 'memory://' });
});
afterAll(async () => {
  await Promise.all(stops.map((stop) => stop()));
  await eventStore.close();
});

/** What a query does: read the live version, then its documents. */
async function readLive(store: ReadModelStore, name: string) {
  const version = await store.liveVersion(name);
  if (version === undefined) return undefined;
  const docs = await store.all<Counter>({ name, version });
  return JSON.stringify([...docs].map(([id, d]) => [id, d.count, d.sum]).sort());
}

const expectedView = (prefix: string, streams: number, perStream: number, factor: number) =>
  JSON.stringify(
    Array.from({ length: streams }, (_, s) => [
      `${prefix}-${s}`,
      perStream,
      perStream * factor,
    ]).sort(),
  );

async function seed(prefix: string, streams: number, perStream: number) {
  for (let s = 0; s < streams; s += 1) {
    await appendCounted(eventStore, `${prefix}-${s}`, Array(perStream).fill(1));
  }
}

/** Builds and promotes v1 the way an earlier deployment would have. */
async function liveV1(store: FlakyStore, name: string, prefix: string) {
  const v1 = counter(name, prefix, { version: 1 });
  const outcome = await rebuildBeside({ projection: v1, eventStore, store, leaseTtlMs: 2_000 });
  expect(outcome).toMatchObject({ promoted: true, previous: undefined });
  await outcome.runner.stop();
}

describe('rebuild beside the live version', () => {
  it('builds v2 beside v1 and swaps it in; queries see all of v1 or all of v2, never a mix', async () => {
    const prefix = unique('rebuild');
    const name = unique('counter');
    await seed(prefix, 20, 60);
    const store = new FlakyStore();
    await liveV1(store, name, prefix);
    const v1View = expectedView(prefix, 20, 60, 1);
    expect(await readLive(store, name)).toBe(v1View);
    // v1 parks an event that v2 handles: the dead letter goes with v1.
    await store.park({
      projection: name,
      version: 1,
      eventId: 'stale',
      position: '1',
      eventType: 'Counted',
      error: 'old bug',
      attempts: 3,
      parkedAt: new Date().toISOString(),
    });

    const seen = new Set<string | undefined>();
    let polling = true;
    const poller = (async () => {
      while (polling) {
        seen.add(await readLive(store, name));
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const outcome = await rebuildBeside({
      projection: counter(name, prefix, { version: 2 }),
      eventStore,
      store,
      maxBatchEvents: 50,
      retireAfterMs: 100,
    });
    polling = false;
    await poller;
    stops.push(() => outcome.runner.stop());

    const v2View = expectedView(prefix, 20, 60, 2);
    expect(outcome).toMatchObject({ promoted: true, previous: 1 });
    expect(store.commits.filter((c) => c.projection.version === 2).length).toBeGreaterThan(10);
    expect([...seen].sort()).toEqual([v1View, v2View].sort());
    expect(await store.liveVersion(name)).toBe(2);
    expect(await store.all({ name, version: 1 })).toEqual(new Map());
    expect(await store.deadLetters(name)).toEqual([]);

    await appendCounted(eventStore, `${prefix}-0`, [5]);
    await until(
      async () => (await store.get<Counter>({ name, version: 2 }, `${prefix}-0`))?.count === 61,
    );
  });

  it('supervises: a new version is rebuilt and promoted, a first version built, a current one just run', async () => {
    const prefix = unique('supervised');
    await seed(prefix, 3, 10);
    const store = new FlakyStore();
    const [bumped, fresh, current] = [unique('bumped'), unique('fresh'), unique('current')];
    await liveV1(store, bumped, prefix);
    await liveV1(store, current, prefix);
    const supervisor = new ProjectionSupervisor({
      projections: [
        counter(bumped, prefix, { version: 2 }),
        counter(fresh, prefix),
        counter(current, prefix),
      ],
      eventStore,
      store,
      runner: { leaseTtlMs: 2_000 },
      retireAfterMs: 50,
    });
    stops.push(() => supervisor.stop());
    supervisor.start();
    await until(async () => (await store.liveVersion(bumped)) === 2);
    await until(async () => (await store.liveVersion(fresh)) === 1);
    await until(async () => (await supervisor.status()).every((status) => status.state === 'live'));
    expect(await readLive(store, bumped)).toBe(expectedView(prefix, 3, 10, 2));
    expect(await readLive(store, fresh)).toBe(expectedView(prefix, 3, 10, 1));
    expect(await store.liveVersion(current)).toBe(1);
    expect((await supervisor.status()).map((s) => [s.name, s.version]).sort()).toEqual(
      [
        [bumped, 2],
        [current, 1],
        [fresh, 1],
      ].sort(),
    );
    await until(async () => (await store.all({ name: bumped, version: 1 })).size === 0);

    await appendCounted(eventStore, `${prefix}-1`, [1]);
    await until(
      async () =>
        (await store.get<Counter>({ name: current, version: 1 }, `${prefix}-1`))?.count === 11,
    );
    await supervisor.stop();
    expect(supervisor.runner(bumped)?.state).toBe('stopped');
  });

  it('does not run a version older than the live one', async () => {
    const prefix = unique('older');
    const store = new FlakyStore();
    const name = unique('counter');
    await store.promote({ name, version: 3 });
    const runner = new ProjectionRunner({ projection: counter(name, prefix), eventStore, store });
    await runner.start();
    expect(runner.state).toBe('stopped');
    await expect(
      rebuildBeside({ projection: counter(name, prefix), eventStore, store }),
    ).rejects.toThrow(RangeError);
  });
});
