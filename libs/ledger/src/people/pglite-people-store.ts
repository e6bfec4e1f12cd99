import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { SqlPeopleStore, type PeopleSql, type Row, migratePeople } from './sql-people-store.js';
import { isPeopleStoreUnavailable } from './postgres-people-store.js';

export interface PglitePeopleStoreOptions {
  /**
   * Its own directory (`<LEDGER_DATA_DIR>/people`), beside the event store's: the event
   * store keeps its PGlite to itself, and one PGlite is one connection per data directory.
   */
  readonly dataDir: string;
  readonly schema: string;
}

class PgliteSql implements PeopleSql {
  constructor(
    private readonly db: PGlite,
    /** A shared instance is closed by its owner, not by the people store. */
    private readonly owned: boolean,
  ) {}

  async query(text: string, params: readonly unknown[]): Promise<Row[]> {
    return (await this.db.query<Row>(text, [...params])).rows;
  }

  transaction<T>(work: (tx: Pick<PeopleSql, 'query'>) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) =>
      work({ query: async (text, params) => (await tx.query<Row>(text, [...params])).rows }),
    );
  }

  async close(): Promise<void> {
    if (this.owned && !this.db.closed) await this.db.close();
  }
}

/** People in embedded PGlite, for the embedded default (no server). */
export async function openPglitePeopleStore(
  options: PglitePeopleStoreOptions,
): Promise<SqlPeopleStore> {
  if (!options.dataDir.includes('://')) await mkdir(options.dataDir, { recursive: true });
  const sql = new PgliteSql(await PGlite.create(options.dataDir), true);
  try {
    await migratePeople(sql, options.schema);
  } catch (error) {
    await sql.close().catch(() => undefined);
    throw error;
  }
  return new SqlPeopleStore(sql, options.schema, isPeopleStoreUnavailable);
}

/** People in a PGlite instance someone else opened (and will close), in their own tables. */
export async function peopleStoreOnPglite(db: PGlite, schema: string): Promise<SqlPeopleStore> {
  const sql = new PgliteSql(db, false);
  await migratePeople(sql, schema);
  return new SqlPeopleStore(sql, schema, isPeopleStoreUnavailable);
}
