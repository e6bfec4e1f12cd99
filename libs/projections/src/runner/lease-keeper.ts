import type { ProjectionKey, ReadModelStore } from '../read-model-store.js';

/**
 * Renews a lease every ttl/3. The lease counts as lost when the store says it
 * is no longer ours, or when no renewal has succeeded for a whole ttl (the
 * store may have let it expire meanwhile): the runner then stops writing.
 */
export class LeaseKeeper {
  private timer: NodeJS.Timeout | undefined;
  private renewing = false;
  private renewedAt = Date.now();

  constructor(
    private readonly store: ReadModelStore,
    private readonly key: ProjectionKey,
    private readonly owner: string,
    readonly token: bigint,
    private readonly ttlMs: number,
    private readonly onLost: () => void,
  ) {}

  start(): this {
    this.renewedAt = Date.now();
    this.timer = setInterval(() => void this.renew(), Math.max(1, Math.floor(this.ttlMs / 3)));
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async renew(): Promise<void> {
    if (this.renewing || this.timer === undefined) return;
    this.renewing = true;
    const startedAt = Date.now();
    try {
      if (await this.store.renewLease(this.key, this.owner, this.token, this.ttlMs)) {
        this.renewedAt = startedAt;
      } else {
        this.lose();
      }
    } catch {
      if (Date.now() - this.renewedAt >= this.ttlMs) this.lose();
    } finally {
      this.renewing = false;
    }
  }

  private lose(): void {
    if (this.timer === undefined) return;
    this.stop();
    this.onLost();
  }
}
