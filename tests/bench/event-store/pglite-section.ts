import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PgliteEventStore } from '#event-store';
import { peakRssMb, perSecond, progress, type Timing } from '../support/stats.js';
import { readEverything, storeAppender } from './ours.js';
import { READ_BATCH, ROUNDS } from './postgres-section.js';
import { type RawQuery, rawAppender, rawReadEverything, rawTableSql } from './raw-sql.js';
import { alternateReads, type AppendPlan, appendPlans, interleaved, of } from './workload.js';

export interface PgliteFigures {
  readonly appends: readonly {
    readonly plan: AppendPlan;
    readonly ours: Timing;
    readonly raw: Timing;
  }[];
  readonly readAll: { readonly ours: Timing; readonly raw: Timing };
  readonly peakRssMb: number;
}

const report = (what: string, timing: Timing): void =>
  progress(
    `${what}: ${Math.round(perSecond(timing))} events/s (${timing.count} in ${timing.seconds.toFixed(1)} s)`,
  );

const noSettling = (): Promise<void> => Promise.resolve();

/**
 * Our store on PGlite against plain INSERT/SELECT on a second PGlite instance
 * (PGlite is one connection, and the store keeps its own), both in temporary
 * directories removed afterwards.
 */
export async function runPglite(events: number): Promise<PgliteFigures> {
  const oursDir = await mkdtemp(join(tmpdir(), 'bench-pglite-ours-'));
  const rawDir = await mkdtemp(join(tmpdir(), 'bench-pglite-raw-'));
  const store = await PgliteEventStore.open({ dataDir: oursDir });
  const db = await PGlite.create(rawDir);
  try {
    await db.exec(rawTableSql('events'));
    const query: RawQuery = async (_name, text, params) =>
      (await db.query<Record<string, unknown>>(text, [...params])).rows;
    const contenders = [
      { name: 'ours', appender: storeAppender(store) },
      { name: 'raw', appender: rawAppender(query, 'events') },
    ];
    const appends = [];
    for (const [index, plan] of appendPlans(events).entries()) {
      progress(`PGlite: ${plan.label}`);
      const totals = await interleaved(plan, `${index}`, contenders, ROUNDS, noSettling);
      const figures = { plan, ours: of(totals, 'ours'), raw: of(totals, 'raw') };
      report('  ours', figures.ours);
      report('  raw PGlite', figures.raw);
      appends.push(figures);
    }
    progress('PGlite: read all');
    const readAll = await alternateReads(
      () => readEverything(store, READ_BATCH),
      () => rawReadEverything(query, 'events', READ_BATCH),
      noSettling,
    );
    report('  ours', readAll.ours);
    report('  raw PGlite', readAll.raw);
    return { appends, readAll, peakRssMb: peakRssMb() };
  } finally {
    await store.close();
    await db.close();
    await rm(oursDir, { recursive: true, force: true });
    await rm(rawDir, { recursive: true, force: true });
  }
}
