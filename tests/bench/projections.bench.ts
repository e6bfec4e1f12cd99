import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { PostgresEventStore } from '#event-store';
import { COUNCIL_PROJECTIONS, councilSummaryProjection, takeUpProjection } from '#projections';
import { deleteKeys } from '../support/redis-store.js';
import { databaseUrl, redisUrl, requireService } from '../support/services.js';
import { loadAverage, postgresVersion } from './support/machine.js';
import { positiveFlag } from './support/flags.js';
import type { BenchReport } from './support/report.js';
import { perSecond, progress, timed, type Timing } from './support/stats.js';
import { appendPlans, checkPlans, genericOffers, type Workload } from './projections/generate.js';
import { projectionsMarkdown } from './projections/markdown.js';
import { ledgerCatalogue } from '../support/ledger-catalogue.js';
import { measureQueries } from './projections/query.js';
import { rawPgRead, rawRedisWrite, subscribeOnly } from './projections/raw-limits.js';
import { noopProjection, rebuild, type RebuildFigures } from './projections/rebuild.js';

export interface ProjectionsBenchOptions {
  readonly events: number;
  readonly councils: number;
  readonly queries: number;
  readonly budgetSeconds: number;
}

const say = (what: string, timing: Timing): void =>
  progress(
    `${what}: ${Math.round(perSecond(timing))}/s (${timing.count} in ${timing.seconds.toFixed(1)} s), load ${loadAverage()}`,
  );

const sayRebuild = (what: string, r: RebuildFigures): void =>
  progress(
    `${what}: ${r.completed ? '' : 'did NOT finish, stopped at the budget after '}${r.seconds.toFixed(1)} s, ` +
      `${[...r.folded.values()].join('/')} of ${r.events} events folded; rss ${Math.round(r.rssDuringMb)} MiB; ` +
      `gc pauses ${r.gcPauseSeconds.toFixed(1)} s; ${r.deadLetters} dead letters, ${r.errors.length} errors; load ${loadAverage()}`,
  );

async function redisVersion(redis: Redis): Promise<string> {
  const info = await redis.info('server');
  return /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
}

/**
 * Rebuilds the council projections from a generated ledger of `events` events and queries
 * the result, against the raw limits of the same PostgreSQL and Redis. See docs/benchmarks.md.
 */
