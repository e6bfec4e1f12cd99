import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { SqlClient, SqlExecutor, SqlRow, SqlStatement } from './sql-client.js';

type Queryable = Pick<Transaction, 'query' | 'exec'>;

function executor(db: Queryable): SqlExecutor {
  return {
    query: async (statement, params) => (await db.query<SqlRow>(statement.text, [...params])).rows,
    exec: async (script) => {
      await db.exec(script);
    },
  };
}

/**
 * PGlite is one connection. Its own mutex runs one statement at a time and
 * keeps other queries out of a `transaction()`; every append is a single
 * statement (an implicit transaction), so appends never interleave.
 */
export class PgliteClient implements SqlClient {
  private readonly direct: SqlExecutor;

  constructor(readonly db: PGlite) {
    this.direct = executor(db);
  }

  query(statement: SqlStatement, params: readonly unknown[]): Promise<SqlRow[]> {
    return this.direct.query(statement, params);
  }

  exec(script: string): Promise<void> {
    return this.direct.exec(script);
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(executor(tx)));
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}
