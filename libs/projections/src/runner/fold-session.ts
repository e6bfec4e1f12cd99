import { START } from '#event-store';
import type { RecordedEvent } from '#event-store';
import { applyOnce } from '../projection.js';
import type { ProjectedDocument, ProjectedEvent, Projection } from '../projection.js';
import type { DeadLetter, ProjectionKey, ReadModelStore } from '../read-model-store.js';
import { toProjectedEvent } from './projected-event.js';
import { sleep } from './timing.js';

export interface FoldSessionSettings<Doc extends ProjectedDocument> {
  readonly projection: Projection<Doc>;
  readonly key: ProjectionKey;
  readonly store: ReadModelStore;
  readonly token: bigint;
  readonly now: () => Date;
  readonly maxAttempts: number;
  readonly retryDelayMs: number;
  /** Aborts retries of a failing handler (shutdown or a lost lease). */
  readonly signal: AbortSignal;
}

/** Thrown out of apply when the session was aborted while retrying a failing handler. */
export class SessionAborted extends Error {
  constructor() {
    super('fold session aborted');
    this.name = 'SessionAborted';
  }
}

type Step<Doc extends ProjectedDocument> = (doc: Doc | null, event: ProjectedEvent) => Doc | null;

/** The stack helps an operator most; capped so one bad event cannot bloat the dead-letter store. */
const errorText = (error: unknown): string =>
  (error instanceof Error
    ? (error.stack ?? `${error.name}: ${error.message}`)
    : String(error)
  ).slice(0, 4_000);

/**
 * One lease tenure of a runner: the fold state (every document of the
 * projection version, loaded from the store) and the batch not yet committed.
 * It is discarded on any failure and reloaded from the store, whose documents
 * and checkpoint were written together, so nothing is counted twice.
 */
export class FoldSession<Doc extends ProjectedDocument> {
  /** Last position applied (folded or parked) in memory. */
  position: bigint;
  /** Last position the store holds. */
  committed: bigint;
  /** Events applied since the last commit. */
  pendingEvents = 0;
  private changeNo = 0;
  /** Document id -> change number, so a commit clears only what it wrote. */
  private readonly dirty = new Map<string, number>();
  private resolving: string[] = [];
  private flushes: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly settings: FoldSessionSettings<Doc>,
    private readonly docs: Map<string, Doc>,
    checkpoint: bigint,
  ) {
    this.position = checkpoint;
    this.committed = checkpoint;
  }

  /** Documents and checkpoint from one snapshot of the store (changesSince runs as one read). */
  static async load<Doc extends ProjectedDocument>(
    settings: FoldSessionSettings<Doc>,
  ): Promise<FoldSession<Doc>> {
    const snapshot = await settings.store.changesSince<Doc>(settings.key, 0);
    const docs = new Map<string, Doc>();
    for (const [id, doc] of snapshot.documents) if (doc !== undefined) docs.set(id, doc);
    return new FoldSession(settings, docs, snapshot.checkpoint?.position ?? START);
  }

  get documentCount(): number {
    return this.docs.size;
  }

  /**
   * Folds one event; unhandled types only move the position. Synchronous when the
   * handler succeeds (a rebuild folds millions of events, and an await each costs more
   * than most folds); only a throwing handler returns a promise, for its retries
   * and, at the last, parking it.
   */
  apply(recorded: RecordedEvent): Promise<void> | undefined {
    const { projection } = this.settings;
    if (projection.handles.has(recorded.type)) {
      const event = toProjectedEvent(recorded);
      try {
        this.fold(event, (doc, e) => applyOnce(projection, doc, e));
      } catch (error) {
        return this.retry(event, error).then(() => this.advance(recorded.position));
      }
    }
    this.advance(recorded.position);
    return undefined;
  }

  private advance(position: bigint): void {
    this.position = position;
    this.pendingEvents += 1;
  }

  private async retry(event: ProjectedEvent, first: unknown): Promise<void> {
    const { projection, maxAttempts, retryDelayMs, signal } = this.settings;
    let error = first;
    for (let attempt = 2; attempt <= maxAttempts; attempt += 1) {
      await sleep(retryDelayMs * 2 ** (attempt - 2), signal);
      if (signal.aborted) throw new SessionAborted();
      try {
        this.fold(event, (doc, e) => applyOnce(projection, doc, e));
        return;
      } catch (next) {
        error = next;
      }
    }
    await this.park(event, error, Math.max(maxAttempts, 1));
  }

  /**
   * Re-applies a parked event through evolve (its position is behind the
   * documents', so applyOnce would skip it) and commits at once, resolving the
   * dead letter in the same atomic step.
   */
  async replay(event: ProjectedEvent): Promise<void> {
    const { projection } = this.settings;
    this.fold(event, (doc, e) => {
      const next = projection.evolve(doc, e);
      // Keep lastPosition from going back, so later events stay idempotent.
      if (next === null || doc === null || BigInt(next.lastPosition) >= BigInt(doc.lastPosition)) {
        return next;
      }
      return { ...next, lastPosition: doc.lastPosition };
    });
    this.resolving.push(event.eventId);
    await this.flush();
  }

  /** Commits the changed documents and the checkpoint; flushes run one at a time. */
  flush(): Promise<boolean> {
    const run = this.flushes.then(() => this.commit());
    this.flushes = run.catch(() => undefined);
    return run;
  }

  private async commit(): Promise<boolean> {
    if (this.pendingEvents === 0 && this.resolving.length === 0) return false;
    // Events may be folded while the commit is in flight: write what is here now, clear only that.
    const upTo = this.changeNo;
    const position = this.position;
    const events = this.pendingEvents;
    const resolving = [...this.resolving];
    const put = new Map<string, Doc>();
    const deleted = new Set<string>();
    for (const id of this.dirty.keys()) {
      const doc = this.docs.get(id);
      if (doc === undefined) deleted.add(id);
      else put.set(id, doc);
    }
    await this.settings.store.commit({
      projection: this.settings.key,
      put,
      delete: deleted,
      checkpoint: { position, updatedAt: this.settings.now().toISOString() },
      fencingToken: this.settings.token,
      ...(resolving.length > 0 ? { resolvesDeadLetters: resolving } : {}),
    });
    for (const [id, changeNo] of this.dirty) if (changeNo <= upTo) this.dirty.delete(id);
    this.resolving = this.resolving.filter((eventId) => !resolving.includes(eventId));
    this.pendingEvents -= events;
    this.committed = position;
    return true;
  }

  private fold(event: ProjectedEvent, step: Step<Doc>): void {
    const id = this.settings.projection.documentId(event);
    if (id === null) return;
    const doc = this.docs.get(id) ?? null;
    const next = step(doc, event);
    if (next === doc) return;
    if (next === null) this.docs.delete(id);
    else this.docs.set(id, next);
    this.changeNo += 1;
    this.dirty.set(id, this.changeNo);
  }

  private async park(event: ProjectedEvent, error: unknown, attempts: number): Promise<void> {
    const { projection, key, store, now } = this.settings;
    const letter: DeadLetter = {
      projection: projection.name,
      version: key.version,
      eventId: event.eventId,
      position: event.position.toString(),
      eventType: event.type,
      error: errorText(error),
      attempts,
      parkedAt: now().toISOString(),
    };
    await store.park(letter);
  }
}
