/**
 * Child process of the commands bench: a fresh process with an empty council
 * cache, so its first command on a council pays the full load of the stream.
 * Reports each phase to the parent as soon as it is known, so a phase that
 * outlives the parent's time budget still leaves the earlier figures.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { PostgresEventStore } from '#event-store';
import { percentile } from '../support/stats.js';
import { busDriver, openLedgerContext } from './drivers.js';
import { workItem } from './fixtures.js';

export interface ProbeInput {
  readonly url: string;
  readonly schema: string;
  /** A small council written first, so the process is warm (JIT, pool, Nest) before the target. */
  readonly warmGss: string;
  readonly targetGss: string;
  readonly steadyCommands: number;
  readonly tag: string;
}

export type ProbeMessage =
  | { readonly phase: 'warm' }
  | { readonly phase: 'cold'; readonly ms: number }
  | {
      readonly phase: 'steady';
      readonly p50: number;
      readonly p99: number;
      readonly count: number;
    };

const WARM_COMMANDS = 50;

function send(message: ProbeMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.send === undefined) {
      reject(new Error('long-stream-probe runs as a forked child of the commands bench'));
      return;
    }
    process.send(message, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}

async function probe(input: ProbeInput): Promise<void> {
  const store = await PostgresEventStore.connect({
    url: input.url,
    schema: input.schema,
    poolSize: 2,
  });
  const context = await openLedgerContext(store);
  try {
    const drive = busDriver(context);
    for (let n = 0; n < WARM_COMMANDS; n++)
      await drive(workItem(input.warmGss, `${input.tag}-warm-${n}`, n));
    await send({ phase: 'warm' });
    const started = performance.now();
    await drive(workItem(input.targetGss, `${input.tag}-cold`, 0));
    await send({ phase: 'cold', ms: performance.now() - started });
    const latencies: number[] = [];
    for (let n = 1; n <= input.steadyCommands; n++) {
      const sent = performance.now();
      await drive(workItem(input.targetGss, `${input.tag}-steady-${n}`, n));
      latencies.push(performance.now() - sent);
    }
    latencies.sort((a, b) => a - b);
    await send({
      phase: 'steady',
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      count: latencies.length,
    });
  } finally {
    await context.close();
    await store.close();
  }
}

probe(JSON.parse(process.argv[2] ?? '{}') as ProbeInput).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `probe failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
