/** One caller's count in the current window, after counting the request being decided. */
export interface WindowCount {
  readonly count: number;
  /** Milliseconds until the window ends and the count starts again from zero. */
  readonly resetInMs: number;
}

/**
 * Where request counts live: Redis when several API replicas must share one limit, memory
 * otherwise. `hit` counts one request and returns the window's count, atomically.
 */
export interface RateLimitStore {
  hit(key: string, windowMs: number): Promise<WindowCount>;
  close(): Promise<void>;
}
