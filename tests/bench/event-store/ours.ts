import { type EventStore, START } from '#event-store';
import { timed, type Timing } from '../support/stats.js';
import type { Appender } from './workload.js';

/** Our port as a contender: the revision it returns is the next expected revision. */
export function storeAppender(store: EventStore): Appender {
  return {
    async append(stream, events, expected) {
      const result = await store.append(stream, events, expected ?? 'no_stream');
      return result.nextExpectedRevision;
    },
  };
}

/** Reads the whole log through `readAll` in batches, as a catch-up subscriber would. */
export function readEverything(store: EventStore, batch: number): Promise<Timing> {
  return timed(async () => {
    let after = START;
    let count = 0;
    for (;;) {
      const events = await store.readAll({ after, maxCount: batch });
      const last = events.at(-1);
      if (last === undefined) return count;
      count += events.length;
      after = last.position;
    }
  });
}
