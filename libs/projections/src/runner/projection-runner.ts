import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { START } from '#event-store';
import type { RecordedEvent } from '#event-store';
import type { ProjectedDocument } from '../projection.js';
import { FencedOff, StaleCheckpoint } from '../read-model-store.js';
import type { ProjectionKey } from '../read-model-store.js';
import { catchUp } from './catch-up.js';
import { FoldSession, SessionAborted } from './fold-session.js';
import { LeaseKeeper } from './lease-keeper.js';
import { toProjectedEvent } from './projected-event.js';
import { StatusProbe } from './runner-status.js';
import type { RunnerState, RunnerStatus } from './runner-status.js';
import type { ProjectionRunnerOptions } from './runner-options.js';
import { Backoff, sleep, TIMED_OUT, within } from './timing.js';

const PROGRESS_EVERY = 1_000;
const RETURN_WAIT_MS = 1_000;

/**
 * Runs one projection version: holds its lease, folds the subscription into
 * the documents in memory, and commits them with the checkpoint in batches.
 * See docs/decisions/0003-projection-runner.md.
 */
export class ProjectionRunner<Doc extends ProjectedDocument = ProjectedDocument> {
  readonly key: ProjectionKey;
  readonly owner: string;
  private readonly ttlMs: number;
  private readonly now: () => Date;
  private readonly stopping = new AbortController();
  private readonly backoff = new Backoff();
  private readonly probe: StatusProbe;
  private current: RunnerState = 'standby';
  private running: Promise<void> | undefined;
  private session: FoldSession<Doc> | undefined;
  private committed = START;
  private processed = 0;

  constructor(private readonly options: ProjectionRunnerOptions<Doc>) {
    const { name, version } = options.projection;
    this.key = { name, version };
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
    this.ttlMs = options.leaseTtlMs ?? 15_000;
    this.now = options.now ?? (() => new Date());
    this.probe = new StatusProbe(options.eventStore, options.store, name, this.now);
  }

  get state(): RunnerState {
    return this.current;
  }

  /** Starts the loop in the background; the promise settles when the runner has stopped. */
  start(): Promise<void> {
    this.running ??= this.run();
    return this.running;
  }

  /** Finishes the batch in hand (commits it), releases the lease and returns. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
    this.setState('stopped');
  }

  async status(): Promise<RunnerStatus> {
    // A standby reports the holder's progress, which only the store knows.
    const stored = this.session
      ? undefined
      : await this.options.store.checkpoint(this.key).catch(() => undefined);
    const checkpoint = stored?.position ?? this.committed;
    const measured = await this.probe.read(checkpoint, this.current === 'live');
    return {
      name: this.key.name,
      version: this.key.version,
      state: this.current,
      checkpoint,
      ...measured,
    };
  }

  /** Re-applies a parked event and removes its dead letter, atomically; only on the lease holder. */
  async replayDeadLetter(eventId: string): Promise<void> {
    const session = this.session;
    const { name, version } = this.key;
    if (session === undefined) {
      throw new Error(`${name} v${version} is ${this.current} here: replay on the lease holder`);
    }
    const letter = (await this.options.store.deadLetters(name)).find((l) => l.eventId === eventId);
    if (letter === undefined) throw new Error(`${name} has no dead letter for event ${eventId}`);
    if (letter.version !== undefined && letter.version !== version) {
      throw new Error(`event ${eventId} was parked by ${name} v${letter.version}, not v${version}`);
    }
    const position = BigInt(letter.position);
    const [recorded] = await this.options.eventStore.readAll({ after: position - 1n, maxCount: 1 });
    if (recorded?.id !== eventId || position > session.position) {
      throw new Error(`event ${eventId} is not at position ${position} behind ${name} v${version}`);
    }
    await session.replay(toProjectedEvent(recorded));
    this.committed = session.committed;
  }

