import type { EventStore } from '#event-store';
import { type BenchReport, table, verdict } from '../support/report.js';
import { formatCount, formatMs, formatRatio, progress } from '../support/stats.js';
import type { LedgerContext } from './drivers.js';
import { ADMIN, benchGss, registerCommand } from './fixtures.js';
import { buildStream, type ProbeOutcome, readWholeStream, runProbe } from './long-stream.js';

export interface StreamSizesOptions {
  readonly url: string;
  readonly schema: string;
  readonly longStream: number;
  readonly budgetSeconds: number;
  /** First council index free for this part (the load councils use the ones before). */
  readonly firstIndex: number;
}

const STEADY_COMMANDS = 200;
/** Within this factor of a fresh council, steady state, is the target. */
const TARGET_FACTOR = 2;

interface SizeFigures {
  readonly size: number;
  readonly buildSeconds: number;
  readonly readSeconds: number;
  readonly outcome: ProbeOutcome;
}

/** A fresh council, the long stream, and sizes between, to show how the cost grows. */
const sizesFor = (longStream: number): number[] =>
  [...new Set([1, 1_000, 3_000, 10_000, longStream])]
    .filter((size) => size <= longStream)
    .sort((a, b) => a - b);

export async function measureStreams(
  store: EventStore,
  context: LedgerContext,
  options: StreamSizesOptions,
): Promise<Pick<BenchReport, 'markdown' | 'targets'>> {
  const warmGss = benchGss(options.firstIndex);
  await context.execute(registerCommand(warmGss, options.firstIndex), ADMIN);
  const figures: SizeFigures[] = [];
  for (const [offset, size] of sizesFor(options.longStream).entries()) {
    const index = options.firstIndex + 1 + offset;
    const gss = benchGss(index);
    progress(`stream of ${size} events: building`);
    const buildSeconds = await buildStream(store, context, gss, index, size);
    const readSeconds = await readWholeStream(store, gss);
    progress(
      `  built in ${buildSeconds.toFixed(1)} s, read back in ${readSeconds.toFixed(2)} s; probing`,
    );
    const outcome = await runProbe(
      {
        url: options.url,
        schema: options.schema,
        warmGss,
        targetGss: gss,
        steadyCommands: STEADY_COMMANDS,
        tag: `p${size}`,
      },
      options.budgetSeconds,
    );
    progress(`  ${JSON.stringify(outcome)}`);
    figures.push({ size, buildSeconds, readSeconds, outcome });
  }
  const fresh = figures[0]?.outcome.steady?.p50;
  const ratioOf = (figure: SizeFigures): number =>
    figure.outcome.steady === undefined || fresh === undefined
      ? Number.NaN
      : figure.outcome.steady.p50 / fresh;
  const rows = figures.map((figure) => [
    figure.size === 1 ? '1 (fresh council)' : formatCount(figure.size),
    figure.buildSeconds.toFixed(1),
    figure.readSeconds.toFixed(2),
    figure.outcome.coldMs === undefined
      ? `did not finish (${figure.outcome.stopped ?? 'no report'})`
      : formatMs(figure.outcome.coldMs),
    figure.outcome.steady === undefined ? '—' : formatMs(figure.outcome.steady.p50),
    figure.outcome.steady === undefined ? '—' : formatMs(figure.outcome.steady.p99),
    formatRatio(ratioOf(figure)),
  ]);
  const long = figures.at(-1);
  const longRatio = long === undefined ? Number.NaN : ratioOf(long);
  const ok = Number.isFinite(longRatio) && longRatio <= TARGET_FACTOR;
  const detail = Number.isFinite(longRatio)
    ? `steady p50 ${formatRatio(longRatio)} of a fresh council`
    : `no steady state: the first command ${long?.outcome.stopped ?? 'did not finish'}`;
  const name = `one command on a ${formatCount(options.longStream)}-event stream within ${TARGET_FACTOR}× of a fresh council (steady p50)`;
  const markdown = [
    `### (c) One command on a ${formatCount(options.longStream)}-event stream`,
    '',
    'Each stream is a registered council plus valid OfferDelivered events appended straight to the ' +
      'store in 1,000-event batches. Then a fresh child process (empty council cache, Nest ' +
      'application context, pool of 2) writes 50 commands to another council to warm up, times its ' +
      `first command on the stream (the cold load: read and fold every event), then ${STEADY_COMMANDS} ` +
      `more (steady state: the cache holds the folded state; each command reads the one event written ` +
      `since). A probe is killed after ${options.budgetSeconds} s. "Read back" is one readStream of ` +
      'the whole stream in the parent: the store share of a cold load.',
    '',
    table(
      [
        'Events in stream',
        'Build (s)',
        'Read back (s)',
        'First command, fresh process (ms)',
        'Steady p50 (ms)',
        'Steady p99 (ms)',
        'p50 vs fresh',
      ],
      rows,
    ),
    '',
    '### Targets',
    '',
    table(['Target', 'Figure', 'Result'], [[name, detail, verdict(ok)]]),
  ].join('\n');
  return { markdown, targets: [{ name, ok, detail }] };
}
