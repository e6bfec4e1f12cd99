import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import { MemoryReadModelStore, ProjectionRunner, RedisReadModelStore } from '#projections';
import type { EventStore } from '#event-store';
import { buildDist } from '../support/child-processes.js';
import { databaseUrl, redisUrl, requireService } from '../support/services.js';
import { postgresTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';
import { deleteKeys } from '../support/redis-store.js';
import { tally } from './fault-projection.js';
import type { Tally } from './fault-projection.js';

const EVENTS = 200_000;
const PER_APPEND = 1_000;
const STREAMS = 50;
const KILLS = 10;
const CHILD = 'dist/tests/faults/projector-child.js';
const key = { name: tally.name, version: tally.version };

interface Child {
  readonly process: ChildProcess;
  readonly messages: Record<string, unknown>[];
  readonly exited: Promise<number | null>;
  /** Resolves with true once a message matches, false if the child exits first. */
  saw(match: (message: Record<string, unknown>) => boolean): Promise<boolean>;
}

let testStore: TestStore;
let redis: Redis;
const prefix = `ledger-fault-${randomBytes(6).toString('hex')}:`;
const expected = new Map<string, { count: number; sum: number }>();

/** 200 appends of 1,000 events over 50 streams; every tenth event is one the projection ignores. */
async function generate(store: EventStore): Promise<void> {
  for (let batch = 0; batch < EVENTS / PER_APPEND; batch += 1) {
    const stream = `council-F${String(batch % STREAMS).padStart(4, '0')}`;
    const events = Array.from({ length: PER_APPEND }, (_, n) => {
      const serial = batch * PER_APPEND + n;
      const data = { bucket: serial % 10, amount: (serial * 7919) % 1000 };
      if (data.bucket === 9) return { id: randomUUID(), type: 'Noted', data };
      const id = `${stream}#${data.bucket}`;
      const sofar = expected.get(id) ?? { count: 0, sum: 0 };
      expected.set(id, { count: sofar.count + 1, sum: sofar.sum + data.amount });
      return { id: randomUUID(), type: 'Tallied', data };
    });
    await store.append(stream, events, 'any');
  }
}

function startChild(schema: string): Child {
  const child = spawn(process.execPath, [CHILD], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl(),
      LEDGER_SCHEMA: schema,
      REDIS_URL: redisUrl(),
      REDIS_PREFIX: prefix,
      LEASE_TTL_MS: '1000',
      MAX_BATCH_EVENTS: '5000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const messages: Record<string, unknown>[] = [];
  const waiters = new Set<() => void>();
  createInterface({ input: child.stdout! }).on('line', (line) => {
    messages.push(JSON.parse(line) as Record<string, unknown>);
    for (const wake of waiters) wake();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const saw = (match: (message: Record<string, unknown>) => boolean) =>
    new Promise<boolean>((resolve) => {
      const check = () => {
        if (messages.some(match)) resolve(true);
      };
      waiters.add(check);
      check();
      void exited.then(() => resolve(messages.some(match)));
    });
  return { process: child, messages, exited, saw };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('projector crashes during a rebuild into Redis', () => {
  beforeAll(async () => {
    await requireService('PostgreSQL');
    await requireService('Redis');
    await buildDist();
    if (!existsSync(CHILD)) throw new Error(`${CHILD} was not built`);
    redis = new Redis(redisUrl());
    testStore = await postgresTestStore({ poolSize: 4 });
    await generate(testStore.store);
  }, 300_000);

  afterAll(async () => {
    await deleteKeys(redis, prefix);
    redis.disconnect();
    await testStore.teardown();
  });

  it('survives 10 SIGKILLs: Redis ends equal to a clean fold, nothing counted twice', async () => {
    const schema = testStore.schema!;
    const checkpoints: string[] = [];
    let kills = 0;
    while (kills < KILLS) {
      const child = startChild(schema);
      // Count the delay from when it holds the lease, so kills land in the fold or a commit.
      const active = await child.saw((message) => message['state'] === 'catching-up');
      if (active) await sleep(50 + Math.random() * 750);
      if (child.process.exitCode !== null || !active) {
        expect(await child.exited).toBe(0);
        break;
      }
      child.process.kill('SIGKILL');
      await child.exited;
      kills += 1;
      checkpoints.push(
        (await redis.hget(`${prefix}{${key.name}}:v1:checkpoint`, 'position')) ?? '0',
      );
    }
    const last = startChild(schema);
    expect(await last.exited).toBe(0);
    expect(last.messages.at(-1)).toEqual({ done: true, promoted: true });
    process.stdout.write(`checkpoints after each kill: ${checkpoints.join(', ')}\n`);
    expect(kills).toBe(KILLS);

    const memory = new MemoryReadModelStore();
    const clean = new ProjectionRunner<Tally>({
      projection: tally,
      eventStore: testStore.store,
      store: memory,
    });
    const foldStarted = Date.now();
    void clean.start();
    const head = await testStore.store.headPosition();
    while (((await memory.checkpoint(key))?.position ?? 0n) < head) await sleep(100);
    await clean.stop();
    process.stdout.write(`clean fold of ${EVENTS} events: ${Date.now() - foldStarted} ms\n`);

    const store = new RedisReadModelStore(redis, prefix);
    const inRedis = await store.all<Tally>(key);
    expect(await store.liveVersion(key.name)).toBe(1);
    expect((await store.checkpoint(key))?.position).toBe(head);
    expect(inRedis).toEqual(await memory.all<Tally>(key));
    const counted = new Map(
      [...inRedis].map(([id, doc]) => [id, { count: doc.count, sum: doc.sum }]),
    );
    expect(counted).toEqual(expected);
    expect([...inRedis.values()].reduce((total, doc) => total + doc.count, 0)).toBe(EVENTS * 0.9);
  }, 600_000);
});
