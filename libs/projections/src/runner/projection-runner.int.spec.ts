import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PgliteEventStore } from '#event-store';
import { applyOnce } from '../projection.js';
import type { ProjectedEvent } from '../projection.js';
import { ProjectionRunner } from './projection-runner.js';
import type { ProjectionRunnerOptions } from './runner-options.js';
import { toProjectedEvent } from './projected-event.js';
import type { Counter } from './runner-spec-kit.js';
import {
  appendCounted,
  counter,
  FlakyEventStore,
  FlakyStore,
  unique,
  until,
} from './runner-spec-kit.js';

let eventStore: PgliteEventStore;
const runners: ProjectionRunner<Counter>[] = [];
beforeAll(async () => {
  eventStore = await PgliteEventStore.open({ dataDir: 'memory://' });
});
afterAll(async () => {
  await Promise.all(runners.map((runner) => runner.stop()));
  await eventStore.close();
});

function run(options: Omit<ProjectionRunnerOptions<Counter>, 'eventStore'>) {
  const runner = new ProjectionRunner<Counter>({ eventStore, leaseTtlMs: 2_000, ...options });
  runners.push(runner);
  void runner.start();
  return runner;
}

/** Appends `perStream` events of amounts 1..perStream to each of `streams` streams of a test. */
async function seed(prefix: string, streams: number, perStream: number) {
  const expected = new Map<string, { count: number; sum: number }>();
  for (let s = 0; s < streams; s += 1) {
    const amounts = Array.from({ length: perStream }, (_, n) => n + 1);
    await appendCounted(eventStore, `${prefix}-${s}`, amounts);
    expected.set(`${prefix}-${s}`, { count: perStream, sum: (perStream * (perStream + 1)) / 2 });
  }
  return expected;
}

const counts = (docs: Map<string, Counter>) =>
  new Map([...docs].map(([id, doc]) => [id, { count: doc.count, sum: doc.sum }]));

