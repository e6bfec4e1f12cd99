import { machineLines } from '../support/machine.js';
import { type BenchReport, table, verdict } from '../support/report.js';
import { formatCount, formatMs, formatRatio, perSecond, type Timing } from '../support/stats.js';
import type { PlanCheck } from './generate.js';
import type { LatencyFigures, QueryFigures } from './query.js';
import { RAW_PIPELINE, RAW_READ_BATCH } from './raw-limits.js';
import type { RebuildFigures } from './rebuild.js';

export const MIN_EVENTS_PER_SECOND = 100_000;
export const MIN_SHARE_OF_RAW = 0.5;
export const MAX_P99_MS = 10;

export interface ProjectionsFigures {
  readonly events: number;
  readonly councils: number;
  readonly postgres: string;
  readonly redis: string;
  readonly load: readonly string[];
  readonly plan: PlanCheck;
  readonly generation: Timing;
  readonly vacuumSeconds: number;
  readonly rawRead: Timing;
  readonly rawWrite: Timing;
  readonly subscription: Timing;
  readonly noop: RebuildFigures;
  readonly noops: RebuildFigures;
  readonly single: RebuildFigures;
  readonly summary: RebuildFigures;
  readonly six: RebuildFigures;
  readonly query: QueryFigures;
}

/** Events folded per second, over all projections: every projection folds every event in the store. */
export const foldedPerSecond = (r: RebuildFigures): number =>
  [...r.folded.values()].reduce((sum, n) => sum + n, 0) / r.seconds;
const storePerSecond = (r: RebuildFigures): number => foldedPerSecond(r) / r.projections.length;
const unfinished = (r: RebuildFigures): string =>
  `did not finish: stopped at the ${r.seconds.toFixed(0)} s budget with ` +
  `${formatCount(Math.min(...r.folded.values()))}–${formatCount(Math.max(...r.folded.values()))} ` +
  `of ${formatCount(r.events)} events folded per projection`;
const rate = (value: number): string => formatCount(value);
const latency = (what: string, l: LatencyFigures): string[] => [
  what,
  formatCount(l.count),
  formatMs(l.p50),
  formatMs(l.p99),
  formatMs(l.max),
];

function rebuildRow(label: string, r: RebuildFigures, slowerRaw: number): string[] {
  const folded = foldedPerSecond(r);
  const bound = r.completed ? '' : '≤ ';
  return [
    label,
    r.completed ? r.seconds.toFixed(1) : `${r.seconds.toFixed(0)} (${unfinished(r)})`,
    `${bound}${rate(storePerSecond(r))}`,
    `${bound}${rate(folded)}`,
    `${bound}${formatRatio(folded / slowerRaw)}`,
    formatCount(r.rssDuringMb),
    r.gcPauseSeconds.toFixed(1),
    `${r.deadLetters} / ${r.errors.length}`,
  ];
}

