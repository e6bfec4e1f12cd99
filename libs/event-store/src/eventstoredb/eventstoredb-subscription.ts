import {
  excludeSystemEvents,
  type AllStreamResolvedEvent,
  type EventStoreDBClient,
  type Position,
} from '@eventstore/db-client';
import type { RecordedEvent } from '../event-store.js';
import {
  backoffDelay,
  isUserEventType,
  toReadPosition,
  toRecordedEvent,
  toStoreError,
} from './eventstoredb-mapping.js';

export interface SubscriptionDeps {
  readonly client: EventStoreDBClient;
  /** Told about every drop, so an operator can see a subscription that keeps failing. */
  readonly onDrop?: (error: unknown, retryInMs: number) => void;
  /** Delay before resubscribe attempt `attempt`; the default doubles from 100 ms to 5 s. */
  readonly retryDelay?: (attempt: number) => number;
}

/**
 * A catch-up subscription to `$all` (not a persistent one: those are
 * at-least-once and unordered) that survives drops: it resubscribes from the
 * last delivered position with exponential backoff, for ever, until `signal`
 * aborts. Events are pulled one at a time with `for await`, so the consumer's
 * pace is the subscription's pace and order is the log's.
 */
export async function* subscribeToAllWithRetry(
  deps: SubscriptionDeps,
  after: bigint,
  signal: AbortSignal,
): AsyncGenerator<RecordedEvent, void, undefined> {
  let last = after;
  let attempt = 0;
  while (!signal.aborted) {
    const subscription = deps.client.subscribeToAll({
      fromPosition: toReadPosition(last),
      filter: excludeSystemEvents(),
    });
    // unsubscribe() cancels the gRPC call (which the client ends quietly);
    // destroy() makes a pending `for await` settle at once. Both are idempotent.
    const stop = (): void => {
      subscription.unsubscribe().catch(() => undefined);
      subscription.destroy();
    };
    signal.addEventListener('abort', stop, { once: true });
    // The client re-emits late gRPC errors even after we stopped reading; an
    // 'error' with no listener would crash the process.
    subscription.on('error', () => undefined);
    subscription.once('confirmation', () => {
      attempt = 0;
    });
    let dropped: unknown = new Error('EventStoreDB ended the subscription');
    try {
      for await (const resolved of subscription as AsyncIterable<AllStreamResolvedEvent>) {
        attempt = 0;
        const event = resolved.event;
        const position = commitOf(event?.position, resolved.commitPosition);
        // The server filter already drops system and link events; this guards
        // against a server that ignores it, and skips the resume point itself.
        if (event === undefined || position === undefined || position <= last) continue;
        if (!isUserEventType(event.type)) continue;
        last = position;
        yield toRecordedEvent(event, position);
        if (signal.aborted) return;
      }
    } catch (error) {
      dropped = toStoreError(error);
    } finally {
      signal.removeEventListener('abort', stop);
      stop();
    }
    if (signal.aborted) return;
    const delay = (deps.retryDelay ?? backoffDelay)(attempt);
    attempt += 1;
    deps.onDrop?.(dropped, delay);
    await sleep(delay, signal);
  }
}

function commitOf(
  position: Position | undefined,
  commitPosition: bigint | undefined,
): bigint | undefined {
  return position?.commit ?? commitPosition;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
