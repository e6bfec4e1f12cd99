import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { START, StreamNotFound, WrongExpectedRevision } from '#event-store';
import type { EventStore, EventToAppend, ExpectedRevision, RecordedEvent } from '#event-store';

export type EventStoreFactory = () => Promise<{
  store: EventStore;
  teardown: () => Promise<void>;
  /**
   * False where the store acknowledges a retry sent with the original expected
   * revision as a fresh success (EventStoreDB): `duplicate` is then only
   * promised when the retry's expectation no longer holds.
   */
  flagsSameExpectationRetries?: boolean;
}>;

const newEvent = (data: unknown = { n: 1 }, type = 'ContractTested'): EventToAppend => ({
  id: randomUUID(),
  type,
  data,
  metadata: { correlationId: randomUUID() },
});
const newEvents = (count: number): EventToAppend[] =>
  Array.from({ length: count }, (_, n) => newEvent({ n }));
const streamName = (label: string): string => `contract-${label}-${randomUUID()}`;
const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  for (const deadline = Date.now() + ms; !(await condition()); await delay(20)) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
  }
}

/**
 * Readers may lag appends while any other transaction on a shared server is
 * still in flight (see decision 0002); wait until `position` is readable.
 */
const readable = (store: EventStore, position: bigint): Promise<void> =>
  until(async () => (await store.headPosition()) >= position);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

async function expectConflict(promise: Promise<unknown>, actual: bigint | undefined) {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(WrongExpectedRevision);
  expect((error as WrongExpectedRevision).actual).toBe(actual);
}

function expectIncreasing(positions: readonly bigint[]): void {
  positions.forEach((position, n) => {
    if (n > 0 && position <= positions[n - 1]!) {
      throw new Error(`position ${position} at index ${n} does not follow ${positions[n - 1]}`);
    }
  });
}

/** Reads every batch after `after` until caught up, keeping the events of the given streams. */
async function readAllOf(store: EventStore, after: bigint, streams: Set<string>, maxCount = 100) {
  const all: RecordedEvent[] = [];
  for (let cursor = after; ;) {
    const batch = await store.readAll({ after: cursor, maxCount });
    if (batch.length === 0) break;
    expect(batch.length).toBeLessThanOrEqual(maxCount);
    all.push(...batch);
    cursor = batch.at(-1)!.position;
  }
  expectIncreasing(all.map((event) => event.position));
  return all.filter((event) => streams.has(event.streamName));
}

/**
 * Subscribes from `after` and collects events of streams starting with
 * `prefix` until `count` arrived (then aborts) or the iteration ends.
 */
function collect(store: EventStore, after: bigint, prefix: string, count: number) {
  const controller = new AbortController();
  const received: RecordedEvent[] = [];
  const done = (async () => {
    let last = after;
    for await (const event of store.subscribeToAll({ after, signal: controller.signal })) {
      if (event.position <= last) throw new Error(`position ${event.position} after ${last}`);
      last = event.position;
      if (!event.streamName.startsWith(prefix)) continue;
      received.push(event);
      if (received.length === count) controller.abort();
    }
  })();
  return { controller, received, done };
}

