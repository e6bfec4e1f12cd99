/**
 * Where projections keep their documents and checkpoints: Redis in production,
 * memory in the embedded default. Every adapter passes readModelStoreContract.
 *
 * Keys: a projection's documents live under (projection name, version); the
 * live version is recorded separately so a rebuild of a new version can be
 * swapped in atomically when it has caught up.
 */
export interface ProjectionKey {
  readonly name: string;
  readonly version: number;
}

export interface Checkpoint {
  /** Last position folded in; START (0n) before the first batch. */
  readonly position: bigint;
  /** When the batch was committed (ISO instant, the runner's clock). */
  readonly updatedAt: string;
}

export interface BatchWrite {
  readonly projection: ProjectionKey;
  /** Documents to put (JSON-serialisable) and ids to delete. */
  readonly put: ReadonlyMap<string, unknown>;
  readonly delete: ReadonlySet<string>;
  /** The checkpoint after this batch; must be above the stored one (or equal, see resolvesDeadLetters). */
  readonly checkpoint: Checkpoint;
  /** Lease fencing token of the writer; a write with a stale token is refused. */
  readonly fencingToken: bigint;
  /**
   * Event ids of this projection's dead letters that the batch re-applied: they
   * are removed in the same atomic step, and the checkpoint may equal the stored
   * one. Refused (StaleCheckpoint) if any is no longer parked, so a replay
   * retried after an ambiguous failure is never applied twice.
   */
  readonly resolvesDeadLetters?: readonly string[];
}

export class StaleCheckpoint extends Error {
  constructor(
    readonly projection: ProjectionKey,
    readonly stored: bigint,
    readonly attempted: bigint,
  ) {
    super(
      `${projection.name} v${projection.version}: batch at ${attempted} is not above checkpoint ${stored}`,
    );
    this.name = 'StaleCheckpoint';
  }
}

export class FencedOff extends Error {
  constructor(
    readonly projection: ProjectionKey,
    readonly token: bigint,
  ) {
    super(`${projection.name} v${projection.version}: lease token ${token} is no longer current`);
    this.name = 'FencedOff';
  }
}

export class ReadModelUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReadModelUnavailable';
  }
}

export interface DeadLetter {
  readonly projection: string;
  /** The projection version whose runner parked it; only that version may replay it. */
  readonly version?: number;
  readonly eventId: string;
  readonly position: string;
  readonly eventType: string;
  readonly error: string;
  readonly attempts: number;
  readonly parkedAt: string;
}

export interface ReadModelStore {
  /**
   * Writes the documents and the checkpoint atomically; refuses (StaleCheckpoint)
   * a checkpoint at or below the stored one and (FencedOff) a stale fencing token.
   */
  commit(batch: BatchWrite): Promise<void>;
  checkpoint(projection: ProjectionKey): Promise<Checkpoint | undefined>;
  get<T>(projection: ProjectionKey, id: string): Promise<T | undefined>;
  /** All documents of a projection version (read models here are per council: hundreds, not millions). */
  all<T>(projection: ProjectionKey): Promise<Map<string, T>>;
  /**
   * Each commit gets the next commit sequence (1, 2, …) per projection version.
   * Lets a reader keep a replica and fetch only the documents changed since
   * the sequence it holds; `documents` maps each changed id to its value, or
   * to undefined when it was deleted.
   */
  changesSince<T>(
    projection: ProjectionKey,
    sequence: number,
  ): Promise<{
    sequence: number;
    checkpoint: Checkpoint | undefined;
    documents: Map<string, T | undefined>;
  }>;
  /** Removes a projection version's documents and checkpoint (before a rebuild from scratch). */
  reset(projection: ProjectionKey): Promise<void>;

  /** The version queries read; undefined until one has been promoted. */
  liveVersion(name: string): Promise<number | undefined>;
  promote(projection: ProjectionKey): Promise<void>;

  /** Leases: one runner per projection version at a time. Returns a fencing token, or undefined if held by another. */
  acquireLease(
    projection: ProjectionKey,
    owner: string,
    ttlMs: number,
  ): Promise<bigint | undefined>;
  renewLease(
    projection: ProjectionKey,
    owner: string,
    token: bigint,
    ttlMs: number,
  ): Promise<boolean>;
  releaseLease(projection: ProjectionKey, owner: string, token: bigint): Promise<void>;

  park(letter: DeadLetter): Promise<void>;
  deadLetters(projection?: string): Promise<DeadLetter[]>;
  removeDeadLetter(projection: string, eventId: string): Promise<void>;

  close(): Promise<void>;
}
