import type { RateLimitStore, WindowCount } from './rate-limit-store.js';

interface Window {
  count: number;
  readonly endsAt: number;
}

/** Sweep ended windows every so many hits, so callers who never come back are forgotten. */
const SWEEP_EVERY = 1000;
/** A flood of distinct keys (spoofed addresses) must not grow memory without bound. */
const MAX_KEYS = 100_000;

/** Fixed windows per key in this process: the limit is per replica. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, Window>();
  private hits = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const now = this.now();
    if (++this.hits % SWEEP_EVERY === 0) this.sweep(now);
    let window = this.windows.get(key);
    if (window === undefined || window.endsAt <= now) {
      window = { count: 0, endsAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { count: window.count, resetInMs: window.endsAt - now };
  }

  async close(): Promise<void> {
    this.windows.clear();
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
    // Still full of live windows: forget them all rather than refuse or grow; the limit is a
    // guard against one noisy caller, not an accounting record.
    if (this.windows.size > MAX_KEYS) this.windows.clear();
  }
}
