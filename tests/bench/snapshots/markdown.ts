import { machineLines } from '../support/machine.js';
import { type BenchReport, table } from '../support/report.js';
import { formatCount, formatMs, formatRatio, perSecond, type Timing } from '../support/stats.js';
import { type MeasureResult, RAW_READ_BATCH, type Repetition } from './measure.js';

export interface SnapshotsFigures {
  readonly events: number;
  readonly councils: number;
  readonly postgres: string;
  readonly load: readonly string[];
  readonly generation: Timing;
  readonly measure: MeasureResult;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const max = (values: readonly number[]): number => Math.max(...values);
const seconds = (ms: number): string => formatMs(ms / 1000);

export function snapshotsMarkdown(f: SnapshotsFigures): BenchReport {
  const reps = f.measure.repetitions;
  const of = (pick: (r: Repetition) => number): number[] => reps.map(pick);
  const raw = of((r) => r.rawReadMs);
  const create = of((r) => r.createMs);
  const verify = of((r) => r.verifyMs);
  const rawMedian = median(raw);
  const row = (what: string, values: number[], rss: string): string[] => [
    what,
    seconds(median(values)),
    seconds(max(values)),
    formatCount(f.events / (median(values) / 1000)),
    formatRatio(median(values) / rawMedian),
    rss,
  ];
  const rows = [
    row(
      `raw \`pg\` read of every row, ${formatCount(RAW_READ_BATCH)}-row batches (the floor)`,
      raw,
      '—',
    ),
    row(
      'create: `CreateSnapshot.execute` quarterly-report fy 2019 Q2 at the head',
      create,
      formatCount(max(of((r) => r.createRssMb))),
    ),
    row(
      'verify: `VerifySnapshot.execute` of it',
      verify,
      formatCount(max(of((r) => r.verifyRssMb))),
    ),
  ];
  const positions = [...new Set(reps.map((r) => r.position))].join(', ');
  const markdown = [
    '## Snapshots: create and verify a quarterly report at the head',
    '',
    `\`npm run bench -- snapshots\`: ${formatCount(f.events)} valid council events ` +
      `(${formatCount(f.councils)} councils) from the projections bench's generator ` +
      `(tests/bench/projections/generate.ts) in a fresh schema, appended in ` +
      `${formatMs(f.generation.seconds)} s (${formatCount(perSecond(f.generation))}/s). ` +
      'A child process then opens a Nest application context with ' +
      '`LedgerModule.forRoot` (tests/support testConfig, `runProjector: false`, the ' +
      "bench's PostgreSQL event store) and, " +
      `${reps.length} times, interleaved: reads every row with plain \`pg\`, creates the ` +
      'snapshot with `CreateSnapshot` (AsOfLedger folds the council events up to the ' +
      'head with the council projections, builds the report, canonical JSON, SHA-256, ' +
      'appends SnapshotCreated) and verifies it with `VerifySnapshot` (folds again to the ' +
      'stored position, compares hashes; every verification matched). The schema is ' +
      'dropped afterwards.',
    '',
    table(
      [
        'Operation',
        `Median s (of ${reps.length})`,
        'Max s',
        'Events/s (median)',
        '÷ raw read (median)',
        'Peak RSS MiB (sampled)',
      ],
      rows,
    ),
    '',
    `- Events per council stream: ${formatCount(f.events / f.councils)}. A create or verify ` +
      'reads every event up to the position and folds it through the six council projections ' +
      'in one thread; the fold costs the same per event however long a stream is (persistent ' +
      'id maps in the documents), so the time is linear in the events.',
    `- Snapshot position(s): ${positions}; rows read raw: ${formatCount(reps[0]?.rawRows ?? 0)}.`,
    `- Peak RSS of the measuring process (kernel high-water mark, create and verify, Nest ` +
      `and pg included): ${formatCount(f.measure.peakRssMb)} MiB; ` +
      `${formatCount(f.measure.baselineRssMb)} MiB once the context was up. The per-` +
      'operation column samples RSS every 20 ms.',
    `- Per repetition (raw / create / verify, s): ` +
      reps
        .map((r) => `${seconds(r.rawReadMs)} / ${seconds(r.createMs)} / ${seconds(r.verifyMs)}`)
        .join('; ') +
      '.',
    '',
    '### Machine',
    '',
    ...machineLines([
      `PostgreSQL: ${f.postgres}`,
      `Load average (1 / 5 / 15 min): ${f.load.join('; ')}`,
    ]),
  ].join('\n');
  return { markdown, targets: [] };
}
