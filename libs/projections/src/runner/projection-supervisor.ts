import type { EventStore } from '#event-store';
import type { Projection } from '../projection.js';
import type { ReadModelStore } from '../read-model-store.js';
import { ProjectionRebuild } from './projection-rebuild.js';
import { SharedPages } from './shared-pages.js';
import { ProjectionRunner } from './projection-runner.js';
import type { ProjectionRunnerOptions } from './runner-options.js';
import type { RunnerStatus } from './runner-status.js';
import { Backoff } from './timing.js';

export interface ProjectionSupervisorOptions {
  readonly projections: readonly Projection[];
  readonly eventStore: EventStore;
  readonly store: ReadModelStore;
  /** Settings shared by every runner: owner, lease, batching, clock, callbacks. */
  readonly runner?: Omit<ProjectionRunnerOptions, 'projection' | 'eventStore' | 'store'>;
  /** See RebuildOptions.retireAfterMs. */
  readonly retireAfterMs?: number;
  readonly onError?: (error: unknown) => void;
}

/**
 * One runner per projection. A projection whose code version is newer than
 * the live one is rebuilt beside it (resuming a partial build left by a
 * crash) and promoted when caught up; until then queries keep reading the old
 * live version. Each runner is isolated: a failing projection never stops the
 * others.
 */
export class ProjectionSupervisor {
  private readonly runners = new Map<string, ProjectionRunner>();
  private readonly tasks: Promise<unknown>[] = [];
  private readonly stopping = new AbortController();
  private readonly pages: SharedPages;

  constructor(private readonly options: ProjectionSupervisorOptions) {
    const names = options.projections.map((projection) => projection.name);
    if (new Set(names).size !== names.length)
      throw new RangeError('projection names must be unique');
    this.pages = new SharedPages(options.eventStore);
  }

  /** Decides and starts each projection in the background (waiting out a store that is down). */
  start(): void {
    for (const projection of this.options.projections) {
      this.tasks.push(this.launch(projection).catch((error) => this.options.onError?.(error)));
    }
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.all(this.tasks);
    await Promise.all([...this.runners.values()].map((runner) => runner.stop()));
  }

  runner(name: string): ProjectionRunner | undefined {
    return this.runners.get(name);
  }

  status(): Promise<RunnerStatus[]> {
    return Promise.all([...this.runners.values()].map((runner) => runner.status()));
  }

  private async launch(projection: Projection): Promise<void> {
    const { eventStore, store, onError } = this.options;
    const signal = this.stopping.signal;
    const live = await this.liveVersion(projection.name);
    if (signal.aborted) return;
    const settings = { ...this.options.runner, projection, eventStore, store, pages: this.pages };
    if (live !== undefined && live > projection.version) {
      onError?.(
        new Error(
          `${projection.name}: v${live} is live, newer than this code's v${projection.version}`,
        ),
      );
      return;
    }
    if (live === projection.version) {
      const runner = new ProjectionRunner(settings);
      this.runners.set(projection.name, runner);
      void runner.start();
      return;
    }
    const rebuild = new ProjectionRebuild({
      ...settings,
      fresh: false,
      signal,
      ...(this.options.retireAfterMs === undefined
        ? {}
        : { retireAfterMs: this.options.retireAfterMs }),
    });
    this.runners.set(projection.name, rebuild.runner);
    // A store outage mid-way is retried; the runner itself survives it, and starting it again is a no-op.
    for (const backoff = new Backoff(); !signal.aborted; await backoff.wait(signal)) {
      try {
        await rebuild.run();
        return;
      } catch (error) {
        onError?.(error);
        if (error instanceof RangeError) return;
      }
    }
  }

  private async liveVersion(name: string): Promise<number | undefined> {
    const backoff = new Backoff();
    for (;;) {
      try {
        return await this.options.store.liveVersion(name);
      } catch (error) {
        this.options.onError?.(error);
        if (this.stopping.signal.aborted) return undefined;
        await backoff.wait(this.stopping.signal);
      }
    }
  }
}
