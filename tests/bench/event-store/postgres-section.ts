import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PostgresEventStore } from '#event-store';
import { loadAverage } from '../support/machine.js';
import { perSecond, progress, peakRssMb, type Timing } from '../support/stats.js';
import { readEverything, storeAppender } from './ours.js';
import { openPeer } from './peer.js';
import { type RawQuery, rawAppender, rawReadEverything, rawTableSql } from './raw-sql.js';
import {
  alternateReads,
  type AppendPlan,
  appendPlans,
  type Contender,
  interleaved,
  of,
} from './workload.js';

export const READ_BATCH = 1_000;
/** One connection per concurrent writer for every contender, so none queues on its pool. */
const POOL_SIZE = 16;
/** Slices per scenario and contender, see `interleaved`. */
export const ROUNDS = 10;

export interface AppendFigures {
  readonly plan: AppendPlan;
  readonly ours: Timing;
  readonly raw: Timing;
  readonly peer: Timing;
}

export interface PostgresFigures {
  readonly appends: readonly AppendFigures[];
  readonly readAll: { readonly ours: Timing; readonly raw: Timing };
  readonly peakRssMb: number;
  readonly load: readonly string[];
}

function poolQuery(pool: pg.Pool): RawQuery {
  return async (name, text, params) =>
    (await pool.query<Record<string, unknown>>({ name, text, values: [...params] })).rows;
}

/** Flushes dirty pages before each measurement, so no run pays for the previous run's checkpoint. */
async function settle(admin: pg.Client): Promise<void> {
  await admin.query('CHECKPOINT').catch(() => undefined);
}

function report(what: string, timing: Timing): void {
  progress(
    `${what}: ${Math.round(perSecond(timing))} events/s (${timing.count} in ${timing.seconds.toFixed(1)} s), ` +
      `load ${loadAverage()}`,
  );
}

/**
 * Our store, raw `pg` and emmett, one scenario at a time and back to back, in
 * three fresh schemas of the same database, all dropped afterwards.
 */
export async function runPostgres(url: string, events: number): Promise<PostgresFigures> {
  const run = randomBytes(4).toString('hex');
  const schemas = {
    ours: `bench_ours_${run}`,
    raw: `bench_raw_${run}`,
    peer: `bench_emmett_${run}`,
  };
  const rawTable = `"${schemas.raw}".events`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schemas.raw}"; ${rawTableSql(rawTable)}`);
  const rawPool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  const store = await PostgresEventStore.connect({
    url,
    schema: schemas.ours,
    poolSize: POOL_SIZE,
  });
  const peer = await openPeer(url, schemas.peer, POOL_SIZE);
  const load = [`start ${loadAverage()}`];
  try {
    const appends: AppendFigures[] = [];
    const contenders: Contender[] = [
      { name: 'ours', appender: storeAppender(store) },
      { name: 'raw', appender: rawAppender(poolQuery(rawPool), rawTable) },
      { name: 'peer', appender: peer.appender },
    ];
    for (const [index, plan] of appendPlans(events).entries()) {
      progress(`PostgreSQL: ${plan.label}`);
      const totals = await interleaved(plan, `${index}`, contenders, ROUNDS, () => settle(admin));
      const figures = {
        plan,
        ours: of(totals, 'ours'),
        raw: of(totals, 'raw'),
        peer: of(totals, 'peer'),
      };
      report('  ours', figures.ours);
      report('  raw pg', figures.raw);
      report('  emmett', figures.peer);
      appends.push(figures);
      load.push(`after ${plan.label}: ${loadAverage()}`);
    }
    progress('PostgreSQL: read all');
    // Both tables were just written: vacuum sets hint bits and the visibility
    // map on each, so neither reader pays for them and autovacuum stays out of the way.
    await admin.query(`VACUUM ANALYZE "${schemas.ours}".events`);
    await admin.query(`VACUUM ANALYZE ${rawTable}`);
    const reads = await alternateReads(
      () => readEverything(store, READ_BATCH),
      () => rawReadEverything(poolQuery(rawPool), rawTable, READ_BATCH),
      () => settle(admin),
    );
    report('  ours', reads.ours);
    report('  raw pg', reads.raw);
    load.push(`after read all: ${loadAverage()}`);
    return { appends, readAll: reads, peakRssMb: peakRssMb(), load };
  } finally {
    await store.close();
    await peer.close();
    await rawPool.end();
    for (const schema of Object.values(schemas)) {
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    }
    await admin.end();
  }
}
