/** Resolves after `ms`, or as soon as the signal aborts; never rejects, so callers check the signal. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

export const TIMED_OUT = Symbol('timed out');

/** The promise's outcome, or TIMED_OUT if it has not settled within `ms` (the promise keeps running). */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(TIMED_OUT), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Delays between attempts against a store that is down: doubling from `initialMs` up to `maxMs`. */
export class Backoff {
  private nextMs: number;

  constructor(
    private readonly initialMs = 100,
    private readonly maxMs = 5_000,
  ) {
    this.nextMs = initialMs;
  }

  async wait(signal?: AbortSignal): Promise<void> {
    const ms = this.nextMs;
    this.nextMs = Math.min(this.nextMs * 2, this.maxMs);
    await sleep(ms, signal);
  }

  reset(): void {
    this.nextMs = this.initialMs;
  }
}