async function within<T>(ms: number, promise: Promise<T>): Promise<T | 'timed out'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timed out'>((resolve) => {
    timer = setTimeout(() => resolve('timed out'), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function eventStoreContract(name: string, factory: EventStoreFactory): void {
  describe(`${name} event store contract`, () => {
    let store: EventStore;
    let teardown: (() => Promise<void>) | undefined;
    let flagsSameExpectationRetries = true;

    beforeAll(async () => {
      const made = await factory();
      ({ store, teardown } = made);
      flagsSameExpectationRetries = made.flagsSameExpectationRetries ?? true;
    }, 120_000);
    afterAll(async () => teardown?.(), 60_000);

    it('reports START as the head of an empty store', async () => {
      const empty = await factory();
      try {
        expect(await empty.store.headPosition()).toBe(START);
        expect(await empty.store.readAll()).toEqual([]);
      } finally {
        await empty.teardown();
      }
    }, 120_000);

    it('round-trips unicode and a 1 MB payload', async () => {
      const stream = streamName('unicode-😀-議会-مجلس');
      const text = 'Emoji 😀🎉👩🏽‍💻, CJK 議会 지방자치단체 地方, RTL مجلس המועצה, combining é';
      const big = Array.from({ length: 20_000 }, (_, n) => `${n}:${text}`).join('|');
      expect(big.length).toBeGreaterThan(1_000_000);
      const event = newEvent({ text, big, nested: { list: [1, 2.5, null, true], s: '"\\' } });
      const result = await store.append(stream, [{ ...event, metadata: { note: text } }], 'any');
      const [read, ...rest] = await store.readStream(stream);
      expect(rest).toEqual([]);
      expect(read).toMatchObject({ id: event.id, type: event.type, streamName: stream });
      expect(read!.revision).toBe(0n);
      expect(read!.position).toBe(result.position);
      expect(read!.data).toEqual(event.data);
      expect(read!.metadata).toEqual({ note: text });
      expect(read!.committedAt).toBeInstanceOf(Date);
      expect(result).toEqual({
        nextExpectedRevision: 0n,
        position: read!.position,
        duplicate: false,
      });
    });

    it('appends a batch atomically with consecutive revisions and increasing positions', async () => {
      const stream = streamName('batch');
      const result = await store.append(stream, newEvents(5), 'no_stream');
      const read = await store.readStream(stream);
      expect(read.map((event) => event.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
      expectIncreasing(read.map((event) => event.position));
      expect(result).toEqual({
        nextExpectedRevision: 4n,
        position: read[4]!.position,
        duplicate: false,
      });
      expect(result.position).toBeGreaterThan(START);
    });

    it.each<[string, ExpectedRevision, boolean]>([
      ['no_stream on a new stream', 'no_stream', false],
      ['any on a new stream', 'any', false],
      ['no_stream on an existing stream', 'no_stream', true],
      ['exists on a new stream', 'exists', false],
      ['exists on an existing stream', 'exists', true],
      ['the right revision', 1n, true],
      ['a wrong revision', 0n, true],
      ['a revision on a new stream', 0n, false],
      ['a revision past the end', 5n, true],
      ['any on an existing stream', 'any', true],
    ])('expected revision: %s', async (_label, expected, existing) => {
      const stream = streamName('expected');
      if (existing) await store.append(stream, newEvents(2), 'no_stream');
      const before = existing ? 1n : undefined;
      const allowed =
        expected === 'any' ||
        (expected === 'no_stream' && !existing) ||
        (expected === 'exists' && existing) ||
        expected === before;
      const attempt = store.append(stream, newEvents(3), expected);
      if (allowed) {
        expect((await attempt).nextExpectedRevision).toBe((before ?? -1n) + 3n);
        return;
      }
      await expectConflict(attempt, before);
      // Atomic: a refused append leaves the stream as it was.
      if (existing) expect(await store.readStream(stream)).toHaveLength(2);
      else expect(await rejection(store.readStream(stream))).toBeInstanceOf(StreamNotFound);
    });

    it('treats a retry with the same event ids as done, whatever it expects', async () => {
      const stream = streamName('idempotent');
      const first = newEvents(3);
      const original = await store.append(stream, first, 'no_stream');
      expect(original.duplicate).toBe(false);
      const again = { ...original, duplicate: true };
      const later = await store.append(stream, newEvents(2), 2n);
      for (const expected of ['any', 'exists', 0n, 2n] as ExpectedRevision[]) {
        expect(await store.append(stream, first, expected)).toEqual(again);
      }
      const sameExpectation = await store.append(stream, first, 'no_stream');
      expect(sameExpectation).toEqual(
        flagsSameExpectationRetries
          ? again
          : expect.objectContaining({
              nextExpectedRevision: original.nextExpectedRevision,
              position: original.position,
            }),
      );
      expect(await store.append(stream, first.slice(1), 'no_stream')).toEqual(again);
      const read = await store.readStream(stream);
      expect(read).toHaveLength(5);
      expect(await store.append(stream, newEvents(1), later.nextExpectedRevision)).toMatchObject({
        nextExpectedRevision: 5n,
      });
    });

    it('refuses a retry that only partly overlaps and writes nothing', async () => {
      const stream = streamName('overlap');
      const first = newEvents(2);
      await store.append(stream, first, 'no_stream');
      await expectConflict(store.append(stream, [first[1]!, newEvent()], 'any'), 1n);
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    it('reads a stream from a revision with a maximum count', async () => {
      const stream = streamName('read');
      await store.append(stream, newEvents(10), 'no_stream');
      const page = await store.readStream(stream, { fromRevision: 3n, maxCount: 4 });
      expect(page.map((event) => event.revision)).toEqual([3n, 4n, 5n, 6n]);
      expect(page.map((event) => event.data)).toEqual([3, 4, 5, 6].map((n) => ({ n })));
      expect(await store.readStream(stream, { fromRevision: 8n })).toHaveLength(2);
      expect(await store.readStream(stream, { fromRevision: 10n })).toEqual([]);
      const missing = await rejection(store.readStream(streamName('missing')));
      expect(missing).toBeInstanceOf(StreamNotFound);
    });

    it('reads all events in position order, in batches, strictly after a position', async () => {
      const start = await store.headPosition();
      const [a, b] = [streamName('all-a'), streamName('all-b')];
      const appended: string[] = [];
      let last = start;
      for (let n = 0; n < 7; n += 1) {
        const batch = newEvents(n % 3 === 0 ? 2 : 1);
        ({ position: last } = await store.append(n % 2 === 0 ? a : b, batch, 'any'));
        appended.push(...batch.map((event) => event.id));
      }
      await readable(store, last);
      const read = await readAllOf(store, start, new Set([a, b]), 3);
      expect(read.map((event) => event.id)).toEqual(appended);
      const fromMiddle = await store.readAll({ after: read[4]!.position, maxCount: 2 });
      expect(fromMiddle.map((event) => event.id)).toEqual(appended.slice(5, 7));
      expect(await store.headPosition()).toBe(read.at(-1)!.position);
    });

    it('keeps the head at the last appended position', async () => {
      const before = await store.headPosition();
      const result = await store.append(streamName('head'), newEvents(3), 'no_stream');
      expect(result.position).toBeGreaterThan(before);
      await readable(store, result.position);
      expect(await store.headPosition()).toBe(result.position);
      expect(await store.readAll({ after: result.position })).toEqual([]);
    });

    it('subscribes: catches up, goes live, and stops on abort', async () => {
      const prefix = `contract-sub-${randomUUID()}`;
      const start = await store.headPosition();
      const early = newEvents(3);
      await store.append(`${prefix}-1`, early, 'no_stream');
      const subscription = collect(store, start, prefix, 6);
      await until(() => subscription.received.length >= early.length);
      expect(subscription.received.map((event) => event.id)).toEqual(early.map((e) => e.id));
      const live = newEvents(3);
      await store.append(`${prefix}-2`, live.slice(0, 1), 'no_stream');
      await store.append(`${prefix}-1`, live.slice(1), 2n);
      expect(await within(10_000, subscription.done)).toBeUndefined();
      expect(subscription.received.map((event) => event.id)).toEqual(
        [...early, ...live].map((e) => e.id),
      );
    });

    it('ends an idle subscription promptly when aborted', async () => {
      const controller = new AbortController();
      const received: RecordedEvent[] = [];
      const done = (async () => {
        const after = await store.headPosition();
        for await (const event of store.subscribeToAll({ after, signal: controller.signal })) {
          received.push(event);
        }
      })();
      await delay(200);
      controller.abort();
      expect(await within(2_000, done)).toBeUndefined();
    });

    it('orders concurrent appends to one stream by revision in the global order', async () => {
      const stream = streamName('one-stream');
      const start = await store.headPosition();
      let last = start;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let n = 0; n < 25; n += 1) {
            const { position } = await store.append(stream, newEvents(1), 'any');
            if (position > last) last = position;
          }
        }),
      );
      await readable(store, last);
      const read = await readAllOf(store, start, new Set([stream]), 1_000);
      expect(read.map((event) => event.revision)).toEqual(
        Array.from({ length: 200 }, (_, n) => BigInt(n)),
      );
    }, 60_000);

    it('never lets a subscriber skip or repeat an event under 16 concurrent writers', async () => {
      const [writers, perWriter] = [16, 500];
      const prefix = `contract-gap-${randomUUID()}`;
      const subscription = collect(store, await store.headPosition(), prefix, writers * perWriter);
      const started = Date.now();
      await Promise.all(
        Array.from({ length: writers }, async (_, writer) => {
          for (let n = 0; n < perWriter; n += 1) {
            const expected = n === 0 ? 'no_stream' : BigInt(n - 1);
            await store.append(`${prefix}-${writer}`, [newEvent({ writer, n })], expected);
          }
        }),
      );
      const appendMs = Date.now() - started;
      if ((await within(30_000, subscription.done)) === 'timed out')
        subscription.controller.abort();
      await subscription.done;
      const { received } = subscription;
      // Counts, not arrays: a failure should say how many were lost, not print 8,000 events.
      expect(new Set(received.map((event) => event.id)).size).toBe(received.length);
      expect(received.length).toBe(writers * perWriter);
      const lastRevision = new Map<string, bigint>();
      const misordered = received.filter((event) => {
        const previous = lastRevision.get(event.streamName) ?? -1n;
        lastRevision.set(event.streamName, event.revision);
        return event.revision !== previous + 1n;
      });
      expect(misordered.length).toBe(0);
      expect(lastRevision.size).toBe(writers);
      process.stdout.write(
        `${name}: ${writers * perWriter} concurrent appends in ${appendMs} ms, ` +
          `subscriber done after ${Date.now() - started} ms\n`,
      );
    }, 120_000);
  });
}
