import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { LazyPeopleStore, type PeopleStore, connectPostgresPeopleStore } from '#ledger';
import { databaseUrl } from './services.js';

export interface TestPeopleStore {
  readonly store: PeopleStore;
  teardown(): Promise<void>;
}

/**
 * The people store of a test app unless the suite brings its own: PostgreSQL in a fresh
 * schema, opened only if the app ever resolves a person (a second embedded PGlite per app
 * would cost seconds of start-up in every suite), and dropped when the app closes.
 */
export function lazyPostgresPeopleStore(): TestPeopleStore {
  const schema = `people_test_${randomBytes(6).toString('hex')}`;
  let opened = false;
  const store = new LazyPeopleStore(async () => {
    opened = true;
    return connectPostgresPeopleStore({ url: databaseUrl(), schema });
  });
  return {
    store,
    async teardown() {
      await store.close();
      if (!opened) return;
      const client = new pg.Client({ connectionString: databaseUrl() });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}
