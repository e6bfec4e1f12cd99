import { performance, PerformanceObserver } from 'node:perf_hooks';
import pg from 'pg';
import { PostgresEventStore } from '#event-store';
import {
  type Checkpoint,
  type Projection,
  type ProjectionKey,
  ProjectionSupervisor,
  RedisReadModelStore,
} from '#projections';
import { peakRssMb, progress } from '../support/stats.js';

const POLL_MS = 20;
const REPORT_EVERY_MS = 30_000;

export interface RebuildFigures {
  readonly projections: readonly string[];
  /** Events in the store: each projection folds all of them. */
  readonly events: number;
  /** False when the budget ran out first; the figures are then those at the budget. */
  readonly completed: boolean;
  /** Wall time from starting the supervisor until every checkpoint is at the head (or the budget). */
  readonly seconds: number;
  /** Events at or below each projection's checkpoint at the end (all of them when completed). */
  readonly folded: ReadonlyMap<string, number>;
  /** When each projection's checkpoint reached the head, seconds after the start. */
  readonly finished: ReadonlyMap<string, number>;
  /** Highest RSS sampled during the rebuild, and the process's high-water mark after it. */
  readonly rssDuringMb: number;
  readonly peakRssMb: number;
  /** Garbage-collection pauses of the main thread during the rebuild (perf_hooks 'gc'). */
  readonly gcPauseSeconds: number;
  readonly deadLetters: number;
  readonly errors: readonly string[];
}

export interface RebuildSetup {
  readonly url: string;
  readonly schema: string;
  readonly redisUrl: string;
  /** Fresh for every rebuild, so it starts from nothing. */
  readonly prefix: string;
  readonly projections: readonly Projection[];
  readonly events: number;
  /** Past this the supervisor is stopped and the rebuild reported as not finished. */
  readonly budgetSeconds: number;
  /** Stops the rebuild early (the bench was interrupted); it then throws. */
  readonly signal?: AbortSignal;
}

const mb = (bytes: number): number => bytes / 2 ** 20;
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, POLL_MS));

/** How many events lie at or below each checkpoint: positions are not event counts. */
async function eventsUpTo(setup: RebuildSetup, checkpoints: readonly (Checkpoint | undefined)[]) {
  const client = new pg.Client({ connectionString: setup.url });
  await client.connect();
  try {
    const text = `SELECT count(*)::int AS n FROM "${setup.schema}".events WHERE position <= $1`;
    const counts: number[] = [];
    for (const checkpoint of checkpoints) {
      const position = (checkpoint?.position ?? 0n).toString();
      counts.push((await client.query<{ n: number }>(text, [position])).rows[0]?.n ?? 0);
    }
    return counts;
  } finally {
    await client.end();
  }
}

/**
 * Rebuilds the projections as a projector process does: one ProjectionSupervisor over one
 * event store (its default pool) and one Redis read-model store, which starts one
 * ProjectionRunner per projection (first build: rebuilt, then promoted). A separate
 * connection watches the checkpoints, so watching does not queue behind the commits.
 */
export async function rebuild(setup: RebuildSetup): Promise<RebuildFigures> {
  const eventStore = await PostgresEventStore.connect({ url: setup.url, schema: setup.schema });
  const store = new RedisReadModelStore(setup.redisUrl, setup.prefix);
  const observer = new RedisReadModelStore(setup.redisUrl, setup.prefix);
  const errors: string[] = [];
  const onError = (error: unknown): void => {
    errors.push(error instanceof Error ? error.message : String(error));
  };
  const supervisor = new ProjectionSupervisor({
    projections: setup.projections,
    eventStore,
    store,
    runner: { onError },
    onError,
  });
  const keys: ProjectionKey[] = setup.projections.map(({ name, version }) => ({ name, version }));
  const finished = new Map<string, number>();
  let rss = process.memoryUsage.rss();
  let gcMs = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  gc.observe({ entryTypes: ['gc'] });
  try {
    const head = await eventStore.headPosition();
    const started = performance.now();
    const elapsed = (): number => (performance.now() - started) / 1000;
    supervisor.start();
    let checkpoints: (Checkpoint | undefined)[] = [];
    let reported = started;
    while (finished.size < keys.length && elapsed() < setup.budgetSeconds) {
      await pause();
      if (setup.signal?.aborted) throw new Error('rebuild interrupted');
      rss = Math.max(rss, process.memoryUsage.rss());
      checkpoints = await Promise.all(keys.map((key) => observer.checkpoint(key)));
      checkpoints.forEach((checkpoint, index) => {
        const name = keys[index]!.name;
        if (!finished.has(name) && (checkpoint?.position ?? 0n) >= head)
          finished.set(name, elapsed());
      });
      if (performance.now() - reported >= REPORT_EVERY_MS) {
        reported = performance.now();
        const counts = await eventsUpTo(setup, checkpoints);
        const at = keys.map((key, index) => `${key.name} ${counts[index]}`).join(', ');
        progress(
          `  ${elapsed().toFixed(0)} s: ${at}; rss ${mb(rss).toFixed(0)} MiB; gc ${(gcMs / 1000).toFixed(0)} s`,
        );
      }
    }
    const completed = finished.size === keys.length;
    const seconds = completed ? Math.max(...finished.values()) : elapsed();
    const counts = completed ? keys.map(() => setup.events) : await eventsUpTo(setup, checkpoints);
    // Let the first build promote its versions (the rebuild polls every 100 ms), as queries need.
    const deadline = performance.now() + 30_000;
    for (const { name } of completed ? keys : []) {
      while ((await observer.liveVersion(name)) === undefined) {
        if (performance.now() > deadline) throw new Error(`${name} was never promoted`);
        await pause();
      }
    }
    const gcPauseSeconds = gcMs / 1000;
    await supervisor.stop();
    return {
      projections: keys.map((key) => key.name),
      events: setup.events,
      completed,
      seconds,
      folded: new Map(keys.map((key, index) => [key.name, counts[index] ?? 0])),
      finished,
      rssDuringMb: mb(rss),
      peakRssMb: peakRssMb(),
      gcPauseSeconds,
      deadLetters: (await observer.deadLetters()).length,
      errors,
    };
  } finally {
    gc.disconnect();
    await supervisor.stop();
    await Promise.all([store.close(), observer.close(), eventStore.close()]);
  }
}

/** Handles nothing, so a rebuild with it measures the runner machinery alone (subscription, loop, checkpoints). */
export function noopProjection(name: string): Projection {
  return {
    name,
    version: 1,
    handles: new Set<string>(),
    documentId: () => null,
    evolve: (doc) => doc,
  };
}
