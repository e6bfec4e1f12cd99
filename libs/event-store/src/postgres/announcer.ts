/**
 * Sends NOTIFY after appends commit, one at a time, folding every append made
 * meanwhile into the next one. NOTIFY inside the append transaction would take
 * PostgreSQL's database-wide notify lock until commit, serialising every
 * appending commit (and its WAL flush) in the cluster; see decision 0002.
 */
export class Announcer {
  private pending = false;
  private running: Promise<void> | undefined;

  constructor(private readonly send: () => Promise<void>) {}

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
      this.pending = false;
      // A lost notification only delays remote subscribers until their next poll.
      await this.send().catch(() => undefined);
    }
    this.running = undefined;
  }
}
