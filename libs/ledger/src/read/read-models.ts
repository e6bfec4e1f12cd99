import { Inject, Injectable } from '@nestjs/common';
import { type EventStore, START } from '#event-store';
import type { Checkpoint, ProjectionKey, ReadModelStore } from '#projections';
import type { LedgerConfig } from '../config/ledger-config.js';
import { Clock } from '../shared/clock.js';
import { EVENT_STORE, LEDGER_CONFIG, READ_MODEL_STORE } from '../tokens.js';
import { ReadModelBehind, ReadModelRebuilding } from '../errors.js';

interface Replica {
  readonly key: ProjectionKey;
  sequence: number;
  checkpoint: Checkpoint | undefined;
  readonly docs: Map<string, unknown>;
}

export interface ReadModelView<T> {
  readonly docs: ReadonlyMap<string, T>;
  /** The ledger position the documents reflect. */
  readonly position: bigint;
}

/** How current an answer is, for the X-Ledger-* headers. */
export interface Freshness {
  readonly position: bigint;
  readonly head: bigint;
  readonly lagSeconds: number;
}

/** Commit sequences and checkpoints only grow while the store keeps its data. */
function lostData(
  replica: Replica,
  changes: { sequence: number; checkpoint: Checkpoint | undefined },
): boolean {
  const held = replica.checkpoint?.position ?? START;
  return changes.sequence < replica.sequence || (changes.checkpoint?.position ?? START) < held;
}

/**
 * Queries read only read models. This keeps a replica of each projection's
 * live documents and fetches just the documents changed since the last look,
 * so a query costs one or two small round trips however large the ledger.
 */
@Injectable()
export class ReadModels {
  private readonly replicas = new Map<string, Replica>();

  constructor(
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    private readonly clock: Clock,
  ) {}

  async view<T>(name: string): Promise<ReadModelView<T>> {
    const version = await this.store.liveVersion(name);
    if (version === undefined) {
      // Not built yet, or the store lost its data (a Redis restarted empty): so is the replica.
      this.replicas.delete(name);
      throw new ReadModelRebuilding(name);
    }
    let replica = this.replicas.get(name);
    if (replica === undefined || replica.key.version !== version) {
      replica = { key: { name, version }, sequence: 0, checkpoint: undefined, docs: new Map() };
      this.replicas.set(name, replica);
    }
    let changes = await this.store.changesSince<unknown>(replica.key, replica.sequence);
    if (replica.sequence > 0 && lostData(replica, changes)) {
      // The store went back (restarted from an older snapshot or empty): fetch everything again.
      replica = { key: replica.key, sequence: 0, checkpoint: undefined, docs: new Map() };
      this.replicas.set(name, replica);
      changes = await this.store.changesSince<unknown>(replica.key, 0);
    }
    for (const [id, doc] of changes.documents) {
      if (doc === undefined) replica.docs.delete(id);
      else replica.docs.set(id, doc);
    }
    replica.sequence = changes.sequence;
    replica.checkpoint = changes.checkpoint;
    return {
      docs: replica.docs as ReadonlyMap<string, T>,
      position: changes.checkpoint?.position ?? START,
    };
  }

  /**
   * Refuses to answer from a read model that is too far behind: numbers a
   * board relies on must not be silently stale.
   */
  async freshness(name: string, position: bigint): Promise<Freshness> {
    const head = await this.events.headPosition();
    if (position >= head) return { position, head, lagSeconds: 0 };
    const [next] = await this.events.readAll({ after: position, maxCount: 1 });
    const lagSeconds = next
      ? Math.max(0, (this.clock.now().getTime() - next.committedAt.getTime()) / 1000)
      : 0;
    if (lagSeconds > this.config.maxReadLagSeconds)
      throw new ReadModelBehind(name, position, head, lagSeconds);
    return { position, head, lagSeconds };
  }
}
