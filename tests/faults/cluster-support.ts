import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import type { EventStore } from '#event-store';
import {
  MemoryReadModelStore,
  ProjectionRunner,
  type Projection,
  type ProjectionKey,
} from '#projections';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` answers something other than undefined; fails with `what` after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}

export interface LeaseHold {
  readonly pid: number;
  /** What is left of its time to live (Redis PTTL). */
  readonly remainingMs: number;
}

/**
 * Who holds each lease: the lease value is "<token> <owner>" and a runner's
 * default owner is host:pid:random (runner-options.ts, reactor-runner.ts).
 */
export async function leaseHolders(
  redis: Redis,
  prefix: string,
  keys: readonly ProjectionKey[],
): Promise<Map<string, LeaseHold | undefined>> {
  const leases = await Promise.all(
    keys.map(async (key) => {
      const lease = `${prefix}{${key.name}}:v${key.version}:lease`;
      const [[, value], [, remaining]] = (await redis.multi().get(lease).pttl(lease).exec()) as [
        [unknown, string | null],
        [unknown, number],
      ];
      const pid = value?.split(' ')[1]?.split(':').at(-2);
      return pid === undefined ? undefined : { pid: Number(pid), remainingMs: remaining };
    }),
  );
  return new Map(keys.map((key, index) => [key.name, leases[index]]));
}

/** Each checkpoint position in Redis, 0n where there is none yet. */
export async function checkpoints(
  redis: Redis,
  prefix: string,
  keys: readonly ProjectionKey[],
): Promise<Map<string, bigint>> {
  const positions = await Promise.all(
    keys.map((key) => redis.hget(`${prefix}{${key.name}}:v${key.version}:checkpoint`, 'position')),
  );
  return new Map(keys.map((key, index) => [key.name, BigInt(positions[index] ?? '0')]));
}

/**
 * A clean rebuild: every projection folded from the first event into memory
 * by a fresh runner (nothing shared with the processes under test) up to `head`.
 */
export async function cleanFold(
  eventStore: EventStore,
  projections: readonly Projection[],
  head: bigint,
): Promise<MemoryReadModelStore> {
  const memory = new MemoryReadModelStore();
  await Promise.all(
    projections.map(async (projection) => {
      const runner = new ProjectionRunner({ projection, eventStore, store: memory });
      void runner.start();
      const key = { name: projection.name, version: projection.version };
      await eventually(`clean fold of ${projection.name}`, 120_000, async () =>
        ((await memory.checkpoint(key))?.position ?? 0n) >= head ? true : undefined,
      );
      await runner.stop();
    }),
  );
  return memory;
}

export interface Takeover {
  /**
   * Milliseconds from the kill until the survivor held each lease, at most:
   * a lease seen with R ms left was taken or renewed ttl - R before it was
   * seen, so this test's own polling lag does not count.
   */
  readonly leaseAt: Map<string, number>;
  /** Milliseconds from the kill until each checkpoint, under the survivor, passed where the killed process left it. */
  readonly advancedAt: Map<string, number>;
}

/**
 * Watches Redis after `dead` was killed at `killedAt` (performance.now())
 * until `survivor` holds every lease and has moved every checkpoint on.
 * Fails if any lease goes to a third owner.
 */
export async function watchTakeover(
  redis: Redis,
  prefix: string,
  keys: readonly ProjectionKey[],
  processes: { readonly dead: number; readonly survivor: number; readonly killedAt: number },
  ttlMs: number,
  atKill: ReadonlyMap<string, bigint>,
): Promise<Takeover> {
  const { dead, survivor, killedAt } = processes;
  const leaseAt = new Map<string, number>();
  const advancedAt = new Map<string, number>();
  await eventually(
    'the survivor holding every lease and advancing every checkpoint',
    30_000,
    async () => {
      const [holders, positions] = await Promise.all([
        leaseHolders(redis, prefix, keys),
        checkpoints(redis, prefix, keys),
      ]);
      const at = performance.now() - killedAt;
      for (const { name } of keys) {
        const holder = holders.get(name);
        if (holder !== undefined && holder.pid !== dead && holder.pid !== survivor)
          throw new Error(`${name} leased to pid ${holder.pid}, neither process of the test`);
        if (holder?.pid === survivor && !leaseAt.has(name))
          leaseAt.set(name, Math.min(at, at - (ttlMs - holder.remainingMs)));
        if (leaseAt.has(name) && !advancedAt.has(name) && positions.get(name)! > atKill.get(name)!)
          advancedAt.set(name, at);
      }
      return advancedAt.size === keys.length ? true : undefined;
    },
    25,
  );
  return { leaseAt, advancedAt };
}
