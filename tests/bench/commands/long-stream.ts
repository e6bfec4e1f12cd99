import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventStore } from '#event-store';
import { councilStreamName } from '#domain';
import { progress, timed } from '../support/stats.js';
import type { LedgerContext } from './drivers.js';
import { ADMIN, deliveryEvents, registerCommand } from './fixtures.js';
import type { ProbeInput, ProbeMessage } from './long-stream-probe.js';

const BULK_BATCH = 1_000;
const PROBE = fileURLToPath(new URL('./long-stream-probe.js', import.meta.url));

/** Registers the council through the bus, then appends `size - 1` deliveries straight to its stream. */
export async function buildStream(
  store: EventStore,
  context: LedgerContext,
  gss: string,
  index: number,
  size: number,
): Promise<number> {
  const timing = await timed(async () => {
    await context.execute(registerCommand(gss, index), ADMIN);
    const stream = councilStreamName(gss);
    let revision = 0n;
    for (let from = 0; from < size - 1; from += BULK_BATCH) {
      const count = Math.min(BULK_BATCH, size - 1 - from);
      revision = (await store.append(stream, deliveryEvents(gss, from, count), revision))
        .nextExpectedRevision;
    }
    return size;
  });
  return timing.seconds;
}

/** One read of the whole stream: the store's share of a cold load, without the fold. */
export async function readWholeStream(store: EventStore, gss: string): Promise<number> {
  const timing = await timed(async () => (await store.readStream(councilStreamName(gss))).length);
  return timing.seconds;
}

export interface ProbeOutcome {
  readonly coldMs?: number;
  readonly steady?: { readonly p50: number; readonly p99: number; readonly count: number };
  /** Why the probe stopped early, if it did. */
  readonly stopped?: string;
}

/**
 * Runs the probe in a fresh child process and waits at most `budgetSeconds`;
 * past that the child (ours, by its handle) is killed and what it reported so far is kept.
 */
export function runProbe(input: ProbeInput, budgetSeconds: number): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    let outcome: { -readonly [K in keyof ProbeOutcome]: ProbeOutcome[K] } = {};
    // The child's temporary files go under a directory of ours, removed even if the child is killed.
    const scratch = mkdtempSync(join(tmpdir(), 'bench-probe-'));
    const child = fork(PROBE, [JSON.stringify(input)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, TMPDIR: scratch },
    });
    const timer = setTimeout(() => {
      outcome = { ...outcome, stopped: `killed after the ${budgetSeconds} s budget` };
      child.kill('SIGKILL');
    }, budgetSeconds * 1000);
    child.on('message', (message: ProbeMessage) => {
      if (message.phase === 'cold') {
        outcome = { ...outcome, coldMs: message.ms };
        progress(`  first command: ${message.ms.toFixed(1)} ms`);
      }
      if (message.phase === 'steady') {
        const { p50, p99, count } = message;
        outcome = { ...outcome, steady: { p50, p99, count } };
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      rmSync(scratch, { recursive: true, force: true });
      if (code !== 0 && outcome.stopped === undefined)
        outcome = { ...outcome, stopped: `probe exited with ${code}` };
      resolve(outcome);
    });
  });
}