  private async run(): Promise<void> {
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      this.setState('standby');
      try {
        const token = await this.acquire(signal);
        if (token === undefined) break;
        if (await this.superseded()) {
          await this.options.store.releaseLease(this.key, this.owner, token);
          break;
        }
        await this.serve(token);
      } catch (error) {
        this.options.onError?.(error);
        // Fenced or overtaken: someone else holds the version; standby retries at lease pace.
        if (!(error instanceof FencedOff || error instanceof StaleCheckpoint)) {
          await this.backoff.wait(signal);
        }
      }
    }
    this.setState('stopped');
  }

  private async acquire(signal: AbortSignal): Promise<bigint | undefined> {
    while (!signal.aborted) {
      const token = await this.options.store.acquireLease(this.key, this.owner, this.ttlMs);
      if (token !== undefined) return token;
      await sleep(this.ttlMs / 3, signal);
    }
    return undefined;
  }

  /** A newer version went live: this code is old, and its version may be retired under it. */
  private async superseded(): Promise<boolean> {
    const live = await this.options.store.liveVersion(this.key.name);
    return live !== undefined && live > this.key.version;
  }

  private async serve(token: bigint): Promise<void> {
    const lost = new AbortController();
    const signal = AbortSignal.any([this.stopping.signal, lost.signal]);
    const { store, projection } = this.options;
    const keeper = new LeaseKeeper(store, this.key, this.owner, token, this.ttlMs, () => {
      this.options.onError?.(new FencedOff(this.key, token));
      lost.abort();
    }).start();
    try {
      const session = await FoldSession.load({
        projection,
        key: this.key,
        store,
        token,
        now: this.now,
        maxAttempts: this.options.maxAttempts ?? 3,
        retryDelayMs: this.options.retryDelayMs ?? 10,
        signal,
      });
      this.session = session;
      this.committed = session.committed;
      this.setState('catching-up');
      await this.consume(session, signal);
      if (!lost.signal.aborted) await this.flush(session);
    } finally {
      this.session = undefined;
      keeper.stop();
      if (this.stopping.signal.aborted && !lost.signal.aborted) {
        await store.releaseLease(this.key, this.owner, token).catch(() => undefined);
      }
    }
  }

  /** Returns when the subscription ends (stop or lost lease); throws when a store fails. */
  private async consume(session: FoldSession<Doc>, signal: AbortSignal): Promise<void> {
    const flushIdleMs = this.options.flushIdleMs ?? 50;
    const maxBatchMs = this.options.maxBatchMs ?? 2_000;
    const maxBatchEvents = this.options.maxBatchEvents ?? 50_000;
    const { eventStore, pages } = this.options;
    const shared = pages?.join(signal);
    await catchUp({
      read: shared?.read ?? ((after, maxCount) => eventStore.readAll({ after, maxCount })),
      session,
      maxBatchEvents,
      signal,
      flush: () => this.flush(session),
      onPage: () =>
        this.options.onProgress?.(this.processed + session.pendingEvents, session.position),
    })
      .catch((error: unknown) => {
        if (!(error instanceof SessionAborted)) throw error;
      })
      .finally(() => shared?.leave());
    if (signal.aborted) return;
    const ending = new AbortController();
    const events = this.options.eventStore
      .subscribeToAll({
        after: session.committed,
        signal: AbortSignal.any([signal, ending.signal]),
      })
      [Symbol.asyncIterator]();
    let next: Promise<IteratorResult<RecordedEvent>> | undefined;
    let batchStartedAt = 0;
    try {
      for (;;) {
        next ??= events.next();
        const pending = session.pendingEvents > 0;
        const waitMs = pending
          ? Math.max(0, Math.min(flushIdleMs, batchStartedAt + maxBatchMs - Date.now()))
          : flushIdleMs;
        const result = pending || this.current !== 'live' ? await within(next, waitMs) : await next;
        if (result === TIMED_OUT) {
          await this.flush(session);
          if (waitMs >= flushIdleMs && this.current !== 'live') await this.goLive(session);
          continue;
        }
        next = undefined;
        if (result.done) {
          if (signal.aborted) return;
          // Ended by the event store (closed, or a broken adapter): back off rather than spin.
          throw new Error('event store subscription ended unexpectedly');
        }
        if (session.pendingEvents === 0) batchStartedAt = Date.now();
        await session.apply(result.value);
        if (session.pendingEvents % PROGRESS_EVERY === 0) {
          this.options.onProgress?.(this.processed + session.pendingEvents, session.position);
        }
        if (session.pendingEvents >= maxBatchEvents) await this.flush(session);
      }
    } catch (error) {
      if (!(error instanceof SessionAborted)) throw error;
    } finally {
      // Aborting first: a generator only runs its cleanup once its pending next() has settled.
      ending.abort();
      next?.catch(() => undefined);
      await within(
        Promise.resolve(events.return?.()).catch(() => undefined),
        RETURN_WAIT_MS,
      );
    }
  }

  private async flush(session: FoldSession<Doc>): Promise<void> {
    const events = session.pendingEvents;
    if (!(await session.flush())) return;
    this.processed += events;
    this.committed = session.committed;
    this.backoff.reset();
    this.options.onProgress?.(this.processed, session.committed);
  }

  /**
   * Caught up with the head. A store that lost everything (a Redis restarted
   * empty) lost its live pointer too: queries answer 503 until this runner has
   * refolded the whole ledger into it, and only then is the version live again.
   */
  private async goLive(session: FoldSession<Doc>): Promise<void> {
    // Quiet is not proof of being at the head: a loaded machine can keep the next page
    // longer than the idle wait. Only the head itself says the fold has caught up.
    if (session.position < (await this.options.eventStore.headPosition())) return;
    this.setState('live');
    const { store } = this.options;
    if ((await store.liveVersion(this.key.name)) === undefined) await store.promote(this.key);
  }

  private setState(state: RunnerState): void {
    if (state === this.current) return;
    this.current = state;
    this.options.onStateChange?.(state);
  }
}
