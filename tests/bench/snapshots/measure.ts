import 'reflect-metadata';
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { PostgresEventStore } from '#event-store';
import { MemoryReadModelStore } from '#projections';
import { type Actor, CreateSnapshot, LedgerModule, VerifySnapshot } from '#ledger';
import { testConfig } from '../../support/test-app.js';

/**
 * Runs in a child process of the snapshots bench, over a schema it generated, so that the
 * kernel's peak RSS of this process is that of the snapshot work alone (not of generation).
 * argv: url schema repetitions. Prints one JSON line of MeasureResult on stdout.
 */

export const RAW_READ_BATCH = 10_000;
export const SNAPSHOT_REQUEST = {
  kind: 'quarterly-report',
  params: { fy: 2019, quarter: 2 },
} as const;

export interface Repetition {
  readonly rawReadMs: number;
  readonly rawRows: number;
  readonly createMs: number;
  readonly verifyMs: number;
  /** Sampled every 20 ms while each operation ran. */
  readonly createRssMb: number;
  readonly verifyRssMb: number;
  readonly position: string;
  readonly sha256: string;
  readonly matches: boolean;
}

export interface MeasureResult {
  readonly repetitions: readonly Repetition[];
  /** This process's kernel high-water mark after every repetition (includes Nest and pg). */
  readonly peakRssMb: number;
  /** RSS once the application context was up, before any snapshot. */
  readonly baselineRssMb: number;
}

const ACTOR: Actor = { subject: 'bench-snapshots', role: 'board', patch: [] };
const mb = (bytes: number): number => bytes / 2 ** 20;

/** The floor: the same rows with plain `pg`, by keyset in batches of 10,000, one connection. */
async function rawRead(url: string, schema: string): Promise<{ ms: number; rows: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const text = `SELECT position, id::text AS id, stream_name, revision, type, data, metadata, committed_at
                  FROM "${schema}".events WHERE position > $1 ORDER BY position LIMIT $2`;
  try {
    const started = performance.now();
    let after = '0';
    let rows = 0;
    for (;;) {
      const result = await client.query<{ position: string }>({
        name: 'snapshots_raw_read',
        text,
        values: [after, RAW_READ_BATCH],
      });
      const last = result.rows.at(-1);
      if (last === undefined) break;
      rows += result.rows.length;
      after = last.position;
    }
    return { ms: performance.now() - started, rows };
  } finally {
    await client.end();
  }
}

async function sampled<T>(
  work: () => Promise<T>,
): Promise<{ value: T; ms: number; rssMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  const started = performance.now();
  try {
    const value = await work();
    const ms = performance.now() - started;
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, ms, rssMb: mb(peak) };
  } finally {
    clearInterval(timer);
  }
}

async function measure(url: string, schema: string, repetitions: number): Promise<MeasureResult> {
  const eventStore = await PostgresEventStore.connect({ url, schema, poolSize: 4 });
  const config = testConfig({ runProjector: false });
  const app = await NestFactory.createApplicationContext(
    LedgerModule.forRoot({ config, eventStore, readModelStore: new MemoryReadModelStore() }),
    { logger: ['error', 'warn'] },
  );
  try {
    const create = app.get(CreateSnapshot);
    const verify = app.get(VerifySnapshot);
    const baselineRssMb = mb(process.memoryUsage.rss());
    const results: Repetition[] = [];
    for (let index = 0; index < repetitions; index += 1) {
      // Interleaved, so that load drifting over the run weighs on the floor and the fold alike.
      const raw = await rawRead(url, schema);
      const created = await sampled(() => create.execute({ ...SNAPSHOT_REQUEST }, ACTOR));
      const snapshot = created.value.snapshot;
      const verified = await sampled(() => verify.execute(snapshot.id));
      if (!verified.value.matches)
        throw new Error(
          `snapshot ${snapshot.id} did not verify: ${JSON.stringify(verified.value)}`,
        );
      results.push({
        rawReadMs: raw.ms,
        rawRows: raw.rows,
        createMs: created.ms,
        verifyMs: verified.ms,
        createRssMb: created.rssMb,
        verifyRssMb: verified.rssMb,
        position: snapshot.position,
        sha256: snapshot.sha256,
        matches: verified.value.matches,
      });
      process.stderr.write(
        `[bench snapshots] rep ${index + 1}/${repetitions}: raw ${raw.ms.toFixed(0)} ms ` +
          `(${raw.rows} rows), create ${created.ms.toFixed(0)} ms, verify ${verified.ms.toFixed(0)} ms, ` +
          `rss ${created.rssMb.toFixed(0)}/${verified.rssMb.toFixed(0)} MiB\n`,
      );
    }
    return {
      repetitions: results,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      baselineRssMb,
    };
  } finally {
    await app.close();
    await eventStore.close();
    rmSync(config.dataDir, { recursive: true, force: true });
  }
}

const [url, schema, reps] = process.argv.slice(2);
if (import.meta.url === `file://${process.argv[1]}` && url && schema) {
  measure(url, schema, Number(reps ?? '3')).then(
    (result) => {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(
        `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
