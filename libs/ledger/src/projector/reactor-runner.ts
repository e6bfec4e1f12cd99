import { Logger } from '@nestjs/common';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { type EventStore, type RecordedEvent, START, StoreUnavailable } from '#event-store';
import { FencedOff, type ProjectionKey, type ReadModelStore } from '#projections';

export interface Reactor {
  readonly handles: ReadonlySet<string>;
  /** Issues its commands; must be idempotent per event (replays happen after a crash). */
  handle(event: RecordedEvent): Promise<string>;
}

export interface ReactorRunnerOptions {
  readonly key: ProjectionKey;
  readonly reactor: Reactor;
  readonly eventStore: EventStore;
  readonly store: ReadModelStore;
  readonly now: () => Date;
  readonly leaseTtlMs?: number;
  readonly maxAttempts?: number;
  /** Checkpoint at least every this many events that need no reaction. */
  readonly checkpointEvery?: number;
}

const IDLE_SAVE_MS = 200;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * A durable subscriber that issues commands: its own checkpoint and lease in
 * the read-model store, events one at a time in order, a failing reaction
 * retried then parked as a dead letter (it never blocks the ledger), and on
 * restart it resumes after the last checkpoint (reactions are idempotent).
 */
export class ReactorRunner {
  private readonly logger: Logger;
  private readonly owner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private processed = 0;

  constructor(private readonly options: ReactorRunnerOptions) {
    this.logger = new Logger(`Reactor ${options.key.name}`);
  }

  get eventsProcessed(): number {
    return this.processed;
  }

  async run(signal: AbortSignal): Promise<void> {
    const ttl = this.options.leaseTtlMs ?? 15_000;
    let backoff = 100;
    while (!signal.aborted) {
      try {
        const token = await this.options.store.acquireLease(this.options.key, this.owner, ttl);
        if (token === undefined) {
          await sleep(ttl / 3, signal);
          continue;
        }
        await this.consume(token, ttl, signal);
        backoff = 100;
      } catch (error) {
        if (!(error instanceof FencedOff))
          this.logger.warn(`stopped: ${(error as Error).message}; retrying`);
        await sleep(backoff, signal);
        backoff = Math.min(backoff * 2, 5_000);
      }
    }
  }

  private async consume(token: bigint, ttl: number, signal: AbortSignal): Promise<void> {
    const { key, store, eventStore, reactor } = this.options;
    const every = this.options.checkpointEvery ?? 1_000;
    const inner = new AbortController();
    const stop = () => inner.abort();
    signal.addEventListener('abort', stop, { once: true });
    const renew = setInterval(() => {
      store.renewLease(key, this.owner, token, ttl).then(
        (held) => held || inner.abort(),
        () => inner.abort(),
      );
    }, ttl / 3);
    let idle: NodeJS.Timeout | undefined;
    try {
      let committed = (await store.checkpoint(key))?.position ?? START;
      let pending = committed;
      let unsaved = 0;
      // Commits run one after another, so checkpoints only ever go up.
      let saving: Promise<void> = Promise.resolve();
      const save = (position: bigint): Promise<void> => {
        saving = saving.then(async () => {
          if (position <= committed) return;
          const checkpoint = { position, updatedAt: this.options.now().toISOString() };
          await store.commit({
            projection: key,
            put: new Map(),
            delete: new Set(),
            checkpoint,
            fencingToken: token,
          });
          committed = position;
        });
        unsaved = 0;
        return saving;
      };
      for await (const event of eventStore.subscribeToAll({
        after: committed,
        signal: inner.signal,
      })) {
        clearTimeout(idle);
        pending = event.position;
        this.processed++;
        if (reactor.handles.has(event.type)) {
          await this.handleWithRetries(event);
          await save(pending);
        } else if (++unsaved >= every) {
          await save(pending);
        } else {
          // Caught up on events that need no reaction: record that once things go quiet.
          const position = pending;
          idle = setTimeout(() => void save(position).catch(() => inner.abort()), IDLE_SAVE_MS);
        }
      }
      await save(pending);
    } finally {
      clearTimeout(idle);
      clearInterval(renew);
      signal.removeEventListener('abort', stop);
      await store.releaseLease(key, this.owner, token).catch(() => undefined);
    }
  }

  private async handleWithRetries(event: RecordedEvent): Promise<void> {
    const attempts = this.options.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await this.options.reactor.handle(event);
        this.logger.debug?.(`${event.type} ${event.id}: ${outcome}`);
        return;
      } catch (error) {
        // An outage is not the event's fault: resume from the checkpoint when the store is back.
        if (error instanceof StoreUnavailable) throw error;
        if (attempt >= attempts) {
          await this.options.store.park({
            projection: this.options.key.name,
            version: this.options.key.version,
            eventId: event.id,
            position: String(event.position),
            eventType: event.type,
            error: (error as Error).stack ?? String(error),
            attempts: attempt,
            parkedAt: this.options.now().toISOString(),
          });
          this.logger.error(
            `parked ${event.type} ${event.id} after ${attempt} attempts: ${(error as Error).message}`,
          );
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      }
    }
  }
}
