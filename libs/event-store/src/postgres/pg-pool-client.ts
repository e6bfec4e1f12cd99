import { inTransaction } from './pg-transaction.js';
import pg from 'pg';
import type { Pool, PoolClient, QueryConfig } from 'pg';
import type { SqlClient, SqlExecutor, SqlRow, SqlStatement } from './sql-client.js';

const INT8_OID = 20;

export interface PgPoolOptions {
  readonly url: string;
  readonly poolSize: number;
  readonly connectionTimeoutMillis: number;
  readonly applicationName: string;
}

/**
 * int8 as bigint for this pool only: positions pass 2^53, and changing the
 * process-wide `pg.types` would surprise other code sharing the driver.
 */
export const pgTypes = {
  getTypeParser: ((oid, format) =>
    oid === INT8_OID
      ? (value: string) => BigInt(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function createPool(options: PgPoolOptions): Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    connectionTimeoutMillis: options.connectionTimeoutMillis,
    application_name: options.applicationName,
    types: pgTypes,
  });
  // An idle client losing its server emits 'error' on the pool; unhandled, it
  // would crash the process. The pool drops that client and the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

const queryConfig = (statement: SqlStatement, params: readonly unknown[]): QueryConfig => ({
  ...(statement.name === '' ? {} : { name: statement.name }),
  text: statement.text,
  values: [...params],
});

function executor(client: PoolClient): SqlExecutor {
  return {
    query: async (statement, params) =>
      (await client.query<SqlRow>(queryConfig(statement, params))).rows,
    exec: async (script) => {
      await client.query(script);
    },
  };
}

export class PgPoolClient implements SqlClient {
  constructor(readonly pool: Pool) {}

  async query(statement: SqlStatement, params: readonly unknown[]): Promise<SqlRow[]> {
    return (await this.pool.query<SqlRow>(queryConfig(statement, params))).rows;
  }

  async exec(script: string): Promise<void> {
    await this.pool.query(script);
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, (client) => work(executor(client)));
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}
