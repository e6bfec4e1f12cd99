import { START } from '#event-store';
import type { ProjectedDocument } from '../projection.js';
import type { ProjectionKey } from '../read-model-store.js';
import { ProjectionRunner } from './projection-runner.js';
import type { ProjectionRunnerOptions } from './runner-options.js';
import { sleep } from './timing.js';

export interface RebuildOptions<
  Doc extends ProjectedDocument = ProjectedDocument,
> extends ProjectionRunnerOptions<Doc> {
  /**
   * Reset the new version's keys before building (default true). False
   * resumes a partial build from its checkpoint: commits are atomic, so a
   * partial build is a consistent prefix, and a projector that keeps crashing
   * still finishes.
   */
  readonly fresh?: boolean;
  /**
   * How long the previous version's keys outlive the promotion, so a query
   * that read the live version just before the swap can still read its
   * documents. Default 10 s.
   */
  readonly retireAfterMs?: number;
  /** How often the build's checkpoint is compared with the target. Default 100 ms. */
  readonly pollMs?: number;
  /** Abandons the rebuild (the runner is stopped by its owner, not here). */
  readonly signal?: AbortSignal;
}

export interface RebuildOutcome<Doc extends ProjectedDocument = ProjectedDocument> {
  /** Still running: it keeps the promoted version live. Stop it when done. */
  readonly runner: ProjectionRunner<Doc>;
  readonly promoted: boolean;
  /** The version that was live before, now retired; undefined on a first build. */
  readonly previous: number | undefined;
}

/**
 * Builds a projection version beside the live one and swaps it in once it has
 * caught up with the head seen at the start; queries read the live version,
 * so they see the old model or the complete new one, never a partial build.
 */
export class ProjectionRebuild<Doc extends ProjectedDocument = ProjectedDocument> {
  readonly runner: ProjectionRunner<Doc>;

  constructor(private readonly options: RebuildOptions<Doc>) {
    this.runner = new ProjectionRunner(options);
  }

  async run(): Promise<RebuildOutcome<Doc>> {
    const { store, eventStore, signal } = this.options;
    const key = this.runner.key;
    const previous = await store.liveVersion(key.name);
    if (previous !== undefined && previous > key.version) {
      throw new RangeError(`${key.name}: v${key.version} is older than live v${previous}`);
    }
    if (previous === key.version) {
      // Promoted already (by another replica): never reset what queries read.
      void this.runner.start();
      return { runner: this.runner, promoted: true, previous: undefined };
    }
    if (this.options.fresh ?? true) await store.reset(key);
    void this.runner.start();
    const target = await eventStore.headPosition();
    if (!(await this.caughtUp(key, target))) {
      return { runner: this.runner, promoted: false, previous };
    }
    // Another replica may have promoted it already, or promoted something newer.
    const live = await store.liveVersion(key.name);
    if (live === undefined || live < key.version) await store.promote(key);
    if (previous !== undefined) {
      await sleep(this.options.retireAfterMs ?? 10_000, signal);
      if (!signal?.aborted) await this.retire({ name: key.name, version: previous });
    }
    return { runner: this.runner, promoted: true, previous };
  }

  private async caughtUp(key: ProjectionKey, target: bigint): Promise<boolean> {
    const { store, signal, pollMs = 100 } = this.options;
    while (!signal?.aborted && this.runner.state !== 'stopped') {
      const checkpoint = await store.checkpoint(key).catch(() => undefined);
      if (checkpoint !== undefined && checkpoint.position >= target) return true;
      if (checkpoint === undefined && target === START) return true;
      await sleep(pollMs, signal);
    }
    return false;
  }

  /** Drops the old version's keys (fencing any old-code runner still writing it) and its dead letters. */
  private async retire(old: ProjectionKey): Promise<void> {
    const { store } = this.options;
    await store.reset(old);
    const letters = await store.deadLetters(old.name);
    for (const letter of letters) {
      if (letter.version !== undefined && letter.version !== this.runner.key.version) {
        await store.removeDeadLetter(old.name, letter.eventId);
      }
    }
  }
}

/** Rebuilds `options.projection` beside the live version and promotes it (see ProjectionRebuild). */
export function rebuildBeside<Doc extends ProjectedDocument>(
  options: RebuildOptions<Doc>,
): Promise<RebuildOutcome<Doc>> {
  return new ProjectionRebuild(options).run();
}
