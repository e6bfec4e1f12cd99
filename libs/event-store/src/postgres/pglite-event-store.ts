import { mkdir } from 'node:fs/promises';
import { PGlite, types } from '@electric-sql/pglite';
import { migrate } from './migrations.js';
import { PgliteClient } from './pglite-client.js';
import { SqlEventStore } from './sql-event-store.js';
import { checkSchemaName, DEFAULT_SCHEMA } from './sql.js';
import { toStoreError } from './store-errors.js';

export interface PgliteEventStoreOptions {
  /** Directory for the database files (created if missing), or `memory://` for a throwaway store. */
  readonly dataDir: string;
  readonly schema?: string;
  /** Only a safety net: every writer is in this process and wakes subscribers directly. */
  readonly pollIntervalMs?: number;
}

/**
 * The same SQL as PostgresEventStore on embedded PGlite. One process owns the
 * data directory; subscribers are woken in process after each append.
 */
export class PgliteEventStore extends SqlEventStore {
  private constructor(client: PgliteClient, schema: string, pollIntervalMs: number) {
    super(client, { schema, pollIntervalMs });
  }

  static async open(options: PgliteEventStoreOptions): Promise<PgliteEventStore> {
    const schema = checkSchemaName(options.schema ?? DEFAULT_SCHEMA);
    if (!options.dataDir.includes('://')) await mkdir(options.dataDir, { recursive: true });
    const db = await PGlite.create(options.dataDir, {
      parsers: { [types.INT8]: (value: string) => BigInt(value) },
    });
    const client = new PgliteClient(db);
    try {
      await migrate(client, schema);
    } catch (error) {
      await client.close().catch(() => undefined);
      throw toStoreError(error, `migrate event store schema ${schema}`);
    }
    return new PgliteEventStore(client, schema, options.pollIntervalMs ?? 1_000);
  }
}
