import pg from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { type EventStore, PgliteEventStore, PostgresEventStore } from '#event-store';
import { databaseUrl, requireService } from './services.js';
import { scanPgliteStore, scanPostgresSchema } from './personal-data-scan-stores.js';

export interface TestStore {
  readonly store: EventStore;
  readonly schema?: string;
  teardown(): Promise<void>;
}

/** A fresh schema on the real PostgreSQL server, dropped afterwards, so suites can run in parallel. */
export async function postgresTestStore(options: { poolSize?: number } = {}): Promise<TestStore> {
  await requireService('PostgreSQL');
  const schema = `ledger_test_${randomBytes(6).toString('hex')}`;
  const store = await PostgresEventStore.connect({ url: databaseUrl(), schema, ...options });
  return {
    store,
    schema,
    async teardown() {
      await store.close();
      // Before the schema goes: every event a suite wrote is scanned for personal data.
      await scanPostgresSchema(databaseUrl(), schema);
      const client = new pg.Client({ connectionString: databaseUrl() });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

/** An embedded store in a temporary directory, removed afterwards. */
export async function pgliteTestStore(): Promise<TestStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-pglite-'));
  const store = await PgliteEventStore.open({ dataDir });
  return {
    store,
    async teardown() {
      await scanPgliteStore(store, dataDir);
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
