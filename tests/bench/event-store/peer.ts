import {
  getPostgreSQLEventStore,
  type PostgresEventStore,
} from '@event-driven-io/emmett-postgresql';
import pg from 'pg';
import type { Appender } from './workload.js';

const INT8 = 20;
const JSONB = 3802;
const JSON_OID = 114;

/**
 * The parsers emmett's dumbo installs process-wide (bigint int8, its own JSON),
 * given to emmett's pool only: installed globally they would change how our
 * store and the raw reads parse rows, and the comparison with them.
 */
const emmettTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8) return (value: string) => BigInt(value);
    if (oid === JSONB || oid === JSON_OID) return (value: string): unknown => JSON.parse(value);
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

export interface Peer {
  readonly appender: Appender;
  close(): Promise<void>;
}

/**
 * Emmett's PostgreSQL event store in its own schema of the same database (its
 * tables have fixed names, so the schema goes on the search path), on a pool of
 * the same size as ours, migrated before anything is timed.
 */
export async function openPeer(url: string, schema: string, poolSize: number): Promise<Peer> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.end();
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    options: `-c search_path="${schema}"`,
    types: emmettTypes,
  });
  const saved = [INT8, JSONB, JSON_OID].map((oid) => [oid, pg.types.getTypeParser(oid)] as const);
  let store: PostgresEventStore;
  try {
    store = getPostgreSQLEventStore(url, {
      connectionOptions: { pool },
      schema: { autoMigration: 'None' },
    });
  } finally {
    for (const [oid, parser] of saved) pg.types.setTypeParser(oid, parser);
  }
  await store.schema.migrate();
  return {
    appender: {
      async append(stream, events, expected) {
        // Emmett counts events (0n: no stream yet) where we count revisions.
        const result = await store.appendToStream(
          stream,
          events.map((event) => ({ type: event.type, data: event.data, metadata: event.metadata })),
          { expectedStreamVersion: expected ?? 0n },
        );
        return result.nextExpectedStreamVersion;
      },
    },
    async close() {
      await store.close();
      await pool.end();
    },
  };
}
