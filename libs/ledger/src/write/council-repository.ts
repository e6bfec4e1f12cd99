import { Inject, Injectable } from '@nestjs/common';
import {
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type RecordedEvent,
  StreamNotFound,
} from '#event-store';
import { type CouncilEvent, type CouncilState, evolve, initialState, upcast } from '#domain';
import { EVENT_STORE } from '../tokens.js';

/** What an append under an idempotency key produced: the answer a retry gets. */
export interface EarlierAppend {
  readonly revision: bigint;
  readonly position: bigint;
  /** What the keyed request asked for (requestFingerprint); absent on events written before it was kept. */
  readonly fingerprint: string | undefined;
}

export interface LoadedCouncil {
  readonly streamName: string;
  readonly state: CouncilState;
  /** Revision of the last event folded in; undefined when the stream does not exist. */
  readonly revision: bigint | undefined;
  /**
   * Results of earlier appends made under an idempotency key. Shared between
   * successive loads of one stream: it only ever gains true facts, so a load
   * that sees a key added by a later fold still answers correctly.
   */
  readonly byIdempotencyKey: Map<string, EarlierAppend>;
}

const CACHE_LIMIT = 2_000;

/**
 * Loads council state by folding its stream, keeping the folded state in
 * memory and reading only the events after it, so loading does not slow down
 * as a stream grows. Every load still asks the store for newer events, which
 * keeps several API processes correct without coordination.
 */
@Injectable()
export class CouncilRepository {
  private readonly cache = new Map<string, LoadedCouncil>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(streamName: string): Promise<LoadedCouncil> {
    const cached = this.cache.get(streamName) ?? empty(streamName);
    const fromRevision = cached.revision === undefined ? 0n : cached.revision + 1n;
    let recorded: RecordedEvent[];
    try {
      recorded = await this.store.readStream(streamName, { fromRevision });
    } catch (error) {
      if (error instanceof StreamNotFound) return cached;
      throw error;
    }
    let state = cached.state;
    for (const event of recorded) {
      state = evolve(state, { eventId: event.id, event: toCouncilEvent(event) });
      const key = event.metadata['idempotencyKey'];
      if (typeof key === 'string') {
        const fingerprint = event.metadata['requestFingerprint'];
        cached.byIdempotencyKey.set(key, {
          revision: event.revision,
          position: event.position,
          fingerprint: typeof fingerprint === 'string' ? fingerprint : undefined,
        });
      }
    }
    const last = recorded.at(-1);
    const loaded: LoadedCouncil = {
      ...cached,
      state,
      revision: last === undefined ? cached.revision : last.revision,
    };
    this.remember(loaded);
    return loaded;
  }

  append(loaded: LoadedCouncil, events: readonly EventToAppend[]): Promise<AppendResult> {
    return this.store.append(loaded.streamName, events, loaded.revision ?? 'no_stream');
  }

  /** Forgets what this process folded, e.g. after a rebuild in tests. */
  clear(): void {
    this.cache.clear();
  }

  private remember(loaded: LoadedCouncil): void {
    const current = this.cache.get(loaded.streamName);
    if (
      current?.revision !== undefined &&
      loaded.revision !== undefined &&
      current.revision >= loaded.revision
    ) {
      return;
    }
    this.cache.delete(loaded.streamName);
    this.cache.set(loaded.streamName, loaded);
    if (this.cache.size > CACHE_LIMIT) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
  }
}

function empty(streamName: string): LoadedCouncil {
  return { streamName, state: initialState, revision: undefined, byIdempotencyKey: new Map() };
}

export function toCouncilEvent(recorded: RecordedEvent): CouncilEvent {
  const version = recorded.metadata['schemaVersion'];
  return upcast(recorded.type, typeof version === 'number' ? version : 1, recorded.data);
}
