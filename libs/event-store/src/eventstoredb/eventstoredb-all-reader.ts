import {
  BACKWARDS,
  END,
  type EventStoreDBClient,
  type Position,
  type ReadPosition,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { START, type RecordedEvent } from '../event-store.js';
import {
  isUserEventType,
  positionOf,
  toReadPosition,
  toRecordedEvent,
  toStoreError,
} from './eventstoredb-mapping.js';

/** Enough to skip past idle system events at the head of `$all` in one or two round trips. */
const HEAD_PAGE = 100;

/**
 * Up to `limit` user events strictly after `after`. System events are dropped
 * here, not on the server (this client's readAll takes no filter), so it keeps
 * paging until the batch is full or the log ends: an empty batch must mean
 * "caught up", never "a page of system events".
 */
export async function readAllAfter(
  client: EventStoreDBClient,
  after: bigint,
  limit: number,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let from = toReadPosition(after);
  let floor = after;
  for (;;) {
    // One more than needed: reading from a position includes the event at it.
    const page = await readPage(client, from, limit + 1, 'forwards');
    let lastRaw: Position | undefined;
    for (const resolved of page) {
      const raw = resolved.event;
      const position = raw?.position ?? positionOf(resolved.commitPosition);
      if (position === undefined) continue;
      lastRaw = position;
      if (raw === undefined || position.commit <= floor || !isUserEventType(raw.type)) continue;
      events.push(toRecordedEvent(raw, position.commit));
      if (events.length === limit) return events;
    }
    if (page.length < limit + 1 || lastRaw === undefined || lastRaw.commit <= floor) {
      return events;
    }
    from = lastRaw;
    floor = lastRaw.commit;
  }
}

/** Position of the last user event in `$all`, found by reading backwards past system events. */
export async function headOfAll(client: EventStoreDBClient): Promise<bigint> {
  let from: ReadPosition = END;
  let ceiling: bigint | undefined;
  for (;;) {
    const page = await readPage(client, from, HEAD_PAGE, 'backwards');
    let lastRaw: Position | undefined;
    for (const resolved of page) {
      const position = resolved.event?.position ?? positionOf(resolved.commitPosition);
      // Whether a backward read includes its start is not documented: skip it either way.
      if (position === undefined || (ceiling !== undefined && position.commit >= ceiling)) {
        continue;
      }
      lastRaw = position;
      if (resolved.event && isUserEventType(resolved.event.type)) return position.commit;
    }
    if (page.length < HEAD_PAGE || lastRaw === undefined) return START;
    from = lastRaw;
    ceiling = lastRaw.commit;
  }
}

async function readPage(
  client: EventStoreDBClient,
  fromPosition: ReadPosition,
  maxCount: number,
  direction: 'forwards' | 'backwards',
): Promise<ResolvedEvent[]> {
  const page: ResolvedEvent[] = [];
  try {
    const read = client.readAll({
      fromPosition,
      maxCount,
      ...(direction === 'backwards' ? { direction: BACKWARDS } : {}),
    });
    for await (const resolved of read as AsyncIterable<ResolvedEvent>) page.push(resolved);
  } catch (error) {
    throw toStoreError(error);
  }
  return page;
}