describe('ProjectionRunner', () => {
  it('catches up, goes live, follows new events promptly and stops cleanly', async () => {
    const prefix = unique('live');
    const expected = await seed(prefix, 5, 40);
    const store = new FlakyStore();
    const projection = counter(unique('counter'), prefix);
    const runner = run({ projection, store });
    await until(() => runner.state === 'live');
    expect(counts(await store.docs(runner.key))).toEqual(expected);
    const status = await runner.status();
    expect(status).toMatchObject({ state: 'live', lagEvents: 0, lagSeconds: 0, deadLetters: 0 });
    expect(status.checkpoint).toBe(await eventStore.headPosition());

    const appendedAt = Date.now();
    await appendCounted(eventStore, `${prefix}-0`, [100]);
    await until(async () => (await store.get<Counter>(runner.key, `${prefix}-0`))?.count === 41);
    expect(Date.now() - appendedAt).toBeLessThan(1_000);

    await runner.stop();
    expect(runner.state).toBe('stopped');
    expect(await store.acquireLease(runner.key, 'someone-else', 1_000)).toBeDefined();
  });

  it('commits catch-up in large batches, caps them at maxBatchEvents, and batches unhandled events', async () => {
    const prefix = unique('batch');
    const expected = await seed(prefix, 4, 250);
    await appendCounted(eventStore, `${prefix}-other`, Array(1_000).fill(0), 'Ignored');
    const big = new FlakyStore();
    const whole = run({ projection: counter(unique('counter'), prefix), store: big });
    await until(() => whole.state === 'live');
    expect(big.commits.length).toBeLessThanOrEqual(5);
    expect(counts(await big.docs(whole.key))).toEqual(expected);

    const capped = new FlakyStore();
    const small = run({
      projection: counter(unique('counter'), prefix),
      store: capped,
      maxBatchEvents: 100,
    });
    await until(() => small.state === 'live');
    expect(capped.commits.length).toBeGreaterThanOrEqual(20);
    expect(counts(await capped.docs(small.key))).toEqual(expected);

    const before = big.commits.length;
    for (let n = 0; n < 20; n += 1) await appendCounted(eventStore, `${prefix}-x`, [1], 'Ignored');
    const head = await eventStore.headPosition();
    await until(async () => (await big.checkpoint(whole.key))?.position === head);
    expect(big.commits.length - before).toBeLessThan(20);
    expect(big.commits.at(-1)?.put.size).toBe(0);
  });

  it('folds the same batch twice into the same documents', async () => {
    const prefix = unique('twice');
    await seed(prefix, 3, 20);
    const projection = counter(unique('counter'), prefix);
    const events = (await eventStore.readAll({ maxCount: 10_000 })).map(toProjectedEvent);
    const fold = (docs: Map<string, Counter>, batch: ProjectedEvent[]) => {
      for (const event of batch) {
        const id = projection.documentId(event);
        if (id === null || !projection.handles.has(event.type)) continue;
        const next = applyOnce(projection, docs.get(id) ?? null, event);
        if (next !== null) docs.set(id, next);
      }
      return docs;
    };
    const once = fold(new Map(), events);
    const again = fold(fold(new Map(), events), events);
    expect(again).toEqual(once);
    expect([...once.values()].map((doc) => doc.count)).toEqual([20, 20, 20]);
  });

  it('never double-counts across a lost commit reply, a refused commit and a dropped subscription', async () => {
    const prefix = unique('outage');
    const expected = await seed(prefix, 3, 100);
    const store = new FlakyStore();
    const flaky = new FlakyEventStore(eventStore);
    flaky.cutAfter = 50;
    store.fail = 'after';
    const errors: unknown[] = [];
    const runner = new ProjectionRunner<Counter>({
      projection: counter(unique('counter'), prefix),
      eventStore: flaky,
      store,
      maxBatchEvents: 40,
      onError: (error) => errors.push(error),
    });
    runners.push(runner);
    void runner.start();
    await until(() => runner.state === 'live');
    store.fail = 'before';
    await appendCounted(eventStore, `${prefix}-0`, [1_000]);
    await until(async () => (await store.get<Counter>(runner.key, `${prefix}-0`))?.count === 101);
    expected.set(`${prefix}-0`, { count: 101, sum: 5_050 + 1_000 });
    expect(counts(await store.docs(runner.key))).toEqual(expected);
    expect(errors.map((error) => (error as Error).name)).toEqual(
      expect.arrayContaining(['StoreUnavailable', 'ReadModelUnavailable']),
    );
  });

  it('retries a throwing handler, parks the event, keeps going, and replays it once fixed', async () => {
    const prefix = unique('poison');
    let broken = true;
    const tries = new Map<string, number>();
    const projection = counter(unique('counter'), prefix, {
      poisoned: () => broken,
      onEvolve: (id) => tries.set(id, (tries.get(id) ?? 0) + 1),
    });
    const store = new FlakyStore();
    const healthy = counter(unique('healthy'), prefix, { poisoned: () => false });
    const runner = run({ projection, store, retryDelayMs: 1 });
    const neighbour = run({ projection: healthy, store });
    await appendCounted(eventStore, `${prefix}-a`, [1, 2]);
    await appendCounted(eventStore, `${prefix}-a`, [40], 'Counted', { poison: true });
    await appendCounted(eventStore, `${prefix}-a`, [3]);
    await until(async () => (await store.get<Counter>(runner.key, `${prefix}-a`))?.count === 3);

    const [letter, ...others] = await store.deadLetters(projection.name);
    expect(others).toEqual([]);
    expect(letter).toMatchObject({ eventType: 'Counted', attempts: 3, version: 1 });
    expect(letter?.error).toContain('poisoned event');
    expect(tries.get(letter!.eventId)).toBe(3);
    expect((await runner.status()).deadLetters).toBe(1);
    await until(async () => (await store.get<Counter>(neighbour.key, `${prefix}-a`))?.count === 4);

    broken = false;
    await runner.replayDeadLetter(letter!.eventId);
    expect(await store.get(runner.key, `${prefix}-a`)).toMatchObject({ count: 4, sum: 46 });
    expect(await store.deadLetters(projection.name)).toEqual([]);
    await expect(runner.replayDeadLetter(letter!.eventId)).rejects.toThrow(/no dead letter/);
    await appendCounted(eventStore, `${prefix}-a`, [4]);
    await until(async () => (await store.get<Counter>(runner.key, `${prefix}-a`))?.count === 5);
    expect(await store.get(runner.key, `${prefix}-a`)).toMatchObject({ sum: 50 });
  });
});
