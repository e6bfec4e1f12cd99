import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { GenericContainer, Wait, getContainerRuntimeClient } from 'testcontainers';
import { createEventStore, StoreUnavailable } from '#event-store';
import type { EventStore } from '#event-store';
import { eventStoreContract, type EventStoreFactory } from './event-store.contract.js';

const IMAGE = process.env['EVENTSTORE_IMAGE'] ?? 'eventstore/eventstore:24.10';
const HTTP_PORT = 2113;
const DETECTION_TIMEOUT_MS = 10_000;
const READY_TIMEOUT_MS = 60_000;

type Detection = { readonly found: true } | { readonly found: false; readonly reason: string };

/** Docker (or Podman) must answer before the suite is defined: a suite that cannot run says so. */
async function detectContainerRuntime(): Promise<Detection> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Detection>((resolve) => {
    timer = setTimeout(
      () => resolve({ found: false, reason: `no answer within ${DETECTION_TIMEOUT_MS} ms` }),
      DETECTION_TIMEOUT_MS,
    );
  });
  const probe = getContainerRuntimeClient().then(
    (): Detection => ({ found: true }),
    (error: unknown): Detection => ({
      found: false,
      reason: error instanceof Error ? error.message : String(error),
    }),
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Writes a `$`-typed probe until the node takes writes: the health check can
 * pass before a single node has elected itself leader. The adapter hides
 * `$`-typed events like system ones, so the store still looks empty.
 */
async function untilWritable(store: EventStore): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    try {
      await store.append(
        'contract-readiness-probe',
        [{ id: randomUUID(), type: '$ready', data: {} }],
        'any',
      );
      return;
    } catch (error) {
      if (!(error instanceof StoreUnavailable) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** A fresh in-memory node per store, so "an empty store" really is empty. */
async function startEventStoreDb(): ReturnType<EventStoreFactory> {
  const container = await new GenericContainer(IMAGE)
    .withEnvironment({
      EVENTSTORE_INSECURE: 'true',
      EVENTSTORE_MEM_DB: 'true',
      EVENTSTORE_RUN_PROJECTIONS: 'None',
      // The contract round-trips a 2 MB event; the default limit is 1 MiB.
      EVENTSTORE_MAX_APPEND_SIZE: String(8 * 1024 * 1024),
    })
    .withExposedPorts(HTTP_PORT)
    .withWaitStrategy(Wait.forHttp('/health/live', HTTP_PORT).forStatusCode(204))
    .withStartupTimeout(120_000)
    .start();
  const url = `esdb://${container.getHost()}:${container.getMappedPort(HTTP_PORT)}?tls=false`;
  const store = await createEventStore({ url });
  const teardown = async (): Promise<void> => {
    await store.close();
    await container.stop();
  };
  try {
    await untilWritable(store);
  } catch (error) {
    await teardown();
    throw error;
  }
  return { store, teardown, flagsSameExpectationRetries: false };
}

const runtime = await detectContainerRuntime();

if (runtime.found) {
  eventStoreContract('EventStoreDB', startEventStoreDb);
} else {
  describe('EventStoreDB contract suite', () => {
    it(`EventStoreDB contract suite: not run — no container runtime (${runtime.reason})`, () => {
      console.warn(
        `EventStoreDB contract suite SKIPPED: testcontainers found no container runtime ` +
          `(${runtime.reason}). Start Docker or Podman (or set DOCKER_HOST) to run it against ` +
          `${IMAGE}.`,
      );
      expect(runtime).toEqual({ found: false, reason: expect.any(String) });
    });
  });
}

// These need no server: they pin the adapter's wiring and its unreachable-server behaviour.
describe('EventStoreDB adapter without a server', () => {
  const unreachable = 'esdb://127.0.0.1:1?tls=false';

  it('is chosen by createEventStore for esdb:// and kurrentdb:// URLs', async () => {
    for (const url of [unreachable, 'kurrentdb://127.0.0.1:1?tls=false']) {
      const store = await createEventStore({ url });
      expect(store.constructor.name).toBe('EventStoreDbEventStore');
      await store.close();
    }
  });

  it('reports an unreachable server as StoreUnavailable in append, reads and head', async () => {
    const store = await createEventStore({ url: unreachable });
    try {
      const event = { id: randomUUID(), type: 'Probed', data: {} };
      await expect(store.append('council-E06000001', [event], 'no_stream')).rejects.toBeInstanceOf(
        StoreUnavailable,
      );
      await expect(store.append('council-E06000001', [event], 'any')).rejects.toBeInstanceOf(
        StoreUnavailable,
      );
      await expect(store.readStream('council-E06000001')).rejects.toBeInstanceOf(StoreUnavailable);
      await expect(store.readAll()).rejects.toBeInstanceOf(StoreUnavailable);
      await expect(store.headPosition()).rejects.toBeInstanceOf(StoreUnavailable);
    } finally {
      await store.close();
    }
  });

  it('keeps resubscribing while the server is away, and ends promptly on abort', async () => {
    const store = await createEventStore({ url: unreachable });
    const controller = new AbortController();
    const done = (async () => {
      for await (const _event of store.subscribeToAll({ signal: controller.signal })) {
        throw new Error('no event can arrive from an unreachable server');
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 700));
    const aborted = Date.now();
    controller.abort();
    await expect(done).resolves.toBeUndefined();
    expect(Date.now() - aborted).toBeLessThan(1_000);
    await store.close();
  });

  it('ends open subscriptions and refuses work once closed', async () => {
    const store = await createEventStore({ url: unreachable });
    const done = (async () => {
      for await (const _event of store.subscribeToAll()) {
        // only waiting for the end
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await store.close();
    await expect(done).resolves.toBeUndefined();
    await expect(store.readAll()).rejects.toBeInstanceOf(StoreUnavailable);
  });
});
