import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { PostgresEventStore } from '#event-store';
import { databaseUrl, requireService } from '../support/services.js';
import { appendPlans, genericOffers, type Workload } from './projections/generate.js';
import { ledgerCatalogue } from '../support/ledger-catalogue.js';
import type { MeasureResult } from './snapshots/measure.js';
import { snapshotsMarkdown } from './snapshots/markdown.js';
import { loadAverage, postgresVersion } from './support/machine.js';
import { positiveFlag } from './support/flags.js';
import type { BenchReport } from './support/report.js';
import { perSecond, progress } from './support/stats.js';

export interface SnapshotsBenchOptions {
  readonly events: number;
  readonly councils: number;
  readonly repetitions: number;
}

/** The measuring child: dist/tests/bench/snapshots/measure.js beside this file's build. */
const MEASURE = fileURLToPath(new URL('./snapshots/measure.js', import.meta.url));

function runMeasure(url: string, schema: string, repetitions: number): Promise<MeasureResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [MEASURE, url, schema, String(repetitions)],
      { maxBuffer: 16 * 2 ** 20 },
      (error, stdout) => {
        if (error) reject(error);
        else resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as MeasureResult);
      },
    );
    child.stderr?.pipe(process.stderr);
  });
}

/**
 * Creates and verifies a quarterly-report snapshot (fy 2019, Q2) at the head of a generated
 * ledger of `events` events, through CreateSnapshot and VerifySnapshot as the API calls
 * them, against the floor of reading the same rows with plain `pg`. See docs/benchmarks.md.
 */
export async function snapshotsBench(options: SnapshotsBenchOptions): Promise<BenchReport> {
  await requireService('PostgreSQL');
  const url = databaseUrl();
  const schema = `bench_snapshots_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const load = [`start ${loadAverage()}`];
  try {
    const store = await PostgresEventStore.connect({ url, schema, poolSize: 8 });
    let generation;
    try {
      const catalogue = await ledgerCatalogue(store);
      const workload: Workload = {
        events: options.events,
        councils: options.councils,
        offers: genericOffers(catalogue),
      };
      progress(`appending ${options.events} events to schema ${schema}`);
      generation = await appendPlans(store, workload);
      progress(
        `  appended ${generation.count} in ${generation.seconds.toFixed(1)} s ` +
          `(${Math.round(perSecond(generation))}/s), load ${loadAverage()}`,
      );
    } finally {
      await store.close();
    }
    await admin.query(`VACUUM ANALYZE "${schema}".events`);
    await admin.query('CHECKPOINT');
    load.push(`after generation ${loadAverage()}`);
    progress(`measuring in a child process, ${options.repetitions} repetitions`);
    const measure = await runMeasure(url, schema, options.repetitions);
    load.push(`after the measurements ${loadAverage()}`);
    return snapshotsMarkdown({
      events: generation.count,
      councils: options.councils,
      postgres: await postgresVersion(url),
      load,
      generation,
      measure,
    });
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
}

/** main.ts's registration: the summary for usage, and the run with its flags. */
export const snapshotsBenchEntry = {
  summary:
    'quarterly-report snapshot create and verify at the head vs a raw pg read of the same ' +
    'rows [--events 1000000] [--councils 400] [--repetitions 3]',
  run: (args: { readonly flags: ReadonlyMap<string, string> }): Promise<BenchReport> =>
    snapshotsBench({
      events: positiveFlag(args.flags, 'events', 1_000_000),
      councils: positiveFlag(args.flags, 'councils', 400),
      repetitions: positiveFlag(args.flags, 'repetitions', 3),
    }),
};
