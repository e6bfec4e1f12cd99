import { describe, expect, it } from '@jest/globals';
import { MemoryRateLimitStore } from './memory-rate-limit-store.js';
import type { RateLimitStore, WindowCount } from './rate-limit-store.js';
import { RateLimiter } from './rate-limiter.js';

/** A clock the test moves by hand: windows end when it says so. */
function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

/** A store whose backing service is down: every hit fails, as ioredis does with no connection. */
class UnavailableStore implements RateLimitStore {
  hits = 0;
  async hit(): Promise<WindowCount> {
    this.hits += 1;
    throw new Error("Stream isn't writeable and enableOfflineQueue options is false");
  }
  async close(): Promise<void> {}
}

describe('RateLimiter over the memory store', () => {
  it('allows `limit` requests per key in a window, then refuses with the seconds left', async () => {
    const clock = manualClock();
    const limiter = new RateLimiter(new MemoryRateLimitStore(clock.now), 3, 60_000);
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await limiter.decide('sub:a'));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions[2]).toEqual({ allowed: true, limit: 3, remaining: 0 });
    expect(decisions[3]).toEqual({ allowed: false, limit: 3, retryAfterSeconds: 60 });
    clock.advance(59_001);
    expect(await limiter.decide('sub:a')).toEqual({
      allowed: false,
      limit: 3,
      retryAfterSeconds: 1,
    });
  });

  it('counts each key on its own', async () => {
    const limiter = new RateLimiter(new MemoryRateLimitStore(manualClock().now), 1, 60_000);
    expect((await limiter.decide('sub:a')).allowed).toBe(true);
    expect((await limiter.decide('sub:a')).allowed).toBe(false);
    expect((await limiter.decide('sub:b')).allowed).toBe(true);
    expect((await limiter.decide('ip:203.0.113.9')).allowed).toBe(true);
  });

  it('starts a fresh window once the last one has ended', async () => {
    const clock = manualClock();
    const limiter = new RateLimiter(new MemoryRateLimitStore(clock.now), 2, 60_000);
    for (let i = 0; i < 3; i++) await limiter.decide('sub:a');
    clock.advance(60_000);
    expect(await limiter.decide('sub:a')).toEqual({ allowed: true, limit: 2, remaining: 1 });
  });

  it('forgets ended windows, so one-off callers do not pile up', async () => {
    const clock = manualClock();
    const store = new MemoryRateLimitStore(clock.now);
    for (let i = 0; i < 999; i++) await store.hit(`ip:${i}`, 1000);
    clock.advance(1000);
    // the 1000th hit sweeps: every earlier window has ended, so their keys are gone
    await store.hit('ip:last', 1000);
    expect(await store.hit('ip:0', 1000)).toEqual({ count: 1, resetInMs: 1000 });
  });

  it('a limit of 0 is no limit, and asks the store nothing', async () => {
    const store = new UnavailableStore();
    const limiter = new RateLimiter(store, 0);
    expect(limiter.enabled).toBe(false);
    for (let i = 0; i < 5; i++) expect((await limiter.decide('sub:a')).allowed).toBe(true);
    expect(store.hits).toBe(0);
  });
});

describe('RateLimiter when its store is down', () => {
  it('fails open: every request is allowed, none throws', async () => {
    const limiter = new RateLimiter(new UnavailableStore(), 1);
    for (let i = 0; i < 5; i++)
      expect(await limiter.decide('sub:a')).toEqual({ allowed: true, limit: 1, remaining: 1 });
  });

  it('after a failure leaves the store alone for 5 s, so an outage adds no latency per request', async () => {
    const clock = manualClock();
    const store = new UnavailableStore();
    const limiter = new RateLimiter(store, 1, 60_000, clock.now);
    for (let i = 0; i < 5; i++) await limiter.decide('sub:a');
    expect(store.hits).toBe(1);
    clock.advance(5_000);
    await limiter.decide('sub:a');
    expect(store.hits).toBe(2);
  });
});
