import pg from 'pg';
import { databaseUrl } from '../support/services.js';
import type { TestStore } from '../support/stores.js';

export interface EventCounter {
  /** Rows in the store's events table, counted directly: every event, committed, now. */
  count(): Promise<bigint>;
  close(): Promise<void>;
}

/**
 * The store's head position is not exact enough to prove "nothing was written": it only
 * shows events below the oldest transaction in flight on the whole server, so another
 * suite's open transaction can hold it back and an earlier, accepted write can surface
 * during a later request. Counting the rows of this suite's own schema is exact.
 */
export async function eventCounter(store: TestStore): Promise<EventCounter> {
  if (!store.schema) throw new Error('an event counter needs a PostgreSQL test store');
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  const sql = `SELECT count(*) AS n FROM "${store.schema}".events`;
  return {
    async count() {
      const { rows } = await client.query<{ n: string }>(sql);
      return BigInt(rows[0]!.n);
    },
    close: () => client.end(),
  };
}
