import pg from 'pg';
import { inTransaction } from '#event-store';
import { SqlPeopleStore, type PeopleSql, type Row, migratePeople } from './sql-people-store.js';
import { PeopleStoreUnavailable } from './people-store.js';

export interface PostgresPeopleStoreOptions {
  readonly url: string;
  /** Schema of the people tables; the event store's schema when they share a server. */
  readonly schema: string;
  readonly poolSize?: number;
  readonly connectionTimeoutMillis?: number;
}

/** SQLSTATE classes and socket errors meaning "cannot serve now", not "the request is wrong". */
const UNAVAILABLE_SQLSTATE = /^(08|53|57P0|28|3D000)/;
const UNAVAILABLE_MESSAGE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|connection terminated|timeout exceeded|pool after calling end|client was closed|pglite is closed|not queryable/i;

export function isPeopleStoreUnavailable(error: unknown): boolean {
  if (error instanceof PeopleStoreUnavailable) return true;
  if (error instanceof AggregateError) return error.errors.some(isPeopleStoreUnavailable);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || /^E[A-Z]+$/.test(code)))
    return true;
  return UNAVAILABLE_MESSAGE.test(error instanceof Error ? error.message : String(error));
}

class PoolSql implements PeopleSql {
  constructor(private readonly pool: pg.Pool) {}

  async query(text: string, params: readonly unknown[]): Promise<Row[]> {
    return (await this.pool.query<Row>(text, [...params])).rows;
  }

  transaction<T>(work: (tx: Pick<PeopleSql, 'query'>) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, (client) =>
      work({ query: async (text, params) => (await client.query<Row>(text, [...params])).rows }),
    );
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}

/** People on a PostgreSQL server: the event store's server, or LEDGER_PEOPLE_URL. */
export async function connectPostgresPeopleStore(
  options: PostgresPeopleStoreOptions,
): Promise<SqlPeopleStore> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 4,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
    application_name: `ledger-people:${options.schema}`,
  });
  // An idle client losing its server emits 'error' on the pool; unhandled, it would crash
  // the process. The pool drops that client and the next query reconnects.
  pool.on('error', () => undefined);
  const sql = new PoolSql(pool);
  try {
    await migratePeople(sql, options.schema);
  } catch (error) {
    await sql.close().catch(() => undefined);
    if (!isPeopleStoreUnavailable(error)) throw error;
    throw new PeopleStoreUnavailable(
      `people store: cannot migrate schema ${options.schema}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  return new SqlPeopleStore(sql, options.schema, isPeopleStoreUnavailable);
}
