import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { RedisReadModelStore } from '#projections';
import { redisUrl, requireService } from './services.js';

/** Deletes every key under a test's prefix (SCAN, not KEYS: the server is shared). */
export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}

export interface RedisTestStore {
  readonly store: RedisReadModelStore;
  readonly prefix: string;
  readonly redis: Redis;
  teardown(): Promise<void>;
}

/** A store under a random prefix on the shared Redis; a missing Redis fails the suite. */
export async function redisTestStore(): Promise<RedisTestStore> {
  await requireService('Redis');
  const prefix = `ledger-test-${randomBytes(6).toString('hex')}:`;
  const redis = new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
  const store = new RedisReadModelStore(redis, prefix);
  return {
    store,
    prefix,
    redis,
    async teardown() {
      await deleteKeys(redis, prefix);
      await redis.quit();
    },
  };
}
