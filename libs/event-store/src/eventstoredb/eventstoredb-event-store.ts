import {
  EventStoreDBClient,
  type AppendResult as EsdbAppendResult,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { StoreUnavailable, StreamNotFound, WrongExpectedRevision } from '../errors.js';
import {
  START,
  MAX_EVENTS_PER_APPEND,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
} from '../event-store.js';
import { checkAppend, checkCount, checkRevision } from '../append-checks.js';
import { headOfAll, readAllAfter } from './eventstoredb-all-reader.js';
import {
  batchSize,
  findPriorAppend,
  knownCommitPosition,
  toEsdbExpectedRevision,
  toEventData,
  toRecordedEvent,
  toClientConnectionString,
  toStoreError,
} from './eventstoredb-mapping.js';
import { subscribeToAllWithRetry } from './eventstoredb-subscription.js';

export interface EventStoreDbOptions {
  /** Called when a subscription drops and is about to be retried. */
  readonly onSubscriptionDropped?: (error: unknown, retryInMs: number) => void;
}

/**
 * The event store port on EventStoreDB (server 22.6 or later: stream reads
 * must carry `$all` positions). Positions are commit positions.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly closing = new AbortController();

  constructor(
    connectionString: string,
    private readonly options: EventStoreDbOptions = {},
  ) {
    this.client = EventStoreDBClient.connectionString(toClientConnectionString(connectionString));
  }

  async append(
    streamName: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    this.checkOpen();
    checkAppend(streamName, events, expected, MAX_EVENTS_PER_APPEND);
    const ids = events.map((event) => event.id);
    // ESDB checks ids against its recent-events cache for `any` and `exists`,
    // which is best-effort; the port promises the retry is a no-op.
    if (expected === 'any' || expected === 'exists') {
      const prior = await this.priorAppend(streamName, ids, expected);
      if (prior) return prior;
    }
    let result: EsdbAppendResult;
    try {
      result = await this.client.appendToStream(streamName, events.map(toEventData), {
        expectedRevision: toEsdbExpectedRevision(expected),
      });
    } catch (error) {
      const mapped = toStoreError(error, { streamName, expected });
      // ESDB refuses a retry whose expected revision has moved on, or a
      // concurrent retry won the race: the ids are then in the stream.
      if (mapped instanceof WrongExpectedRevision) {
        const prior = await this.priorAppend(streamName, ids, expected, mapped.actual);
        if (prior) return prior;
      }
      throw mapped;
    }
    // Success may be ESDB recognising a retry, whose reported position is not
    // reliably the original's; the event at the new revision has the truth.
    const [last] = await this.readStream(streamName, {
      fromRevision: result.nextExpectedRevision,
      maxCount: 1,
    });
    const lastId = ids.at(-1)?.toLowerCase();
    if (last !== undefined && last.id.toLowerCase() === lastId) {
      return { nextExpectedRevision: last.revision, position: last.position, duplicate: false };
    }
    const prior = await this.priorAppend(streamName, ids, expected);
    if (prior) return prior;
    throw new Error(`append to ${streamName}: reported written, but the events are not there`);
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.checkOpen();
    const fromRevision = checkRevision(options.fromRevision ?? 0n, 'fromRevision');
    const maxCount = options.maxCount === undefined ? undefined : checkCount(options.maxCount);
    const read = this.client.readStream(streamName, {
      fromRevision,
      ...(maxCount === undefined ? {} : { maxCount }),
    });
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of read as AsyncIterable<ResolvedEvent>) {
        const event = resolved.event;
        if (event === undefined) continue;
        const position = knownCommitPosition(event.position);
        if (position === undefined) return this.noPosition(streamName);
        events.push(toRecordedEvent(event, position));
      }
    } catch (error) {
      throw toStoreError(error, { streamName });
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.checkOpen();
    const after = checkRevision(options.after ?? START, 'after');
    const limit = batchSize(options.maxCount);
    return readAllAfter(this.client, after, limit);
  }

  subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    const after = checkRevision(options.after ?? START, 'after');
    const signal = options.signal
      ? AbortSignal.any([options.signal, this.closing.signal])
      : this.closing.signal;
    return subscribeToAllWithRetry(
      {
        client: this.client,
        ...(this.options.onSubscriptionDropped
          ? { onDrop: this.options.onSubscriptionDropped }
          : {}),
      },
      after,
      signal,
    );
  }

  async headPosition(): Promise<bigint> {
    this.checkOpen();
    return headOfAll(this.client);
  }

  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    await this.client.dispose();
  }

  /** What the original append returned, if every id is already in the stream. */
  private async priorAppend(
    streamName: string,
    ids: readonly string[],
    expected: ExpectedRevision,
    actual?: bigint,
  ): Promise<AppendResult | undefined> {
    let stored: RecordedEvent[];
    try {
      stored = await this.readStream(streamName);
    } catch (error) {
      if (error instanceof StreamNotFound) return undefined;
      throw error;
    }
    const prior = findPriorAppend(ids, stored);
    if (prior.kind === 'all') return prior.result;
    if (prior.kind === 'partial') {
      throw new WrongExpectedRevision(streamName, expected, actual ?? stored.at(-1)?.revision);
    }
    return undefined;
  }

  /** A disposed client would quietly reconnect; the port says a closed store is unavailable. */
  private checkOpen(): void {
    if (this.closing.signal.aborted) {
      throw new StoreUnavailable('EventStoreDB event store is closed');
    }
  }

  private noPosition(streamName: string): never {
    throw new Error(
      `EventStoreDB returned no $all position for an event of ${streamName}; ` +
        'this adapter needs server 22.6 or later',
    );
  }
}
