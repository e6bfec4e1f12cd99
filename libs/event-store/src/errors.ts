import type { ExpectedRevision } from './event-store.js';

/** Base of every error the event store port raises, so callers can map them in one place. */
export abstract class EventStoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = this.constructor.name;
  }
}

export class WrongExpectedRevision extends EventStoreError {
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    /** The stream's revision when the append was refused; undefined if it does not exist. */
    readonly actual: bigint | undefined,
  ) {
    super(
      `stream ${streamName}: expected revision ${String(expected)}, actual ${
        actual === undefined ? 'no_stream' : String(actual)
      }`,
    );
  }
}

export class StreamNotFound extends EventStoreError {
  constructor(readonly streamName: string) {
    super(`stream ${streamName} not found`);
  }
}

/** The backing store cannot be reached or refused to work; retrying later may succeed. */
export class StoreUnavailable extends EventStoreError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
