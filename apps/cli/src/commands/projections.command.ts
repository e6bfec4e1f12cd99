import { Command } from 'commander';
import type { INestApplicationContext } from '@nestjs/common';
import { hostname } from 'node:os';
import { type EventStore } from '#event-store';
import { type OfferCatalogue } from '#domain';
import {
  COUNCIL_PROJECTIONS,
  type Projection,
  ProjectionRunner,
  type ReadModelStore,
} from '#projections';
import {
  EVENT_STORE,
  OFFER_CATALOGUE,
  ProjectionStatusQuery,
  READ_MODEL_STORE,
  loadLedgerConfig,
} from '#ledger';
import { withLedger } from './ledger-context.js';
import { progress } from './progress.js';

function requireRedis(): void {
  if (!loadLedgerConfig().redisUrl) {
    throw new Error(
      'REDIS_URL is not set: the embedded read models live inside the running `npm start` process ' +
        '(GET /projections there) and are rebuilt at every start',
    );
  }
}

async function rebuild(name: string, ledger: INestApplicationContext): Promise<void> {
  const catalogue = ledger.get<OfferCatalogue>(OFFER_CATALOGUE);
  const all: readonly Projection[] = COUNCIL_PROJECTIONS(catalogue);
  const projection = all.find((p) => p.name === name);
  if (!projection) throw new Error(`no projection ${name}`);
  const store = ledger.get<ReadModelStore>(READ_MODEL_STORE);
  const eventStore = ledger.get<EventStore>(EVENT_STORE);
  const key = { name, version: projection.version };
  const owner = `cli:${hostname()}:${process.pid}`;
  // A projector running this version holds its lease: rebuilding under it would fight it.
  const token = await store.acquireLease(key, owner, 5_000);
  if (token === undefined) {
    throw new Error(
      `${name} v${key.version} is being run by a projector: stop it, or bump the projection's version to rebuild beside the live one with no downtime`,
    );
  }
  await store.releaseLease(key, owner, token);
  await store.reset(key);
  if ((await store.liveVersion(name)) === undefined) await store.promote(key);
  const head = await eventStore.headPosition();
  const bar = progress(name);
  let total = 0;
  for (let after = 0n; ;) {
    const batch = await eventStore.readAll({ after, maxCount: 10_000 });
    if (batch.length === 0) break;
    total += batch.length;
    after = batch.at(-1)!.position;
    if (after >= head) break;
  }
  const runner = new ProjectionRunner({
    projection,
    eventStore,
    store,
    owner,
    onProgress: (processed) => bar.update(Math.min(processed, total), total),
  });
  void runner.start();
  while (((await store.checkpoint(key))?.position ?? 0n) < head) {
    if (runner.state === 'stopped') break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await runner.stop();
  bar.update(total, total);
  bar.stop();
  console.log(`${name} v${key.version}: rebuilt from ${total} events to position ${head}`);
}

export function projectionsCommand(): Command {
  const projections = new Command('projections').description('the read models (REDIS_URL)');
  projections
    .command('status')
    .description('each projection and reactor: live version, checkpoint, head, lag, dead letters')
    .action(async () => {
      requireRedis();
      await withLedger(async (ledger) => {
        const rows = await ledger.get(ProjectionStatusQuery).all();
        console.table(
          rows.map((r) => ({
            name: r.name,
            state: r.state,
            live: r.liveVersion ?? '-',
            code: r.codeVersion,
            checkpoint: r.checkpoint,
            'lag (events)': r.lagEvents,
            'lag (s)': r.lagSeconds,
            'dead letters': r.deadLetters,
          })),
        );
      });
    });
  projections
    .command('rebuild')
    .argument('[name]', 'one projection; default all')
    .description(
      'rebuild from the first event, with no projector running it (queries answer 503 "behind" meanwhile)',
    )
    .action(async (name: string | undefined) => {
      requireRedis();
      await withLedger(async (ledger) => {
        const names = name
          ? [name]
          : COUNCIL_PROJECTIONS(ledger.get<OfferCatalogue>(OFFER_CATALOGUE)).map((p) => p.name);
        for (const each of names) await rebuild(each, ledger);
      });
    });
  return projections;
}
