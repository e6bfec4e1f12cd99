/** The pure half of the EventStoreDB adapter: no I/O, so it is unit-tested without a server. */
import {
  ANY,
  CancelledError,
  convertToCommandError,
  DeadlineExceededError,
  NO_STREAM,
  NotLeaderError,
  START as ESDB_START,
  STREAM_EXISTS,
  StreamDeletedError,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
  jsonEvent,
  type AppendExpectedRevision,
  type EventData,
  type JSONType,
  type CurrentRevision,
  type Position,
  type ReadPosition,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import {
  EventStoreError,
  StoreUnavailable,
  StreamNotFound,
  WrongExpectedRevision,
} from '../errors.js';
import { checkCount } from '../append-checks.js';
import {
  START,
  type AppendResult,
  type EventMetadata,
  type EventToAppend,
  type ExpectedRevision,
  type RecordedEvent,
} from '../event-store.js';

/** KurrentDB's new scheme names the same protocol; this client only parses `esdb`. */
export function toClientConnectionString(url: string): string {
  return url.replace(/^kurrentdb(\+discover)?:\/\//i, (_match, discover?: string) =>
    discover ? 'esdb+discover://' : 'esdb://',
  );
}

export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      if (expected < 0n) throw new RangeError(`expected revision must be >= 0, got ${expected}`);
      return expected;
  }
}

/** Our metadata travels as the event's JSON metadata; `{}` when there is none. */
export function toEventData(event: EventToAppend): EventData {
  return jsonEvent({
    id: event.id,
    type: event.type,
    // JSON.stringify accepts any value; the client's type is narrower.
    data: (event.data ?? null) as JSONType,
    metadata: { ...event.metadata },
  });
}

/** The client reports "no stream" as a string, and the legacy error path as -1. */
export function toActualRevision(current: CurrentRevision): bigint | undefined {
  return current === NO_STREAM || current < 0n ? undefined : current;
}

/**
 * Ordinary appends are implicit transactions, so each event's commit position
 * equals its own prepare position and is unique: it serves as our position.
 * Reading `$all` from a position includes the event at it, hence the callers'
 * strict `> after` filter.
 */
export function toReadPosition(after: bigint): ReadPosition {
  return after === START ? ESDB_START : { commit: after, prepare: after };
}

/**
 * Stream reads carry the `$all` position only from server 22.6 on; before
 * that protobuf's default ("0") or ulong max (-1 on the server) comes back.
 */
export function knownCommitPosition(position: Position | undefined): bigint | undefined {
  const commit = position?.commit;
  return commit !== undefined && commit > 0n && commit < 2n ** 63n ? commit : undefined;
}

export function positionOf(commit: bigint | undefined): Position | undefined {
  return commit === undefined ? undefined : { commit, prepare: commit };
}

/**
 * Matches the server-side `excludeSystemEvents()` filter (`^[^$]`), which also
 * drops link events (`$>`), so reads of `$all` and the subscription agree.
 */
export const isUserEventType = (type: string): boolean => type.length > 0 && !type.startsWith('$');

export function toEventMetadata(metadata: unknown): EventMetadata {
  return typeof metadata === 'object' &&
    metadata !== null &&
    !Array.isArray(metadata) &&
    !(metadata instanceof Uint8Array)
    ? (metadata as EventMetadata)
    : {};
}

export function toRecordedEvent(event: EsdbRecordedEvent, position: bigint): RecordedEvent {
  return {
    id: event.id,
    type: event.type,
    streamName: event.streamId,
    revision: event.revision,
    position,
    data: event.data,
    metadata: toEventMetadata(event.metadata),
    committedAt: event.created,
  };
}

/** The same batch limits as the SQL adapters, so callers see one behaviour. */
export const DEFAULT_BATCH = 1_000;
export const MAX_BATCH = 10_000;

export function batchSize(maxCount: number | undefined): number {
  return maxCount === undefined ? DEFAULT_BATCH : Math.min(checkCount(maxCount), MAX_BATCH);
}

export const BACKOFF_INITIAL_MS = 100;
export const BACKOFF_MAX_MS = 5_000;

/** Delay before resubscribe attempt `attempt` (0-based): doubles from 100 ms, capped at 5 s. */
export function backoffDelay(attempt: number): number {
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), 16);
  return Math.min(BACKOFF_MAX_MS, BACKOFF_INITIAL_MS * 2 ** exponent);
}

interface StoredEventRef {
  readonly id: string;
  readonly revision: bigint;
  readonly position: bigint;
}

export type PriorAppend =
  | { readonly kind: 'none' }
  | { readonly kind: 'partial' }
  | { readonly kind: 'all'; readonly result: AppendResult };

/**
 * Decides whether an append was already made, from the stream's events: all
 * ids present means a retry, answered with what the original append returned
 * (its last event); some present means a conflicting append.
 */
export function findPriorAppend(
  ids: readonly string[],
  stored: readonly StoredEventRef[],
): PriorAppend {
  const wanted = new Set(ids.map((id) => id.toLowerCase()));
  let found = 0;
  let last: StoredEventRef | undefined;
  for (const event of stored) {
    if (!wanted.has(event.id.toLowerCase())) continue;
    found += 1;
    if (last === undefined || event.revision > last.revision) last = event;
  }
  if (found === 0 || last === undefined) return { kind: 'none' };
  if (found < wanted.size) return { kind: 'partial' };
  return {
    kind: 'all',
    result: { nextExpectedRevision: last.revision, position: last.position, duplicate: true },
  };
}

export interface ErrorContext {
  readonly streamName?: string;
  readonly expected?: ExpectedRevision;
}

/**
 * Translates the client's errors into the port's. Raw gRPC errors (the client
 * lets some through, e.g. from its capability probe) are converted first.
 * Anything unrecognised is returned unchanged.
 */
export function toStoreError(error: unknown, context: ErrorContext = {}): unknown {
  if (error instanceof EventStoreError || !(error instanceof Error)) return error;
  const converted = convertToCommandError(error);
  if (converted instanceof WrongExpectedVersionError) {
    return new WrongExpectedRevision(
      context.streamName ?? converted.streamName,
      context.expected ?? 'any',
      toActualRevision(converted.actualVersion),
    );
  }
  if (converted instanceof StreamNotFoundError || converted instanceof StreamDeletedError) {
    return new StreamNotFound(context.streamName ?? converted.streamName);
  }
  if (isUnavailable(converted)) {
    return new StoreUnavailable(`EventStoreDB unavailable: ${converted.message}`, { cause: error });
  }
  return converted;
}

function isUnavailable(error: Error): boolean {
  return (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof NotLeaderError ||
    // Only server-side cancellations get here: the client swallows its own.
    error instanceof CancelledError ||
    // Cluster discovery gives up with a plain Error.
    /^Failed to discover after \d+ attempts/.test(error.message)
  );
}
