import { performance } from 'node:perf_hooks';
import { PostgresEventStore } from '#event-store';
import { type Projection, ProjectionSupervisor, RedisReadModelStore } from '#projections';
import { peakRssMb, progress } from '../support/stats.js';

const POLL_MS = 20;

export interface RebuildFigures {
  readonly projections: readonly string[];
  /** Events in the store: each projection folds all of them. */
  readonly events: number;
  /** Wall time from starting the supervisor until every checkpoint is at the head. */
  readonly seconds: number;
  /** When each projection's checkpoint reached the head, seconds after the start. */
  readonly finished: ReadonlyMap<string, number>;
  /** Highest RSS sampled during the rebuild, and the process's high-water mark after it. */
  readonly rssDuringMb: number;
  readonly peakRssMb: number;
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
  /** Stops the rebuild early (the bench was interrupted); it then throws. */
  readonly signal?: AbortSignal;
}

const mb = (bytes: number): number => bytes / 2 ** 20;

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
  const keys = setup.projections.map(({ name, version }) => ({ name, version }));
  const finished = new Map<string, number>();
  let rss = process.memoryUsage.rss();
  try {
    const head = await eventStore.headPosition();
    // Positions are (transaction id << 20) + ordinal: progress is only roughly linear in them.
    const first = (await eventStore.readAll({ maxCount: 1 }))[0]?.position ?? 0n;
    const share = (position: bigint | undefined): string =>
      position === undefined || head <= first
        ? '0'
        : ((Number(position - first) / Number(head - first)) * 100).toFixed(0);
    const started = performance.now();
    supervisor.start();
    let lastReport = started;
    while (finished.size < keys.length) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      if (setup.signal?.aborted) throw new Error('rebuild interrupted');
      rss = Math.max(rss, process.memoryUsage.rss());
      const checkpoints = await Promise.all(keys.map((key) => observer.checkpoint(key)));
      const now = performance.now();
      checkpoints.forEach((checkpoint, index) => {
        const name = keys[index]!.name;
        if (!finished.has(name) && (checkpoint?.position ?? 0n) >= head) {
          finished.set(name, (now - started) / 1000);
        }
      });
      if (now - lastReport >= 10_000) {
        lastReport = now;
        const at = checkpoints.map((c, n) => `${keys[n]!.name} ≈${share(c?.position)}%`);
        progress(
          `  ${((now - started) / 1000).toFixed(0)} s: ${at.join(', ')}; rss ${mb(rss).toFixed(0)} MiB`,
        );
      }
    }
    const seconds = Math.max(...finished.values());
    // Let the first build promote its versions (the rebuild polls every 100 ms), as queries need.
    const deadline = performance.now() + 30_000;
    for (const { name } of keys) {
      while ((await observer.liveVersion(name)) === undefined) {
        if (performance.now() > deadline) throw new Error(`${name} was never promoted`);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    }
    await supervisor.stop();
    const deadLetters = (await observer.deadLetters()).length;
    return {
      projections: keys.map((key) => key.name),
      events: setup.events,
      seconds,
      finished,
      rssDuringMb: mb(rss),
      peakRssMb: peakRssMb(),
      deadLetters,
      errors,
    };
  } finally {
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
