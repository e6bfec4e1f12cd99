import { Redis } from 'ioredis';
import type { RateLimitStore, WindowCount } from './rate-limit-store.js';

/**
 * A fixed window in one atomic step: the first hit of a window starts its expiry, so every
 * replica counts into the same key and the window ends for all of them at once. A key that
 * lost its expiry (it never should) gets one again rather than counting for ever.
 */
const HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

export interface RedisRateLimitOptions {
  /** A command not answered within this fails, and the limiter lets the request through. */
  readonly commandTimeoutMs?: number;
  readonly connectTimeoutMs?: number;
}

type RateLimitRedis = Redis & {
  ledgerRateLimitHit(key: string, windowMs: number): Promise<[number, number]>;
};

/**
 * Counts in Redis, shared by every API replica. Built never to hold a request up: no offline
 * queue (a command while disconnected fails at once), no retries, a short command timeout;
 * the connection itself keeps retrying in the background.
 */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: RateLimitRedis;

  constructor(
    url: string,
    private readonly prefix: string,
    options: RedisRateLimitOptions = {},
    onError: (error: Error) => void = () => undefined,
  ) {
    this.redis = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.commandTimeoutMs ?? 250,
      // Long enough for a busy start-up; requests never wait on it (no offline queue).
      connectTimeout: options.connectTimeoutMs ?? 5000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
      connectionName: 'ledger-rate-limit',
    }) as RateLimitRedis;
    // Without a listener ioredis reports every failed reconnection as an unhandled error.
    this.redis.on('error', onError);
    this.redis.defineCommand('ledgerRateLimitHit', { numberOfKeys: 1, lua: HIT });
  }

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const [count, ttl] = await this.redis.ledgerRateLimitHit(
      `${this.prefix}rate-limit:${key}`,
      windowMs,
    );
    return { count: Number(count), resetInMs: Number(ttl) };
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
