/**
 * A projector process for projector-crash.fault.spec.ts: resumes the rebuild
 * of the tally projection in Redis, prints its progress as JSON lines, and
 * exits 0 once the build is promoted. The spec SIGKILLs it at random points.
 */
import { PostgresEventStore } from '#event-store';
import { rebuildBeside, RedisReadModelStore } from '#projections';
import { tally } from './fault-projection.js';

function setting(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is required`);
  return value;
}

const say = (message: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(message)}\n`);
};

const eventStore = await PostgresEventStore.connect({
  url: setting('DATABASE_URL'),
  schema: setting('LEDGER_SCHEMA'),
  poolSize: 2,
});
const store = new RedisReadModelStore(setting('REDIS_URL'), setting('REDIS_PREFIX'));
const outcome = await rebuildBeside({
  projection: tally,
  eventStore,
  store,
  fresh: false,
  leaseTtlMs: Number(setting('LEASE_TTL_MS')),
  maxBatchEvents: Number(setting('MAX_BATCH_EVENTS')),
  onStateChange: (state) => say({ state }),
  onProgress: (processed, position) => say({ processed, position: position.toString() }),
  onError: (error) => say({ error: String(error) }),
});
await outcome.runner.stop();
await store.close();
await eventStore.close();
say({ done: true, promoted: outcome.promoted });
