import { Logger } from '@nestjs/common';
import type { LedgerConfig } from '../config/ledger-config.js';
import { MemoryRateLimitStore } from './memory-rate-limit-store.js';
import type { RateLimitStore } from './rate-limit-store.js';
import { RedisRateLimitStore } from './redis-rate-limit-store.js';

export const RATE_LIMIT_WINDOW_MS = 60_000;
/** One warning of a kind per this long while the store keeps failing, not one per request. */
const WARN_EVERY_MS = 30_000;
/**
 * After a failure the store is left alone this long: a hung Redis would otherwise add its
 * command timeout to every request of the outage.
 */
const BACK_OFF_MS = 5_000;

export type RateLimitDecision =
  | { readonly allowed: true; readonly limit: number; readonly remaining: number }
  | { readonly allowed: false; readonly limit: number; readonly retryAfterSeconds: number };

/**
 * Requests per caller per window. Fails open: the events are the source of truth and the
 * limit only protects capacity, so a write must never fail because the counter's store is
 * down; the failure is logged as a warning instead.
 */
export class RateLimiter {
  private readonly lastWarning = new Map<string, number>();
  private readonly logger = new Logger('RateLimiter');
  private skipStoreUntil = Number.NEGATIVE_INFINITY;
  /** Whether the last call to the store failed: the change either way is logged at once. */
  private failing = false;

  constructor(
    private readonly store: RateLimitStore,
    readonly limit: number,
    private readonly windowMs = RATE_LIMIT_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.limit > 0;
  }

  async decide(key: string): Promise<RateLimitDecision> {
    if (!this.enabled) return { allowed: true, limit: 0, remaining: 0 };
    const open = { allowed: true, limit: this.limit, remaining: this.limit } as const;
    if (this.now() < this.skipStoreUntil) return open;
    let count: number;
    let resetInMs: number;
    try {
      ({ count, resetInMs } = await this.store.hit(key, this.windowMs));
    } catch (error) {
      this.skipStoreUntil = this.now() + BACK_OFF_MS;
      const message = `rate limit not applied (failing open): ${(error as Error).message}`;
      if (!this.failing) this.lastWarning.delete('fail-open');
      this.failing = true;
      this.warn('fail-open', message);
      return open;
    }
    if (this.failing) {
      this.failing = false;
      this.logger.log('rate limit store answers again; the limit applies');
    }
    if (count <= this.limit)
      return { allowed: true, limit: this.limit, remaining: this.limit - count };
    return {
      allowed: false,
      limit: this.limit,
      retryAfterSeconds: Math.max(1, Math.ceil(resetInMs / 1000)),
    };
  }

  close(): Promise<void> {
    return this.store.close();
  }

  warn(kind: string, message: string): void {
    const now = this.now();
    if (now - (this.lastWarning.get(kind) ?? Number.NEGATIVE_INFINITY) < WARN_EVERY_MS) return;
    this.lastWarning.set(kind, now);
    this.logger.warn(message);
  }
}

/** Redis (shared by every replica) when REDIS_URL is set; memory (per process) otherwise. */
export function createRateLimiter(config: LedgerConfig): RateLimiter {
  if (!config.redisUrl || config.rateLimitPerMinute === 0)
    return new RateLimiter(new MemoryRateLimitStore(), config.rateLimitPerMinute);
  let limiter: RateLimiter | undefined = undefined;
  const store = new RedisRateLimitStore(config.redisUrl, config.redisPrefix, {}, (error) =>
    limiter?.warn('store', `rate limit store (Redis) unavailable: ${error.message}`),
  );
  limiter = new RateLimiter(store, config.rateLimitPerMinute);
  return limiter;
}
