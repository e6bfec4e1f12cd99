/**
 * The event store port. Every adapter (PostgreSQL, PGlite, EventStoreDB)
 * implements it and passes `eventStoreContract` in tests/contract.
 *
 * Revisions count events within one stream from 0n. Positions order every
 * event in the store; they are bigints that strictly increase in the order a
 * subscriber sees events, may leave holes, and never let a subscriber skip an
 * event that commits later. `START` is before the first event.
 */
export const START = 0n;

/**
 * The most events one append may hold, on every adapter: PostgreSQL encodes an
 * event's ordinal within its transaction in the low 20 bits of its position.
 */
export const MAX_EVENTS_PER_APPEND = 2 ** 20 - 1;

/** What the caller believes about the stream before appending. */
export type ExpectedRevision = 'no_stream' | 'exists' | 'any' | bigint;

export type EventMetadata = Readonly<Record<string, unknown>>;

export interface EventToAppend {
  /** Caller-supplied UUID; appending the same ids again is a no-op. */
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: EventMetadata;
}

export interface RecordedEvent {
  readonly id: string;
  readonly type: string;
  readonly streamName: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  /** When the store committed the event (the store's clock). */
  readonly committedAt: Date;
}

export interface AppendResult {
  /** Revision of the last event now in the stream: the next expected revision. */
  readonly nextExpectedRevision: bigint;
  /** Position of the last event of this append. */
  readonly position: bigint;
  /**
   * True when every event id was already in the stream and nothing was written
   * (the result is the original append's). EventStoreDB cannot always tell a
   * retry it recognised itself from a first write; it answers false then.
   */
  readonly duplicate: boolean;
}

export interface ReadStreamOptions {
  /** First revision to return (inclusive); default 0n. */
  readonly fromRevision?: bigint;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Return events strictly after this position; default START. */
  readonly after?: bigint;
  /** Batch size; adapters cap it. */
  readonly maxCount?: number;
}

export interface SubscribeOptions {
  /** Deliver events strictly after this position; default START. */
  readonly after?: bigint;
  /** Ends the iteration (the iterator returns) when aborted. */
  readonly signal?: AbortSignal;
}

export interface EventStore {
  /**
   * Appends atomically. Throws WrongExpectedRevision when `expected` does not
   * hold, unless every event id is already in the stream, in which case
   * nothing is written and the original result is returned.
   */
  append(
    streamName: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult>;

  /** Events of one stream in revision order; throws StreamNotFound. */
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** One batch of events in global order. An empty batch means caught up. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;

  /** Catch-up then live, in global order, one event at a time. */
  subscribeToAll(options?: SubscribeOptions): AsyncIterable<RecordedEvent>;

  /** Position of the last event a subscriber can read now; START when empty. */
  headPosition(): Promise<bigint>;

  close(): Promise<void>;
}
