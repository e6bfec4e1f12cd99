import { Redis } from 'ioredis';
import { positionToString } from '#event-store';
import type {
  BatchWrite,
  Checkpoint,
  DeadLetter,
  ProjectionKey,
  ReadModelStore,
} from '../read-model-store.js';
import { FencedOff, ReadModelUnavailable, StaleCheckpoint } from '../read-model-store.js';
import { byPosition } from './dead-letter-order.js';
import { RedisKeys } from './redis-keys.js';
import {
  ACQUIRE_LEASE,
  CHANGES_SINCE,
  COMMIT,
  RELEASE_LEASE,
  RENEW_LEASE,
} from './redis-scripts.js';

/** ioredis flattens array arguments: huge batches go as one array, never spread onto the call stack. */
type Script = (...args: (string | number | readonly string[])[]) => Promise<unknown>;

const SCRIPTS = {
  ledgerReadModelCommit: { lua: COMMIT, numberOfKeys: 6 },
  ledgerReadModelChanges: { lua: CHANGES_SINCE, numberOfKeys: 4, readOnly: true },
  ledgerReadModelAcquire: { lua: ACQUIRE_LEASE, numberOfKeys: 2 },
  ledgerReadModelRenew: { lua: RENEW_LEASE, numberOfKeys: 1 },
  ledgerReadModelRelease: { lua: RELEASE_LEASE, numberOfKeys: 1 },
} as const;

/** Replies that mean "Redis cannot serve now", as opposed to a bug in a script or a call. */
const UNAVAILABLE_REPLY = /^(LOADING|BUSY|OOM|READONLY|MASTERDOWN|TRYAGAIN|CLUSTERDOWN|NOREPLICAS)/;

function checkpointOf(position: unknown, updatedAt: unknown): Checkpoint | undefined {
  if (typeof position !== 'string') return undefined;
  return { position: BigInt(position), updatedAt: typeof updatedAt === 'string' ? updatedAt : '' };
}

/**
 * Read models in Redis (layout in redis-keys.ts). Every write that must be
 * atomic is one Lua script: a commit checks the fencing token and the
 * checkpoint, then writes documents, change log, sequence and checkpoint.
 */
export class RedisReadModelStore implements ReadModelStore {
  private readonly redis: Redis;
  private readonly owned: boolean;
  private readonly keys: RedisKeys;

  /** Takes a client (left open on close) or a URL (its client is closed on close). */
  constructor(connection: Redis | string, prefix = 'ledger:') {
    this.owned = typeof connection === 'string';
    this.redis =
      typeof connection === 'string'
        ? new Redis(connection, {
            // Fail fast into ReadModelUnavailable: the runner has its own backoff.
            maxRetriesPerRequest: 1,
            connectTimeout: 3_000,
            commandTimeout: 30_000,
            // ioredis waits this long for a socket that already failed to close; keep shutdown quick.
            disconnectTimeout: 200,
          })
        : connection;
    // Without a listener ioredis prints every reconnect failure; callers see them as ReadModelUnavailable.
    if (this.owned) this.redis.on('error', () => undefined);
    for (const [name, definition] of Object.entries(SCRIPTS)) {
      this.redis.defineCommand(name, definition);
    }
    this.keys = new RedisKeys(prefix);
  }

  async commit(batch: BatchWrite): Promise<void> {
    const k = this.keys.version(batch.projection);
    const resolves = batch.resolvesDeadLetters ?? [];
    const args: string[] = [
      batch.fencingToken.toString(),
      positionToString(batch.checkpoint.position),
      batch.checkpoint.updatedAt,
      String(batch.put.size),
      String(batch.delete.size),
      String(resolves.length),
    ];
    for (const [id, doc] of batch.put) args.push(id, JSON.stringify(doc));
    for (const id of batch.delete) args.push(id);
    for (const eventId of resolves) args.push(eventId);
    const keys = [k.docs, k.checkpoint, k.sequence, k.changes, k.lease];
    const dead = this.keys.deadLetters(batch.projection.name);
    const reply = await this.call('commit', () =>
      this.script('ledgerReadModelCommit')(keys.concat(dead, args)),
    );
    const [outcome, detail] = Array.isArray(reply) ? reply : [];
    if (outcome === 'fenced') throw new FencedOff(batch.projection, batch.fencingToken);
    if (outcome === 'stale') {
      throw new StaleCheckpoint(
        batch.projection,
        BigInt(String(detail)),
        batch.checkpoint.position,
      );
    }
    if (outcome !== 'ok') throw new Error(`unexpected commit reply ${JSON.stringify(reply)}`);
  }

  async checkpoint(projection: ProjectionKey): Promise<Checkpoint | undefined> {
    const key = this.keys.version(projection).checkpoint;
    const [position, updatedAt] = await this.call('checkpoint', () =>
      this.redis.hmget(key, 'position', 'updatedAt'),
    );
    return checkpointOf(position, updatedAt);
  }

