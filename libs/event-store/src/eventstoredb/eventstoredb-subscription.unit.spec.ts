import { describe, expect, it } from '@jest/globals';
import { PassThrough } from 'node:stream';
import {
  UnavailableError,
  type AllStreamResolvedEvent,
  type EventStoreDBClient,
  type SubscribeToAllOptions,
} from '@eventstore/db-client';
import { StoreUnavailable } from '../errors.js';
import type { RecordedEvent } from '../event-store.js';
import { subscribeToAllWithRetry } from './eventstoredb-subscription.js';

/** Stands in for the client's Subscription: an object-mode stream plus unsubscribe(). */
class FakeSubscription extends PassThrough {
  unsubscribed = false;
  constructor() {
    super({ objectMode: true });
  }
  async unsubscribe(): Promise<void> {
    this.unsubscribed = true;
  }
}

class FakeClient {
  readonly calls: SubscribeToAllOptions[] = [];
  readonly subscriptions: FakeSubscription[] = [];
  subscribeToAll(options: SubscribeToAllOptions): FakeSubscription {
    const subscription = new FakeSubscription();
    this.calls.push(options);
    this.subscriptions.push(subscription);
    return subscription;
  }
  get current(): FakeSubscription {
    const last = this.subscriptions.at(-1);
    if (!last) throw new Error('not subscribed yet');
    return last;
  }
}

const resolved = (commit: bigint, type = 'T'): AllStreamResolvedEvent => ({
  event: {
    streamId: 's',
    id: `00000000-0000-4000-8000-${commit.toString().padStart(12, '0')}`,
    isJson: true,
    revision: 0n,
    type,
    created: new Date(0),
    data: {},
    metadata: undefined,
    position: { commit, prepare: commit },
  },
  commitPosition: commit,
});

const tick = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for a condition instead of guessing a sleep, so a loaded machine cannot flake it. */
async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await tick(5);
  }
}

interface RunOptions {
  readonly onDrop?: (error: unknown, retryInMs: number) => void;
  readonly retryDelay?: (attempt: number) => number;
}

function run(after: bigint, options: RunOptions = {}) {
  const client = new FakeClient();
  const controller = new AbortController();
  const received: RecordedEvent[] = [];
  const done = (async () => {
    const deps = { client: client as unknown as EventStoreDBClient, ...options };
    for await (const event of subscribeToAllWithRetry(deps, after, controller.signal)) {
      received.push(event);
    }
  })();
  return { client, controller, received, done };
}

describe('subscribeToAllWithRetry', () => {
  it('subscribes to $all from the position with the system-event filter', async () => {
    const { client, controller, done } = run(500n);
    await until(() => client.calls.length === 1);
    expect(client.calls[0]).toMatchObject({
      fromPosition: { commit: 500n, prepare: 500n },
      filter: { filterOn: 'eventType', regex: '^[^$].*' },
    });
    controller.abort();
    await done;
  });

  it('delivers in order, skipping the resume point, older events and system events', async () => {
    const { client, controller, received, done } = run(500n);
    await until(() => client.calls.length === 1);
    for (const event of [resolved(400n), resolved(500n), resolved(600n), resolved(650n, '$>')]) {
      client.current.write(event);
    }
    client.current.write(resolved(700n));
    await until(() => received.length === 2);
    await tick(10);
    expect(received.map((event) => event.position)).toEqual([600n, 700n]);
    controller.abort();
    await done;
  });

  it('resubscribes from the last delivered position after a drop', async () => {
    const drops: Array<[unknown, number]> = [];
    const onDrop = (error: unknown, ms: number): number => drops.push([error, ms]);
    const { client, controller, received, done } = run(0n, { onDrop });
    await until(() => client.calls.length === 1);
    client.current.write(resolved(100n));
    client.current.write(resolved(200n));
    await until(() => received.length === 2);
    client.current.destroy(new UnavailableError());
    await until(() => client.calls.length === 2);
    expect(client.calls[1]?.fromPosition).toEqual({ commit: 200n, prepare: 200n });
    expect(drops).toHaveLength(1);
    expect(drops[0]?.[0]).toBeInstanceOf(StoreUnavailable);
    expect(drops[0]?.[1]).toBe(100);
    // A server replaying from the resume point must not cause a repeat.
    client.current.write(resolved(200n));
    client.current.write(resolved(300n));
    await until(() => received.length >= 3);
    await tick(10);
    expect(received.map((event) => event.position)).toEqual([100n, 200n, 300n]);
    controller.abort();
    await done;
  });

  it('backs off exponentially while drops repeat, and resets once confirmed', async () => {
    const delays: number[] = [];
    const { client, controller, done } = run(0n, { onDrop: (_error, ms) => delays.push(ms) });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await until(() => client.calls.length === attempt + 1);
      client.current.destroy(new UnavailableError());
    }
    await until(() => client.calls.length === 4);
    expect(delays).toEqual([100, 200, 400]);
    client.current.emit('confirmation');
    client.current.destroy(new UnavailableError());
    await until(() => delays.length === 4);
    expect(delays).toEqual([100, 200, 400, 100]);
    controller.abort();
    await done;
  });

  it('returns promptly on abort, while waiting for events or backing off', async () => {
    const idle = run(0n);
    await until(() => idle.client.calls.length === 1);
    const subscription = idle.client.current;
    idle.controller.abort();
    expect(await Promise.race([idle.done.then(() => 'done'), tick(1_000)])).toBe('done');
    expect(subscription.unsubscribed).toBe(true);

    const drops: number[] = [];
    const backingOff = run(0n, { retryDelay: () => 60_000, onDrop: (_e, ms) => drops.push(ms) });
    await until(() => backingOff.client.calls.length === 1);
    backingOff.client.current.destroy(new UnavailableError());
    await until(() => drops.length === 1);
    backingOff.controller.abort();
    expect(await Promise.race([backingOff.done.then(() => 'done'), tick(1_000)])).toBe('done');
    expect(backingOff.client.calls).toHaveLength(1);
  });

  it('cancels the subscription when the consumer stops iterating', async () => {
    const client = new FakeClient();
    const deps = { client: client as unknown as EventStoreDBClient };
    const iterator = subscribeToAllWithRetry(deps, 0n, new AbortController().signal);
    const first = iterator.next();
    await until(() => client.calls.length === 1);
    client.current.write(resolved(100n));
    expect((await first).value).toMatchObject({ position: 100n });
    await iterator.return();
    expect(client.current.unsubscribed).toBe(true);
    expect(client.current.destroyed).toBe(true);
  });

  it('does not start when the signal is already aborted', async () => {
    const client = new FakeClient();
    const deps = { client: client as unknown as EventStoreDBClient };
    const iterator = subscribeToAllWithRetry(deps, 0n, AbortSignal.abort());
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(client.calls).toHaveLength(0);
  });
});
