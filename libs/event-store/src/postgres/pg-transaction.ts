import type pg from 'pg';

/**
 * Runs `work` in one transaction on a client of the pool: commit on success,
 * roll back and rethrow on failure. A client whose ROLLBACK failed is in an
 * unknown state, so it is destroyed rather than returned to the pool. Shared
 * by the event store and the people store, which sit on the same servers.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
