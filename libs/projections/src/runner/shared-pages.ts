import type { EventStore, RecordedEvent } from '#event-store';
import { sleep } from './timing.js';

/** Pages kept for slower readers; bounds both memory and how far ahead a reader may run. */
const KEPT_PAGES = 8;
/** A reader this far ahead waits for the slowest, but never longer than this (one may be stuck). */
const MAX_WAIT_MS = 2_000;
const WAIT_STEP_MS = 2;

export type PageReader = (after: bigint, maxCount: number) => Promise<RecordedEvent[]>;

/**
 * The runners of one process catching up together (a rebuild starts them all
 * at the same position) read each page of the ledger once instead of once per
 * projection: a page is fetched by the first runner to ask for it and kept for
 * the others. A runner more than the kept pages ahead of the slowest waits a
 * little for it, so the pages stay shared; the fold, not the read, then sets
 * the pace. Runners at different positions simply read their own pages.
 */
export class SharedPages {
  private readonly pages = new Map<string, Promise<RecordedEvent[]>>();
  /** Pages read by each reader since it joined. */
  private readonly progress = new Map<symbol, number>();

  constructor(private readonly eventStore: EventStore) {}

  /** A reader for one catch-up; call the returned `leave` when it ends. */
  join(signal: AbortSignal): { read: PageReader; leave: () => void } {
    const id = Symbol('reader');
    this.progress.set(id, 0);
    return {
      read: (after, maxCount) => this.read(id, after, maxCount, signal),
      leave: () => this.progress.delete(id),
    };
  }

  private async read(id: symbol, after: bigint, maxCount: number, signal: AbortSignal) {
    const key = `${after}/${maxCount}`;
    let page = this.pages.get(key);
    if (page === undefined) {
      await this.waitForSlowest(id, signal);
      page = this.pages.get(key);
    }
    if (page === undefined) {
      page = this.eventStore.readAll({ after, maxCount });
      this.pages.set(key, page);
      // A failed read is not kept: the next reader asks the store again. Nor is a short page:
      // it ended at the head of its moment, and a reader asking later may find more after it.
      page.then(
        (events) => {
          if (events.length < maxCount) this.pages.delete(key);
        },
        () => this.pages.delete(key),
      );
      while (this.pages.size > KEPT_PAGES) {
        const oldest = this.pages.keys().next();
        if (oldest.done === true) break;
        this.pages.delete(oldest.value);
      }
    }
    this.progress.set(id, (this.progress.get(id) ?? 0) + 1);
    return page;
  }

  private async waitForSlowest(id: symbol, signal: AbortSignal): Promise<void> {
    const deadline = Date.now() + MAX_WAIT_MS;
    while (!signal.aborted && Date.now() < deadline) {
      const mine = this.progress.get(id) ?? 0;
      const slowest = Math.min(...this.progress.values());
      if (mine - slowest < KEPT_PAGES - 1) return;
      await sleep(WAIT_STEP_MS, signal);
    }
  }
}
