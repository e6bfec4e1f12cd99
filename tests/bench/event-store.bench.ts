import { databaseUrl, requireService } from '../support/services.js';
import { machineLines, postgresVersion } from './support/machine.js';
import { type BenchReport, table, verdict } from './support/report.js';
import { formatCount, formatRatio, perSecond, type Timing } from './support/stats.js';
import { runPglite } from './event-store/pglite-section.js';
import { runPostgres } from './event-store/postgres-section.js';
import { benchEvent, READ_PASSES } from './event-store/workload.js';

export interface EventStoreBenchOptions {
  /** Events per scenario. */
  readonly events: number;
}

const rate = (timing: Timing): string => formatCount(perSecond(timing));
const ratio = (a: Timing, b: Timing): number => perSecond(a) / perSecond(b);
const readLabel = (timing: Timing): string =>
  `read all, batches of 1,000 (${READ_PASSES} passes over ${formatCount(timing.count / READ_PASSES)} events)`;

export async function eventStoreBench(options: EventStoreBenchOptions): Promise<BenchReport> {
  await requireService('PostgreSQL');
  const url = databaseUrl();
  const version = await postgresVersion(url);
  const sample = benchEvent(0);
  const postgres = await runPostgres(url, options.events);
  const pglite = await runPglite(options.events);

  const postgresRows = postgres.appends.map(({ plan, ours, raw, peer }) => [
    plan.label,
    rate(ours),
    rate(raw),
    formatRatio(ratio(ours, raw)),
    rate(peer),
    formatRatio(ratio(ours, peer)),
  ]);
  const { readAll } = postgres;
  postgresRows.push([
    readLabel(readAll.ours),
    rate(readAll.ours),
    rate(readAll.raw),
    formatRatio(ratio(readAll.ours, readAll.raw)),
    '—',
    '—',
  ]);
  const pgliteRows = pglite.appends.map(({ plan, ours, raw }) => [
    plan.label,
    rate(ours),
    rate(raw),
    formatRatio(ratio(ours, raw)),
  ]);
  pgliteRows.push([
    readLabel(pglite.readAll.ours),
    rate(pglite.readAll.ours),
    rate(pglite.readAll.raw),
    formatRatio(ratio(pglite.readAll.ours, pglite.readAll.raw)),
  ]);

  const sixteen = postgres.appends.find((figures) => figures.plan.writers === 16);
  const targets = [
    ...postgres.appends.map(({ plan, ours, peer }) => ({
      name: `ours ≥ emmett: ${plan.label}`,
      ok: ratio(ours, peer) >= 1,
      detail: `${formatRatio(ratio(ours, peer))} of emmett`,
    })),
    ...(sixteen === undefined
      ? []
      : [
          {
            name: '16-writer single-event appends ≥ 50% of raw 16-client single-row INSERTs',
            ok: ratio(sixteen.ours, sixteen.raw) >= 0.5,
            detail: `${formatRatio(ratio(sixteen.ours, sixteen.raw))} of raw`,
          },
        ]),
    {
      name: 'read all ≥ 50% of raw SELECT',
      ok: ratio(readAll.ours, readAll.raw) >= 0.5,
      detail: `${formatRatio(ratio(readAll.ours, readAll.raw))} of raw`,
    },
  ];

  const markdown = [
    '## event-store',
    '',
    'Command: `npm run bench -- event-store`',
    '',
    ...machineLines([
      `PostgreSQL: ${version} (127.0.0.1, default settings: fsync and synchronous_commit on)`,
      `Load average (1/5/15 min), PostgreSQL part: ${postgres.load.join('; ')}`,
      `Peak RSS of the bench process: ${formatCount(postgres.peakRssMb)} MiB after PostgreSQL, ` +
        `${formatCount(pglite.peakRssMb)} MiB after PGlite`,
    ]),
    '',
    `${formatCount(options.events)} events per scenario; each event's data is ` +
      `${JSON.stringify(sample.data).length} bytes of JSON, its metadata ` +
      `${JSON.stringify(sample.metadata).length}. Writers own their streams (100 events per stream ` +
      'for single appends, 1,000 for batches) and pass the expected revision they tracked. Every ' +
      'contender gets a pool of 16 connections. Each scenario runs in 10 slices per contender, ' +
      'taking turns (and a CHECKPOINT before each slice on PostgreSQL), so load from other work on ' +
      'the machine falls on all contenders alike; read all is 3 alternating passes.',
    '',
    '### PostgreSQL',
    '',
    '- ours: `PostgresEventStore.append`/`readAll` (one call of the PL/pgSQL `append_event` for a single event, `append_events` for a batch).',
    '- raw `pg`: plain INSERT into a table with the same columns (data and metadata jsonb) and the ' +
      'same keys, one statement per append (one row, or 100 rows in one multi-row VALUES); ' +
      'reads are `SELECT … WHERE position > $1 ORDER BY position LIMIT 1000`.',
    '- emmett: `@event-driven-io/emmett-postgresql` 0.42.0 `appendToStream` with ' +
      '`expectedStreamVersion`, schema migrated first, in its own schema of the same database.',
    '',
    table(
      [
        'Scenario',
        'ours (events/s)',
        'raw pg (events/s)',
        'ours / raw',
        'emmett (events/s)',
        'ours / emmett',
      ],
      postgresRows,
    ),
    '',
    '### PGlite (embedded, temporary directory)',
    '',
    'No peer here; the raw column is plain INSERT/SELECT on a second PGlite instance, for context.',
    '',
    table(['Scenario', 'ours (events/s)', 'raw PGlite (events/s)', 'ours / raw'], pgliteRows),
    '',
    '### Targets',
    '',
    table(
      ['Target', 'Figure', 'Result'],
      targets.map((target) => [target.name, target.detail, verdict(target.ok)]),
    ),
  ].join('\n');
  return { markdown, targets };
}