  async get<T>(projection: ProjectionKey, id: string): Promise<T | undefined> {
    const key = this.keys.version(projection).docs;
    const json = await this.call('get', () => this.redis.hget(key, id));
    return json === null ? undefined : (JSON.parse(json) as T);
  }

  async all<T>(projection: ProjectionKey): Promise<Map<string, T>> {
    const key = this.keys.version(projection).docs;
    const docs = await this.call('all', () => this.redis.hgetall(key));
    return new Map(Object.entries(docs).map(([id, json]) => [id, JSON.parse(json) as T]));
  }

  async changesSince<T>(projection: ProjectionKey, sequence: number) {
    const k = this.keys.version(projection);
    const reply = (await this.call('changesSince', () =>
      this.script('ledgerReadModelChanges')(k.docs, k.checkpoint, k.sequence, k.changes, sequence),
    )) as [string, string | null, string | null, string[], (string | null)[]];
    const [current, position, updatedAt, ids, values] = reply;
    const documents = new Map<string, T | undefined>();
    ids.forEach((id, n) => {
      const json = values[n];
      documents.set(id, typeof json === 'string' ? (JSON.parse(json) as T) : undefined);
    });
    return { sequence: Number(current), checkpoint: checkpointOf(position, updatedAt), documents };
  }

  async reset(projection: ProjectionKey): Promise<void> {
    const k = this.keys.version(projection);
    // The sequence and the fence survive, so neither ever repeats; dropping the lease fences the writer.
    await this.call('reset', () => this.redis.del(k.docs, k.checkpoint, k.changes, k.lease));
  }

  async liveVersion(name: string): Promise<number | undefined> {
    const version = await this.call('liveVersion', () => this.redis.get(this.keys.live(name)));
    return version === null ? undefined : Number(version);
  }

  async promote(projection: ProjectionKey): Promise<void> {
    const key = this.keys.live(projection.name);
    await this.call('promote', () => this.redis.set(key, String(projection.version)));
  }

  async acquireLease(projection: ProjectionKey, owner: string, ttlMs: number) {
    const k = this.keys.version(projection);
    const token = await this.call('acquireLease', () =>
      this.script('ledgerReadModelAcquire')(k.lease, k.fence, owner, Math.ceil(ttlMs)),
    );
    return typeof token === 'string' ? BigInt(token) : undefined;
  }

  async renewLease(projection: ProjectionKey, owner: string, token: bigint, ttlMs: number) {
    const lease = this.keys.version(projection).lease;
    const renewed = await this.call('renewLease', () =>
      this.script('ledgerReadModelRenew')(lease, `${token} ${owner}`, Math.ceil(ttlMs)),
    );
    return renewed === 1;
  }

  async releaseLease(projection: ProjectionKey, owner: string, token: bigint): Promise<void> {
    const lease = this.keys.version(projection).lease;
    await this.call('releaseLease', () =>
      this.script('ledgerReadModelRelease')(lease, `${token} ${owner}`),
    );
  }

  async park(letter: DeadLetter): Promise<void> {
    const key = this.keys.deadLetters(letter.projection);
    const results = await this.call('park', () =>
      this.redis
        .pipeline()
        .hset(key, letter.eventId, JSON.stringify(letter))
        .sadd(this.keys.deadLetterNames(), letter.projection)
        .exec(),
    );
    const failed = results?.find(([error]) => error !== null)?.[0];
    if (failed) throw this.unavailable('park', failed);
  }

  async deadLetters(projection?: string): Promise<DeadLetter[]> {
    const names =
      projection === undefined
        ? await this.call('deadLetters', () => this.redis.smembers(this.keys.deadLetterNames()))
        : [projection];
    const hashes = await Promise.all(
      names.map((name) =>
        this.call('deadLetters', () => this.redis.hvals(this.keys.deadLetters(name))),
      ),
    );
    return hashes
      .flat()
      .map((json) => JSON.parse(json) as DeadLetter)
      .sort(byPosition);
  }

  async removeDeadLetter(projection: string, eventId: string): Promise<void> {
    const key = this.keys.deadLetters(projection);
    await this.call('removeDeadLetter', () => this.redis.hdel(key, eventId));
  }

  async close(): Promise<void> {
    if (!this.owned) return;
    // quit() waits for a connection that may never come; only a ready client has replies to drain.
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => undefined);
    this.redis.disconnect();
  }

  private script(name: keyof typeof SCRIPTS): Script {
    // defineCommand adds the method at run time; ioredis's types cannot know it.
    const method = (this.redis as unknown as Record<string, Script>)[name];
    if (method === undefined) throw new Error(`script ${name} is not defined`);
    return method.bind(this.redis);
  }

  private async call<T>(operation: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw this.unavailable(operation, error);
    }
  }

  private unavailable(operation: string, error: unknown): unknown {
    if (!(error instanceof Error)) return error;
    if (error.name === 'ReplyError' && !UNAVAILABLE_REPLY.test(error.message)) return error;
    return new ReadModelUnavailable(`redis ${operation}: ${error.message}`, { cause: error });
  }
}
