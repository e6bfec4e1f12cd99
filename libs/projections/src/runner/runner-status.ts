import type { EventStore, RecordedEvent } from '#event-store';
import type { ReadModelStore } from '../read-model-store.js';

export type RunnerState = 'standby' | 'catching-up' | 'live' | 'stopped';

export interface RunnerStatus {
  readonly name: string;
  readonly version: number;
  readonly state: RunnerState;
  /** Last position committed to the read-model store (as far as this runner knows). */
  readonly checkpoint: bigint;
  /** The event store's head, refreshed at most once per refresh interval; undefined until first read. */
  readonly head: bigint | undefined;
  /**
   * Events between checkpoint and head. Positions have holes (PostgreSQL
   * encodes the transaction in them), so they cannot be subtracted: the events
   * are counted with readAll pages, only while the runner is live (idle) and
   * only up to LAG_COUNT_LIMIT; otherwise 'unknown'. 0 when caught up.
   */
  readonly lagEvents: number | 'unknown';
  /** Now minus recordedAt of the first event after the checkpoint; 0 when caught up. */
  readonly lagSeconds: number;
  /** Dead letters parked under this projection's name; undefined if the store could not say. */
  readonly deadLetters: number | undefined;
}

const PAGE = 1_000;
export const LAG_COUNT_LIMIT = 10 * PAGE;

function recordedAt(event: RecordedEvent): number {
  const stamp = event.metadata['recordedAt'];
  const parsed = typeof stamp === 'string' ? Date.parse(stamp) : Number.NaN;
  return Number.isNaN(parsed) ? event.committedAt.getTime() : parsed;
}

interface Measured {
  readonly at: number;
  readonly checkpoint: bigint;
  readonly live: boolean;
  readonly head: bigint | undefined;
  readonly lagEvents: number | 'unknown';
  readonly firstPending: number | undefined;
  readonly deadLetters: number | undefined;
}

/**
 * Answers status() without loading the stores: the head, the first pending
 * event and the dead-letter count are read at most once per `refreshMs`. A
 * store that cannot answer leaves the last known value in place.
 */
export class StatusProbe {
  private measured: Measured | undefined;

  constructor(
    private readonly eventStore: EventStore,
    private readonly store: ReadModelStore,
    private readonly name: string,
    private readonly now: () => Date,
    private readonly refreshMs = 1_000,
  ) {}

  async read(checkpoint: bigint, live: boolean) {
    const nowMs = this.now().getTime();
    const last = this.measured;
    const fresh =
      last !== undefined &&
      nowMs - last.at < this.refreshMs &&
      last.checkpoint === checkpoint &&
      last.live === live;
    const measured = fresh ? last : await this.measure(nowMs, checkpoint, live, last);
    this.measured = measured;
    const caughtUp = measured.head !== undefined && checkpoint >= measured.head;
    return {
      head: measured.head,
      lagEvents: caughtUp ? 0 : measured.lagEvents,
      lagSeconds:
        caughtUp || measured.firstPending === undefined
          ? 0
          : Math.max(0, (nowMs - measured.firstPending) / 1000),
      deadLetters: measured.deadLetters,
    };
  }

  private async measure(
    at: number,
    checkpoint: bigint,
    live: boolean,
    last: Measured | undefined,
  ): Promise<Measured> {
    const head = await this.eventStore.headPosition().catch(() => last?.head);
    const deadLetters = await this.store
      .deadLetters(this.name)
      .then((letters) => letters.length)
      .catch(() => last?.deadLetters);
    let lagEvents: number | 'unknown' = 'unknown';
    let firstPending: number | undefined;
    if (head !== undefined && checkpoint < head) {
      try {
        const [first] = await this.eventStore.readAll({ after: checkpoint, maxCount: 1 });
        firstPending = first === undefined ? undefined : recordedAt(first);
        if (live) lagEvents = await this.count(checkpoint, head);
      } catch {
        firstPending = last?.firstPending;
      }
    }
    return { at, checkpoint, live, head, lagEvents, firstPending, deadLetters };
  }

  private async count(after: bigint, head: bigint): Promise<number | 'unknown'> {
    let counted = 0;
    for (let from = after; counted < LAG_COUNT_LIMIT;) {
      const page = await this.eventStore.readAll({ after: from, maxCount: PAGE });
      const upToHead = page.filter((event) => event.position <= head);
      counted += upToHead.length;
      const last = page[page.length - 1];
      if (last === undefined || upToHead.length < page.length || page.length < PAGE) {
        return counted;
      }
      from = last.position;
    }
    return 'unknown';
  }
}
