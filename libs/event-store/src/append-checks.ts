import type { EventToAppend, ExpectedRevision } from './event-store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Caller mistakes are rejected before the database sees them, as TypeError or
 * RangeError: they are bugs to fix, not conflicts to retry.
 */
export function checkAppend(
  streamName: string,
  events: readonly EventToAppend[],
  expected: ExpectedRevision,
  maxEvents: number,
): void {
  if (streamName.length === 0) throw new RangeError('stream name must not be empty');
  if (events.length === 0) throw new RangeError(`append to ${streamName}: no events`);
  if (events.length > maxEvents) {
    throw new RangeError(
      `append to ${streamName}: ${events.length} events, at most ${maxEvents} in one append`,
    );
  }
  if (typeof expected === 'bigint') checkRevision(expected, 'expected revision');
  const ids = new Set<string>();
  for (const event of events) {
    if (!UUID.test(event.id)) {
      throw new TypeError(
        `append to ${streamName}: event id ${JSON.stringify(event.id)} is not a UUID`,
      );
    }
    const id = event.id.toLowerCase();
    if (ids.has(id)) throw new RangeError(`append to ${streamName}: event id ${id} given twice`);
    ids.add(id);
  }
}

export function checkRevision(value: bigint, what: string): bigint {
  if (value < 0n) throw new RangeError(`${what} must not be negative, got ${value}`);
  return value;
}

export function checkCount(value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`maxCount must be a positive integer, got ${value}`);
  }
  return value;
}
