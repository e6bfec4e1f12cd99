import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { PostgresEventStore } from '#event-store';
import {
  type CouncilSummaryDoc,
  RedisReadModelStore,
  takeUp,
  type TakeUpDoc,
  type TakeUpParams,
} from '#projections';
import { CouncilQueries, LedgerModule, ReadModels } from '#ledger';
import { testConfig } from '../../support/test-app.js';
import { percentile } from '../support/stats.js';

/** The query the brief names: take-up in 2019/20 by region and political control. */
export const TAKE_UP_QUERY: Omit<TakeUpParams, 'councils'> = {
  fy: 2019,
  groupBy: ['region', 'control'],
};

const PART_RUNS = 100;

export interface LatencyFigures {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export interface QueryFigures {
  /** The first query of a fresh process: loads both replicas (every document) first. */
  readonly coldMs: number;
  /** CouncilQueries.takeUp, as the API calls it, after the cold query and one warm-up. */
  readonly warm: LatencyFigures;
  /** Its parts, measured apart: refreshing both replicas (changesSince, nothing changed) … */
  readonly refresh: LatencyFigures;
  /** … and the pure `takeUp` view over the documents in hand. */
  readonly view: LatencyFigures;
  readonly rows: number;
  readonly totalEngagements: number;
  readonly replicaDocs: number;
}

async function measure(count: number, work: () => Promise<unknown>): Promise<LatencyFigures> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    await work();
    latencies.push(performance.now() - started);
  }
  const sorted = latencies.sort((a, b) => a - b);
  return {
    count,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/**
 * Answers the take-up query the way the API does: LedgerModule in a Nest application
 * context (no projector) over the rebuilt read models, CouncilQueries.takeUp — the
 * ReadModels replicas of 'council-summary' and 'take-up' refreshed with changesSince,
 * the freshness check against the event store's head, then the pure `takeUp` view.
 */
export async function measureQueries(options: {
  readonly url: string;
  readonly schema: string;
  readonly redisUrl: string;
  readonly prefix: string;
  readonly count: number;
}): Promise<QueryFigures> {
  const eventStore = await PostgresEventStore.connect({ url: options.url, schema: options.schema });
  const readModelStore = new RedisReadModelStore(options.redisUrl, options.prefix);
  const config = testConfig({ maxReadLagSeconds: 30 });
  const app = await NestFactory.createApplicationContext(
    LedgerModule.forRoot({ config, eventStore, readModelStore }),
    { logger: false },
  );
  try {
    const queries = app.get(CouncilQueries);
    const readModels = app.get(ReadModels);
    const coldStarted = performance.now();
    const first = await queries.takeUp(TAKE_UP_QUERY);
    const coldMs = performance.now() - coldStarted;
    await queries.takeUp(TAKE_UP_QUERY);
    const warm = await measure(options.count, () => queries.takeUp(TAKE_UP_QUERY));
    // The parts are for diagnosis: fewer runs keep a slow view from dominating the bench.
    const parts = Math.min(options.count, PART_RUNS);
    const refresh = await measure(parts, () =>
      Promise.all([readModels.view('council-summary'), readModels.view('take-up')]),
    );
    const [summaries, takeUps] = await Promise.all([
      readModels.view<CouncilSummaryDoc>('council-summary'),
      readModels.view<TakeUpDoc>('take-up'),
    ]);
    const councils = { summaries: summaries.docs, takeUp: takeUps.docs };
    const view = await measure(parts, async () => takeUp({ ...TAKE_UP_QUERY, councils }));
    return {
      coldMs,
      warm,
      refresh,
      view,
      rows: first.body.rows.length,
      totalEngagements: first.body.total.engagements,
      replicaDocs: summaries.docs.size + takeUps.docs.size,
    };
  } finally {
    await app.close();
    await readModelStore.close();
    await eventStore.close();
    rmSync(config.dataDir, { recursive: true, force: true });
  }
}
