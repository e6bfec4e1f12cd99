import type {
  BatchWrite,
  Checkpoint,
  DeadLetter,
  ProjectionKey,
  ReadModelStore,
} from '../read-model-store.js';
import { FencedOff, StaleCheckpoint } from '../read-model-store.js';
import { byPosition } from './dead-letter-order.js';

export interface MemoryReadModelStoreOptions {
  /** Milliseconds clock for lease expiry; tests can drive it. Default Date.now. */
  readonly clock?: () => number;
}

interface Lease {
  readonly owner: string;
  readonly token: bigint;
  expiresAt: number;
}

/** One projection version; documents are kept as JSON so callers never share mutable objects with the store. */
interface VersionState {
  docs: Map<string, string>;
  checkpoint: Checkpoint | undefined;
  changes: Map<string, number>;
  lease: Lease | undefined;
  /** Survive reset, so tokens and sequences never repeat. */
  sequence: number;
  fence: bigint;
}

const versionId = (key: ProjectionKey): string => `${key.name}\u0000${key.version}`;

/**
 * The read-model store of the embedded default, with the same semantics as
 * RedisReadModelStore (readModelStoreContract runs against both). Every
 * method is synchronous inside, so each commit is atomic.
 */
export class MemoryReadModelStore implements ReadModelStore {
  private readonly versions = new Map<string, VersionState>();
  private readonly live = new Map<string, number>();
  private readonly dead = new Map<string, Map<string, DeadLetter>>();
  private readonly clock: () => number;

  constructor(options: MemoryReadModelStoreOptions = {}) {
    this.clock = options.clock ?? Date.now;
  }

  async commit(batch: BatchWrite): Promise<void> {
    const state = this.state(batch.projection);
    const lease = this.currentLease(state);
    if (lease === undefined || lease.token !== batch.fencingToken) {
      throw new FencedOff(batch.projection, batch.fencingToken);
    }
    const stored = state.checkpoint?.position ?? 0n;
    const resolves = batch.resolvesDeadLetters ?? [];
    const attempted = batch.checkpoint.position;
    const parked = this.dead.get(batch.projection.name);
    const allowed = attempted > stored || (resolves.length > 0 && attempted === stored);
    if (!allowed || resolves.some((eventId) => parked?.get(eventId) === undefined)) {
      throw new StaleCheckpoint(batch.projection, stored, attempted);
    }
    // Serialise first: a value that cannot be stored must leave nothing half-written.
    const puts = [...batch.put].map(([id, doc]) => [id, JSON.stringify(doc)] as const);
    state.sequence += 1;
    for (const [id, json] of puts) {
      state.docs.set(id, json);
      state.changes.set(id, state.sequence);
    }
    for (const id of batch.delete) {
      state.docs.delete(id);
      state.changes.set(id, state.sequence);
    }
    for (const eventId of resolves) parked?.delete(eventId);
    state.checkpoint = { ...batch.checkpoint };
  }

  async checkpoint(projection: ProjectionKey): Promise<Checkpoint | undefined> {
    const checkpoint = this.versions.get(versionId(projection))?.checkpoint;
    return checkpoint === undefined ? undefined : { ...checkpoint };
  }

  async get<T>(projection: ProjectionKey, id: string): Promise<T | undefined> {
    const json = this.versions.get(versionId(projection))?.docs.get(id);
    return json === undefined ? undefined : (JSON.parse(json) as T);
  }

  async all<T>(projection: ProjectionKey): Promise<Map<string, T>> {
    const docs = this.versions.get(versionId(projection))?.docs ?? new Map<string, string>();
    return new Map([...docs].map(([id, json]) => [id, JSON.parse(json) as T]));
  }

  async changesSince<T>(projection: ProjectionKey, sequence: number) {
    const state = this.versions.get(versionId(projection));
    const documents = new Map<string, T | undefined>();
    for (const [id, changedAt] of state?.changes ?? []) {
      if (changedAt <= sequence) continue;
      const json = state?.docs.get(id);
      documents.set(id, json === undefined ? undefined : (JSON.parse(json) as T));
    }
    const checkpoint = state?.checkpoint === undefined ? undefined : { ...state.checkpoint };
    return { sequence: state?.sequence ?? 0, checkpoint, documents };
  }

  async reset(projection: ProjectionKey): Promise<void> {
    const state = this.versions.get(versionId(projection));
    if (state === undefined) return;
    // Dropping the lease fences off whoever was writing this version.
    Object.assign(state, {
      docs: new Map(),
      checkpoint: undefined,
      changes: new Map(),
      lease: undefined,
    });
  }

  async liveVersion(name: string): Promise<number | undefined> {
    return this.live.get(name);
  }

  async promote(projection: ProjectionKey): Promise<void> {
    this.live.set(projection.name, projection.version);
  }

  async acquireLease(projection: ProjectionKey, owner: string, ttlMs: number) {
    const state = this.state(projection);
    const lease = this.currentLease(state);
    if (lease !== undefined && lease.owner !== owner) return undefined;
    // The holder acquiring again is a new incarnation: it gets a new token that fences the old one.
    state.fence += 1n;
    state.lease = { owner, token: state.fence, expiresAt: this.clock() + ttlMs };
    return state.fence;
  }

  async renewLease(projection: ProjectionKey, owner: string, token: bigint, ttlMs: number) {
    const lease = this.currentLease(this.state(projection));
    if (lease === undefined || lease.owner !== owner || lease.token !== token) return false;
    lease.expiresAt = this.clock() + ttlMs;
    return true;
  }

  async releaseLease(projection: ProjectionKey, owner: string, token: bigint): Promise<void> {
    const state = this.state(projection);
    const lease = this.currentLease(state);
    if (lease !== undefined && lease.owner === owner && lease.token === token) {
      state.lease = undefined;
    }
  }

  async park(letter: DeadLetter): Promise<void> {
    const parked = this.dead.get(letter.projection) ?? new Map<string, DeadLetter>();
    this.dead.set(letter.projection, parked.set(letter.eventId, { ...letter }));
  }

  async deadLetters(projection?: string): Promise<DeadLetter[]> {
    const names = projection === undefined ? [...this.dead.keys()] : [projection];
    const letters = names.flatMap((name) => [...(this.dead.get(name)?.values() ?? [])]);
    return letters.map((letter) => ({ ...letter })).sort(byPosition);
  }

  async removeDeadLetter(projection: string, eventId: string): Promise<void> {
    this.dead.get(projection)?.delete(eventId);
  }

  async close(): Promise<void> {}

  private state(projection: ProjectionKey): VersionState {
    const id = versionId(projection);
    let state = this.versions.get(id);
    if (state === undefined) {
      state = {
        docs: new Map(),
        checkpoint: undefined,
        changes: new Map(),
        lease: undefined,
        sequence: 0,
        fence: 0n,
      };
      this.versions.set(id, state);
    }
    return state;
  }

  private currentLease(state: VersionState): Lease | undefined {
    if (state.lease !== undefined && state.lease.expiresAt <= this.clock()) state.lease = undefined;
    return state.lease;
  }
}
