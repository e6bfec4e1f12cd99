/**
 * Wakes waiting subscribers when something may have been committed. A reader
 * notes `generation` before it reads, so a notification that lands while it
 * reads is not lost: the wait that follows returns at once.
 */
export class Wakeup {
  private counter = 0;
  private readonly waiters = new Set<() => void>();

  get generation(): number {
    return this.counter;
  }

  notify(): void {
    this.counter += 1;
    for (const wake of [...this.waiters]) wake();
  }

  /** Resolves on a notification after `seen`, after `timeoutMs`, or on abort; never rejects. */
  wait(seen: number, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.counter !== seen || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal?.addEventListener('abort', done, { once: true });
      this.waiters.add(done);
    });
  }
}