export function targetsOf(f: ProjectionsFigures, expectedEngagements: number) {
  const slowerRaw = Math.min(perSecond(f.rawRead), perSecond(f.rawWrite));
  const single = foldedPerSecond(f.single);
  const six = foldedPerSecond(f.six);
  const clean = (r: RebuildFigures) => r.deadLetters === 0 && r.errors.length === 0;
  return [
    {
      name: `take-up rebuild ≥ ${rate(MIN_EVENTS_PER_SECOND)} events/s (its events/s: store events ÷ wall time)`,
      ok: f.single.completed && single >= MIN_EVENTS_PER_SECOND,
      detail: f.single.completed
        ? `${rate(single)} events/s`
        : `≤ ${rate(single)} events/s, ${unfinished(f.single)}`,
    },
    {
      name: `take-up rebuild ≥ ${MIN_SHARE_OF_RAW * 100}% of the slower raw limit`,
      ok: f.single.completed && single >= MIN_SHARE_OF_RAW * slowerRaw,
      detail: `${f.single.completed ? '' : '≤ '}${formatRatio(single / slowerRaw)} of ${rate(slowerRaw)}/s`,
    },
    {
      name: `six-projection rebuild ≥ ${rate(MIN_EVENTS_PER_SECOND)} events/s (total folded: 6 × store events ÷ wall time)`,
      ok: f.six.completed && six >= MIN_EVENTS_PER_SECOND,
      detail: f.six.completed
        ? `${rate(six)} events/s (${rate(storePerSecond(f.six))} store events/s)`
        : `≤ ${rate(six)} events/s, ${unfinished(f.six)}`,
    },
    {
      name: `six-projection rebuild (total folded) ≥ ${MIN_SHARE_OF_RAW * 100}% of the slower raw limit`,
      ok: f.six.completed && six >= MIN_SHARE_OF_RAW * slowerRaw,
      detail: `${f.six.completed ? '' : '≤ '}${formatRatio(six / slowerRaw)} of ${rate(slowerRaw)}/s`,
    },
    {
      name: `take-up query p99 < ${MAX_P99_MS} ms (warm, as the API answers it)`,
      ok: f.query.warm.p99 < MAX_P99_MS,
      detail: `p99 ${formatMs(f.query.warm.p99)} ms`,
    },
    {
      name: 'check: no dead letters or runner errors; the answer counts every generated 2019/20 engagement',
      ok:
        clean(f.single) &&
        clean(f.summary) &&
        clean(f.six) &&
        f.query.totalEngagements === expectedEngagements,
      detail: `${formatCount(f.query.totalEngagements)} of ${formatCount(expectedEngagements)}`,
    },
  ];
}

