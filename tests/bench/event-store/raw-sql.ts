import { timed, type Timing } from '../support/stats.js';
import type { Appender, BenchEvent } from './workload.js';

/** Runs one parameterised statement; `name` lets a server connection prepare it once. */
export type RawQuery = (
  name: string,
  text: string,
  params: readonly unknown[],
) => Promise<readonly Record<string, unknown>[]>;

/**
 * The columns and keys of our events table, with jsonb as the brief asks (ours
 * stores json), and a plain identity position: the cost of the row and its
 * indexes without any of the event store's checks.
 */
export const rawTableSql = (table: string): string => `
  CREATE TABLE ${table} (
    position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
    id uuid NOT NULL UNIQUE,
    stream_name text NOT NULL,
    revision bigint NOT NULL,
    type text NOT NULL,
    data jsonb NOT NULL,
    metadata jsonb NOT NULL,
    committed_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (stream_name, revision)
  )`;

const PARAMS_PER_ROW = 6;

function insertText(table: string, rows: number): string {
  const tuples = Array.from({ length: rows }, (_, row) => {
    const p = (column: number): string => `$${row * PARAMS_PER_ROW + column + 1}`;
    return `(${p(0)}, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}::jsonb, ${p(5)}::jsonb)`;
  });
  return `INSERT INTO ${table} (id, stream_name, revision, type, data, metadata) VALUES ${tuples.join(', ')}`;
}

/** One INSERT per append, of one row or many: a single statement is its own transaction. */
export function rawAppender(query: RawQuery, table: string): Appender {
  const texts = new Map<number, string>();
  return {
    async append(stream, events, _expected, firstRevision) {
      let text = texts.get(events.length);
      if (text === undefined) {
        text = insertText(table, events.length);
        texts.set(events.length, text);
      }
      const params = events.flatMap((event: BenchEvent, index) => [
        event.id,
        stream,
        firstRevision + index,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
      ]);
      await query(`raw_insert_${events.length}`, text, params);
      return undefined;
    },
  };
}

/** Keyset reads of the raw table by primary key, batch after batch, until empty. */
export function rawReadEverything(query: RawQuery, table: string, batch: number): Promise<Timing> {
  const text = `SELECT position, id::text AS id, stream_name, revision, type, data, metadata, committed_at
                  FROM ${table} WHERE position > $1 ORDER BY position LIMIT $2`;
  return timed(async () => {
    let after = '0';
    let count = 0;
    for (;;) {
      const rows = await query('raw_read_all', text, [after, batch]);
      const last = rows.at(-1);
      if (last === undefined) return count;
      count += rows.length;
      after = String(last['position']);
    }
  });
}
