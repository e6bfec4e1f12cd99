/** Default spacing between two NOTIFYs while appends keep coming. */
export const ANNOUNCE_INTERVAL_MS = 10;

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends NOTIFY after appends commit, one at a time and at most one every
 * `intervalMs`, folding every append made meanwhile into the next one. The
 * first announcement after a quiet spell goes out at once; under a steady
 * stream of appends NOTIFY costs one round trip per interval rather than one
 * per append, and the last append is always announced.
 *
 * NOTIFY inside the append transaction would take PostgreSQL's database-wide
 * notify lock until commit, serialising every appending commit (and its WAL
 * flush) in the cluster; see decision 0002.
 */
export class Announcer {
  private pending = false;
  private running: Promise<void> | undefined;
  /** Kept across drains: a writer whose appends each outlast a NOTIFY must not get one per append. */
  private lastSent = -Infinity;

  constructor(
    private readonly send: () => Promise<void>,
    private readonly intervalMs = ANNOUNCE_INTERVAL_MS,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = delay,
  ) {}

  announce(): void {
    this.pending = true;
    this.running ??= this.drain();
  }

  /** Resolves once nothing is pending or being sent. */
  async idle(): Promise<void> {
    await this.running;
  }

  private async drain(): Promise<void> {
    while (this.pending) {
      const wait = this.lastSent + this.intervalMs - this.now();
      if (wait > 0) await this.sleep(wait);
      // Cleared before sending: an append announced from here on gets the next NOTIFY.
      this.pending = false;
      this.lastSent = this.now();
      // A lost notification only delays remote subscribers until their next poll.
      await this.send().catch(() => undefined);
    }
    // No await between the last look at `pending` and here, so no announcement is dropped.
    this.running = undefined;
  }
}
