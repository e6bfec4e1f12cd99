import type { EventStore } from '#event-store';
import type { ProjectedDocument, Projection } from '../projection.js';
import type { ReadModelStore } from '../read-model-store.js';
import type { RunnerState } from './runner-status.js';
import type { SharedPages } from './shared-pages.js';

export interface ProjectionRunnerOptions<Doc extends ProjectedDocument = ProjectedDocument> {
  readonly projection: Projection<Doc>;
  readonly eventStore: EventStore;
  readonly store: ReadModelStore;
  /** Unique per process incarnation. Default host:pid:random. */
  readonly owner?: string;
  /** Default 15 s; renewed every ttl/3, and standbys retry every ttl/3. */
  readonly leaseTtlMs?: number;
  /** Commit after this many events (handled or not). Default 50,000. */
  readonly maxBatchEvents?: number;
  /** Commit when no event has been ready for this long. Default 50 ms. */
  readonly flushIdleMs?: number;
  /** Commit at least this often under a steady trickle that never idles. Default 2 s. */
  readonly maxBatchMs?: number;
  /** Tries of a throwing handler before its event is parked. Default 3. */
  readonly maxAttempts?: number;
  /** First delay between tries, doubling. Default 10 ms. */
  readonly retryDelayMs?: number;
  readonly now?: () => Date;
  /** Events committed by this runner so far and the position reached; every commit and every 1,000 events. */
  readonly onProgress?: (processed: number, position: bigint) => void;
  readonly onStateChange?: (state: RunnerState) => void;
  /** Failures the runner recovers from (store down, lease lost), for logs. */
  readonly onError?: (error: unknown) => void;
  /** Pages shared with the other runners of this process while catching up (the supervisor's). */
  readonly pages?: SharedPages;
}
