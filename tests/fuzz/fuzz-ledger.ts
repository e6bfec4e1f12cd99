import { afterAll, beforeAll } from '@jest/globals';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { startTestApi, testConfig, type TestApi } from '../support/test-app.js';
import { type EventCounter, eventCounter } from './event-count.js';
import { closeSender } from './hostile-request.js';
import { tokenPool } from './hostile-tokens.js';
import { type Seeded, seedLedger } from './seed.js';

export interface FuzzLedger {
  readonly store: TestStore;
  readonly events: EventCounter;
  readonly api: TestApi;
  readonly seeded: Seeded;
  readonly tokens: Readonly<Record<string, string>>;
}

/**
 * The ledger a fuzz suite attacks: a seeded API over its own PostgreSQL schema, with the
 * rate limiter running on every request (at a limit no run reaches), an event counter and
 * a token for every caller. Set up before the suite's tests and torn down after them; the
 * fields are filled in by then.
 */
export function fuzzLedger(): FuzzLedger {
  const ledger: { -readonly [K in keyof FuzzLedger]?: FuzzLedger[K] } = {};
  beforeAll(async () => {
    ledger.store = await postgresTestStore();
    ledger.events = await eventCounter(ledger.store);
    ledger.api = await startTestApi(
      ledger.store.store,
      testConfig({ rateLimitPerMinute: 1_000_000 }),
    );
    ledger.seeded = await seedLedger(ledger.api);
    ledger.tokens = await tokenPool();
  });
  afterAll(async () => {
    closeSender();
    await ledger.api?.close();
    await ledger.events?.close();
    await ledger.store?.teardown();
  });
  return ledger as FuzzLedger;
}