export async function projectionsBench(options: ProjectionsBenchOptions): Promise<BenchReport> {
  await requireService('PostgreSQL');
  await requireService('Redis');
  const url = databaseUrl();
  const run = randomBytes(4).toString('hex');
  const schema = `bench_projections_${run}`;
  const prefix = `bench-projections-${run}:`;
  const redis = new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const load = [`start ${loadAverage()}`];
  const store = await PostgresEventStore.connect({ url, schema, poolSize: 8 });
  let cleaning: Promise<void> | undefined;
  const cleanup = (): Promise<void> =>
    (cleaning ??= (async () => {
      await store.close();
      await deleteKeys(redis, prefix);
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
      await redis.quit();
    })());
  // A run takes half an hour on a shared machine: if it is stopped, still leave nothing behind.
  const stopping = new AbortController();
  let phase: Promise<unknown> = Promise.resolve();
  const onSignal = (signal: NodeJS.Signals): void => {
    progress(`${signal}: stopping, then dropping ${schema} and the ${prefix}* keys`);
    stopping.abort();
    void phase
      .catch(() => undefined)
      .then(cleanup)
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  try {
    const catalogue = await ledgerCatalogue(store);
    const workload: Workload = { ...options, offers: genericOffers(catalogue) };
    progress(`checking ${options.events} planned events with the domain's decide`);
    const plan = checkPlans(workload, catalogue);
    say('  checked', plan.timing);
    progress(`appending them to schema ${schema}`);
    const generation = await appendPlans(store, workload);
    say('  appended', generation);
    const vacuum = await timed(async () => {
      await admin.query(`VACUUM ANALYZE "${schema}".events`);
      await admin.query('CHECKPOINT');
      return 1;
    });
    const head = await store.headPosition();
    load.push(`after generation ${loadAverage()}`);

    progress('raw limits');
    const rawRead = await rawPgRead(url, schema);
    say('  (a) raw pg read', rawRead);
    const rawWrite = await rawRedisWrite(redis, `${prefix}raw:`, options.events);
    say('  (b) raw Redis HSET', rawWrite);
    await deleteKeys(redis, `${prefix}raw:`);
    const subscription = await subscribeOnly(store, head);
    say('  context: subscribeToAll alone', subscription);
    load.push(`after raw limits ${loadAverage()}`);

    const setup = {
      url,
      schema,
      redisUrl: redisUrl(),
      events: generation.count,
      // Only the six-projection rebuild has a budget: the query needs the others complete.
      budgetSeconds: Number.POSITIVE_INFINITY,
      signal: stopping.signal,
    };
    progress('context: the runner machinery alone (no-op projections)');
    const noop = await (phase = rebuild({
      ...setup,
      prefix: `${prefix}noop-1:`,
      projections: [noopProjection('noop-1')],
    }));
    sayRebuild('  1 no-op', noop);
    const noops = await (phase = rebuild({
      ...setup,
      prefix: `${prefix}noop-6:`,
      projections: [1, 2, 3, 4, 5, 6].map((n) => noopProjection(`noop-${n}`)),
    }));
    sayRebuild('  6 no-op', noops);
    await deleteKeys(redis, `${prefix}noop-`);
    // One after the other into one prefix, as `ledger projections rebuild` does: the query reads these.
    progress('rebuild: take-up alone');
    const single = await (phase = rebuild({
      ...setup,
      prefix: `${prefix}serial:`,
      projections: [takeUpProjection(catalogue)],
    }));
    sayRebuild('  take-up', single);
    load.push(`after the take-up rebuild ${loadAverage()}`);
    progress('rebuild: council-summary alone (the query needs it too)');
    const summary = await (phase = rebuild({
      ...setup,
      prefix: `${prefix}serial:`,
      projections: [councilSummaryProjection],
    }));
    sayRebuild('  council-summary', summary);
    progress(`rebuild: all six concurrently (budget ${options.budgetSeconds} s)`);
    const six = await (phase = rebuild({
      ...setup,
      budgetSeconds: options.budgetSeconds,
      prefix: `${prefix}six:`,
      projections: COUNCIL_PROJECTIONS(catalogue),
    }));
    sayRebuild('  all six', six);
    load.push(`after the six-projection rebuild ${loadAverage()}`);
    await deleteKeys(redis, `${prefix}six:`);

    progress(`take-up query: cold, then ${options.queries} warm`);
    const query = await measureQueries({
      url,
      schema,
      redisUrl: redisUrl(),
      prefix: `${prefix}serial:`,
      count: options.queries,
    });
    progress(
      `  cold ${query.coldMs.toFixed(1)} ms; warm p50 ${query.warm.p50.toFixed(2)} ms, ` +
        `p99 ${query.warm.p99.toFixed(2)} ms, max ${query.warm.max.toFixed(2)} ms; load ${loadAverage()}`,
    );
    load.push(`after the queries ${loadAverage()}`);
    return projectionsMarkdown({
      events: generation.count,
      councils: options.councils,
      postgres: await postgresVersion(url),
      redis: await redisVersion(redis),
      load,
      plan,
      generation,
      vacuumSeconds: vacuum.seconds,
      rawRead,
      rawWrite,
      subscription,
      noop,
      noops,
      single,
      summary,
      six,
      query,
    });
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    await cleanup();
  }
}

/** main.ts's registration: the summary for usage, and the run with its flags. */
export const projectionsBenchEntry = {
  summary:
    'rebuild of the six council projections PostgreSQL → Redis vs raw limits, and take-up ' +
    'query latency [--events 1000000] [--councils 400] [--queries 1000] [--rebuild-budget-s 600]',
  run: (args: { readonly flags: ReadonlyMap<string, string> }): Promise<BenchReport> =>
    projectionsBench({
      events: positiveFlag(args.flags, 'events', 1_000_000),
      councils: positiveFlag(args.flags, 'councils', 400),
      queries: positiveFlag(args.flags, 'queries', 1_000),
      budgetSeconds: positiveFlag(args.flags, 'rebuild-budget-s', 600),
    }),
};
