import type { SqlStatement } from './sql-client.js';

/**
 * Unquoted, lower-case, and short enough that derived names (the NOTIFY
 * channel, prepared statement names) stay under PostgreSQL's 63-byte limit.
 */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;

export const DEFAULT_SCHEMA = 'ledger';

/** Positions are (transaction id << 20) + ordinal, so one append holds at most 2^20 - 1 events. */
export const ORDINAL_BITS = 20;
export { MAX_EVENTS_PER_APPEND } from '../event-store.js';

export function checkSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new RangeError(
      `event store schema must match ${String(SCHEMA_NAME)}, got ${JSON.stringify(schema)}`,
    );
  }
  return schema;
}

export const notifyChannel = (schema: string): string => `${schema}_events`;

/**
 * Everything below the oldest transaction still in flight has finished, and
 * no later transaction can get a smaller id: rows below this bound can never
 * be joined by a smaller position. See docs/decisions/0002-gap-free-positions.md.
 */
const VISIBLE_HORIZON = `(pg_snapshot_xmin(pg_current_snapshot())::text::bigint << ${ORDINAL_BITS})`;

const EVENT_COLUMNS =
  'id::text AS id, type, stream_name, revision, position, data, metadata, committed_at';

export interface Statements {
  /** Any number of events: `append_events`, arrays unnested into one insert. */
  readonly append: SqlStatement;
  /** Exactly one event: `append_event`, scalar parameters, the same outcomes and cheaper. */
  readonly appendOne: SqlStatement;
  readonly readStream: SqlStatement;
  readonly streamRevision: SqlStatement;
  readonly readAll: SqlStatement;
  readonly head: SqlStatement;
}

export function statementsFor(schema: string): Statements {
  const s = `"${checkSchemaName(schema)}"`;
  return {
    append: {
      name: `es_append_${schema}`,
      text: `SELECT outcome, stream_revision, last_position
               FROM ${s}.append_events($1, $2, $3, $4::uuid[], $5::text[], $6::text[], $7::text[])`,
    },
    appendOne: {
      name: `es_append_one_${schema}`,
      text: `SELECT outcome, stream_revision, last_position
               FROM ${s}.append_event($1, $2, $3, $4::uuid, $5::text, $6::json, $7::json)`,
    },
    readStream: {
      name: `es_read_stream_${schema}`,
      text: `SELECT ${EVENT_COLUMNS} FROM ${s}.events
              WHERE stream_name = $1 AND revision >= $2
              ORDER BY revision LIMIT $3`,
    },
    streamRevision: {
      name: `es_stream_revision_${schema}`,
      text: `SELECT revision FROM ${s}.streams WHERE stream_name = $1`,
    },
    readAll: {
      name: `es_read_all_${schema}`,
      text: `SELECT ${EVENT_COLUMNS} FROM ${s}.events
              WHERE position > $1 AND position < ${VISIBLE_HORIZON}
              ORDER BY position LIMIT $2`,
    },
    head: {
      name: `es_head_${schema}`,
      text: `SELECT coalesce(max(position), 0) AS head FROM ${s}.events
              WHERE position < ${VISIBLE_HORIZON}`,
    },
  };
}