export function projectionsMarkdown(f: ProjectionsFigures): BenchReport {
  const expected = f.plan.takeUpByYear.get(2019) ?? 0;
  const targets = targetsOf(f, expected);
  const slowerRaw = Math.min(perSecond(f.rawRead), perSecond(f.rawWrite));
  const mix = [...f.plan.types.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([type, count]) => `${type} ${formatCount(count)}`)
    .join(', ');
  const finished = f.six.completed
    ? `when each checkpoint reached the head: ${[...f.six.finished.entries()]
        .sort((a, b) => a[1] - b[1])
        .map(([name, s]) => `${name} ${s.toFixed(1)} s`)
        .join(', ')}`
    : `events folded per projection when the budget ran out: ${[...f.six.folded.entries()]
        .map(([name, n]) => `${name} ${formatCount(n)}`)
        .join(', ')}`;
  const markdown = [
    '## projections',
    '',
    'Command: `npm run bench -- projections`',
    '',
    ...machineLines([
      `PostgreSQL: ${f.postgres} (127.0.0.1, fresh schema, dropped afterwards)`,
      `Redis: ${f.redis} (127.0.0.1, fresh random key prefix, deleted afterwards)`,
      `Load average (1/5/15 min): ${f.load.join('; ')}`,
      `Peak RSS of the bench process (high-water mark): ${formatCount(f.single.peakRssMb)} MiB after the take-up rebuild, ` +
        `${formatCount(f.six.peakRssMb)} MiB after the six-projection rebuild`,
    ]),
    '',
    `### Workload (generation is not part of the figures)`,
    '',
    `${formatCount(f.events)} events over ${formatCount(f.councils)} council streams, dated 2019-04-01 … 2021-03-31, ` +
      `in stream order. Every event was first re-decided from its command by the domain's \`decide\` on the ` +
      `folded council state and came out identical (${formatCount(f.plan.timing.count)} checked in ` +
      `${f.plan.timing.seconds.toFixed(1)} s). Mix: ${mix}. Appended with \`PostgresEventStore.append\`, ` +
      `1,000 events per append, in rounds (events 0–999 of every council, then 1,000–1,999, …; 4 writers): ` +
      `${f.generation.seconds.toFixed(1)} s (${rate(perSecond(f.generation))} events/s), then VACUUM ANALYZE and ` +
      `CHECKPOINT ${f.vacuumSeconds.toFixed(1)} s. Metadata: { schemaVersion: 1, recordedAt, recordedBy }.`,
    '',
    '### Raw limits (same run, same rows)',
    '',
    table(
      ['Limit', 'Per second', 'Time (s)'],
      [
        [
          `(a) plain \`pg\` SELECT … WHERE position > $1 ORDER BY position LIMIT ${formatCount(RAW_READ_BATCH)}, one connection (rows)`,
          rate(perSecond(f.rawRead)),
          f.rawRead.seconds.toFixed(1),
        ],
        [
          `(b) Redis HSET of 200-byte values, pipelines of ${formatCount(RAW_PIPELINE)}, one connection (keys)`,
          rate(perSecond(f.rawWrite)),
          f.rawWrite.seconds.toFixed(1),
        ],
        [
          'context: one `subscribeToAll` with nothing folded (events)',
          rate(perSecond(f.subscription)),
          f.subscription.seconds.toFixed(1),
        ],
      ],
    ),
    '',
    `The slower raw limit is ${rate(slowerRaw)}/s; 50% of it is ${rate(slowerRaw / 2)}/s.`,
    '',
    '### Rebuild from PostgreSQL into Redis',
    '',
    'One `ProjectionSupervisor` (as the projector runs them: one `ProjectionRunner` per projection, each ' +
      'catching up on pages the runners share, then on its own subscription, default batching, first build promoted when caught up) over one ' +
      '`PostgresEventStore` (default pool) and one `RedisReadModelStore`. Wall time runs from `start()` ' +
      'until every runner’s checkpoint, watched on a separate connection every 20 ms, is at the head. ' +
      '"Folded events/s" counts each event once per projection: for one projection it is the store’s ' +
      'events/s, for six it is the total the target compares. A rebuild still short of the head after ' +
      `${f.six.completed ? 'the budget' : `${f.six.seconds.toFixed(0)} s`} is stopped; its rates count the events ` +
      'at or below each checkpoint (an upper bound for the whole rebuild: its cost per event grows with ' +
      'the documents). Take-up and council-summary were rebuilt one after the other into one prefix, as ' +
      '`ledger projections rebuild` does; the query below reads those.',
    '',
    table(
      [
        'Rebuild',
        'Wall (s)',
        'Store events/s',
        'Folded events/s',
        'Folded / slower raw',
        'Peak RSS during (MiB)',
        'GC pauses (s)',
        'Dead letters / errors',
      ],
      [
        rebuildRow('take-up alone', f.single, slowerRaw),
        rebuildRow('council-summary alone', f.summary, slowerRaw),
        rebuildRow('all six, concurrently', f.six, slowerRaw),
        rebuildRow('context: 1 no-op projection (the machinery alone)', f.noop, slowerRaw),
        rebuildRow('context: 6 no-op projections, concurrently', f.noops, slowerRaw),
      ],
    ),
    '',
    `Six-projection rebuild, ${finished}.`,
    '',
    '### Take-up query (fy 2019/20, groupBy region, control)',
    '',
    `\`CouncilQueries.takeUp\` from LedgerModule in a Nest application context over those read models: ` +
      `ReadModels replicas of council-summary and take-up (${formatCount(f.query.replicaDocs)} documents) ` +
      `refreshed with \`changesSince\`, the freshness check (head position), then the \`takeUp\` view ` +
      `(${f.query.rows} rows). First (cold) query, loading both replicas: **${formatMs(f.query.coldMs)} ms**.`,
    '',
    table(
      ['Measured', 'Runs', 'p50 (ms)', 'p99 (ms)', 'max (ms)'],
      [
        latency('`CouncilQueries.takeUp` (after one warm-up)', f.query.warm),
        latency('part: both replicas refreshed (nothing changed)', f.query.refresh),
        latency('part: the pure `takeUp` view on the documents in hand', f.query.view),
      ],
    ),
    '',
    '### Targets',
    '',
    table(
      ['Target', 'Figure', 'Result'],
      targets.map((t) => [t.name, t.detail, verdict(t.ok)]),
    ),
  ].join('\n');
  return { markdown, targets };
}
