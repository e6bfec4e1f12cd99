import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';
import { createEventStore, PostgresEventStore, StoreUnavailable } from '#event-store';
import type { EventStore, PostgresEventStoreOptions, RecordedEvent } from '#event-store';
import { databaseUrl, requireService } from '../support/services.js';
import { eventStoreContract } from './event-store.contract.js';

/** Every run gets its own schema, so suites and developers can share one server. */
const freshSchema = (): string => `ledger_test_${randomBytes(6).toString('hex')}`;

async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const dropSchema = (schema: string): Promise<unknown> =>
  withClient((client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));

async function connect(options: Partial<PostgresEventStoreOptions> = {}) {
  const schema = options.schema ?? freshSchema();
  const store = await PostgresEventStore.connect({ url: databaseUrl(), schema, ...options });
  const teardown = async (): Promise<void> => {
    await store.close();
    await dropSchema(schema);
  };
  return { store, schema, teardown };
}

const event = () => ({ id: randomUUID(), type: 'PgTested', data: { ok: true } });

async function first(iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent | undefined> {
  for await (const item of iterable) return item;
  return undefined;
}

async function within<T>(ms: number, promise: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function until(condition: () => Promise<boolean>, ms = 10_000): Promise<void> {
  for (const deadline = Date.now() + ms; !(await condition());) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected a rejection'),
    (error: unknown) => error,
  );
}

/** A TCP relay to PostgreSQL that the test can cut, to play a server going away. */
async function relay(): Promise<{ url: string; cut: () => Promise<void> }> {
  const target = new URL(databaseUrl());
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(socket).add(upstream);
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const url = new URL(databaseUrl());
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    cut: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

eventStoreContract('PostgreSQL', async () => {
  await requireService('PostgreSQL');
  // More connections than writers in the gap test, so commits really race.
  return connect({ poolSize: 20 });
});

describe('PostgreSQL adapter', () => {
  beforeAll(() => requireService('PostgreSQL'));

  it('migrates idempotently when several processes start together', async () => {
    const schema = freshSchema();
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => PostgresEventStore.connect({ url: databaseUrl(), schema })),
    );
    try {
      const again = await PostgresEventStore.connect({ url: databaseUrl(), schema });
      await again.close();
      const { rows } = await withClient((client) =>
        client.query(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`),
      );
      expect(rows.map((row: { version: number }) => row.version)).toEqual([1, 2, 3]);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
      await dropSchema(schema);
    }
  });

  it('hides events behind the oldest transaction still in flight, then shows them', async () => {
    const { store, teardown } = await connect();
    try {
      const before = await store.headPosition();
      await withClient(async (blocker) => {
        await blocker.query('BEGIN');
        await blocker.query('SELECT pg_current_xact_id()');
        const result = await store.append('council-E09000001', [event()], 'no_stream');
        expect(await store.readAll({ after: before })).toEqual([]);
        expect(await store.headPosition()).toBe(before);
        await blocker.query('COMMIT');
        await until(async () => (await store.headPosition()) >= result.position);
        expect((await store.readAll({ after: before })).map((e) => e.position)).toEqual([
          result.position,
        ]);
      });
    } finally {
      await teardown();
    }
  });

  it('wakes a subscriber in another process through NOTIFY', async () => {
    const writer = await connect();
    // A poll interval this long means only a notification can deliver in time.
    const reader = await PostgresEventStore.connect({
      url: databaseUrl(),
      schema: writer.schema,
      pollIntervalMs: 60_000,
    });
    const controller = new AbortController();
    try {
      const arrival = first(reader.subscribeToAll({ signal: controller.signal }));
      let arrived = false;
      void arrival.then(() => (arrived = true));
      // Each append notifies on commit; one may still be hidden behind another
      // session's transaction on a shared server, so keep appending until one lands.
      const deadline = Date.now() + 15_000;
      for (let n = 0n; !arrived && Date.now() < deadline; n += 1n) {
        await writer.store.append('council-E08000001', [event()], n === 0n ? 'no_stream' : n - 1n);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect((await within(1_000, arrival))?.streamName).toBe('council-E08000001');
    } finally {
      controller.abort();
      await reader.close();
      await writer.teardown();
    }
  });

  it('reports an unreachable server as StoreUnavailable', async () => {
    const error = await failure(
      PostgresEventStore.connect({ url: 'postgres://postgres@127.0.0.1:1/test' }),
    );
    expect(error).toBeInstanceOf(StoreUnavailable);
  });

  it('reports a lost connection as StoreUnavailable in append, reads and subscriptions', async () => {
    const { url, cut } = await relay();
    const schema = freshSchema();
    const store: EventStore = await PostgresEventStore.connect({ url, schema, pollIntervalMs: 50 });
    try {
      await store.append('council-E07000001', [event()], 'no_stream');
      const subscription = failure(first(store.subscribeToAll({ after: 1n << 62n })));
      await cut();
      expect(await failure(store.append('council-E07000001', [event()], 'any'))).toBeInstanceOf(
        StoreUnavailable,
      );
      expect(await failure(store.readAll())).toBeInstanceOf(StoreUnavailable);
      expect(await failure(store.readStream('council-E07000001'))).toBeInstanceOf(StoreUnavailable);
      expect(await failure(store.headPosition())).toBeInstanceOf(StoreUnavailable);
      expect(await subscription).toBeInstanceOf(StoreUnavailable);
    } finally {
      await store.close();
      await dropSchema(schema);
    }
  });

  it('is chosen by createEventStore for postgres:// and postgresql:// URLs', async () => {
    const schema = freshSchema();
    for (const url of [databaseUrl(), databaseUrl().replace(/^postgres(ql)?:/, 'postgresql:')]) {
      const store = await createEventStore({ url, schema });
      expect(store).toBeInstanceOf(PostgresEventStore);
      await store.close();
    }
    await dropSchema(schema);
    await expect(createEventStore({ url: 'mysql://localhost/x' })).rejects.toThrow(RangeError);
  });
});
