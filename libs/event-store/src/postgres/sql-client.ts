/**
 * The little the event store needs from a PostgreSQL connection, so the same
 * SQL runs on a `pg` Pool (server) and on PGlite (embedded, one connection).
 */
export type SqlRow = Readonly<Record<string, unknown>>;

/** A parameterised statement; the name lets a server connection prepare it once. */
export interface SqlStatement {
  readonly name: string;
  readonly text: string;
}

export interface SqlExecutor {
  query(statement: SqlStatement, params: readonly unknown[]): Promise<SqlRow[]>;
  /** Runs several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface SqlClient extends SqlExecutor {
  /** Runs `work` in one transaction on one connection; rolls back if it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Both clients are set up to return int8 as bigint; anything else is a bug in the SQL. */
export function bigintColumn(row: SqlRow, column: string): bigint {
  const value = row[column];
  if (typeof value === 'bigint') return value;
  if (typeof value === 'string' || typeof value === 'number') return BigInt(value);
  throw new TypeError(`column ${column}: expected an int8, got ${typeof value}`);
}

export function nullableBigintColumn(row: SqlRow, column: string): bigint | undefined {
  return row[column] === null || row[column] === undefined ? undefined : bigintColumn(row, column);
}

export function textColumn(row: SqlRow, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') {
    throw new TypeError(`column ${column}: expected text, got ${typeof value}`);
  }
  return value;
}
