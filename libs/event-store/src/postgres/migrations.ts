import type { SqlClient } from './sql-client.js';
import { checkSchemaName, ORDINAL_BITS, MAX_EVENTS_PER_APPEND } from './sql.js';

interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: (schema: string) => string;
}

/** Append-only: a released migration is never edited, a change is a new version. */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'streams and events',
    sql: (s) => `
      CREATE TABLE "${s}".streams (
        stream_name text PRIMARY KEY,
        revision bigint NOT NULL CHECK (revision >= 0)
      );
      -- json, not jsonb: the payload comes back byte for byte (key order, \\u0000)
      -- and skips jsonb's parse-and-rebuild on every insert and read.
      CREATE TABLE "${s}".events (
        position bigint NOT NULL,
        tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        id uuid NOT NULL,
        stream_name text NOT NULL,
        revision bigint NOT NULL,
        type text NOT NULL,
        data json NOT NULL,
        metadata json NOT NULL,
        committed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_position_pkey PRIMARY KEY (position),
        CONSTRAINT events_id_key UNIQUE (id),
        CONSTRAINT events_stream_revision_key UNIQUE (stream_name, revision)
      );`,
  },
  {
    version: 2,
    name: 'append_events: revision check, idempotency and insert in one call',
    sql: (s) => `
      CREATE FUNCTION "${s}".append_events(
        p_stream text,
        p_expected text,
        p_expected_revision bigint,
        p_ids uuid[],
        p_types text[],
        p_data text[],
        p_metadata text[]
      ) RETURNS TABLE (outcome text, stream_revision bigint, last_position bigint)
      LANGUAGE plpgsql AS $fn$
      #variable_conflict use_column
      DECLARE
        v_count integer := coalesce(cardinality(p_ids), 0);
        v_current bigint;
        v_found integer;
        v_in_stream integer;
        v_base bigint;
      BEGIN
        IF v_count < 1 OR v_count > ${MAX_EVENTS_PER_APPEND} THEN
          RAISE EXCEPTION 'an append holds 1 to ${MAX_EVENTS_PER_APPEND} events, got %', v_count
            USING ERRCODE = '22023';
        END IF;
        -- Taken before this transaction has an id, so appends to one stream get
        -- increasing transaction ids in revision order (decision 0002).
        PERFORM pg_advisory_xact_lock(hashtext('ledger-stream:${s}'), hashtext(p_stream));

        SELECT revision INTO v_current FROM "${s}".streams WHERE stream_name = p_stream;

        SELECT count(*)::integer, (count(*) FILTER (WHERE stream_name = p_stream))::integer
          INTO v_found, v_in_stream
          FROM "${s}".events WHERE id = ANY (p_ids);
        IF v_found > 0 THEN
          IF v_in_stream = v_count THEN
            RETURN QUERY SELECT 'duplicate'::text, revision, position FROM "${s}".events
              WHERE id = ANY (p_ids) ORDER BY revision DESC LIMIT 1;
          ELSE
            RETURN QUERY SELECT 'conflict'::text, v_current, NULL::bigint;
          END IF;
          RETURN;
        END IF;

        IF (p_expected = 'no_stream' AND v_current IS NOT NULL)
          OR (p_expected = 'exists' AND v_current IS NULL)
          OR (p_expected = 'revision' AND v_current IS DISTINCT FROM p_expected_revision) THEN
          RETURN QUERY SELECT 'conflict'::text, v_current, NULL::bigint;
          RETURN;
        END IF;

        IF v_current IS NULL THEN
          INSERT INTO "${s}".streams (stream_name, revision) VALUES (p_stream, v_count - 1);
        ELSE
          UPDATE "${s}".streams SET revision = v_current + v_count WHERE stream_name = p_stream;
        END IF;

        v_base := pg_current_xact_id()::text::bigint << ${ORDINAL_BITS};
        INSERT INTO "${s}".events (position, id, stream_name, revision, type, data, metadata)
          SELECT v_base + u.ordinal, u.id, p_stream, coalesce(v_current, -1) + u.ordinal,
                 u.type, u.data::json, u.metadata::json
            FROM unnest(p_ids, p_types, p_data, p_metadata)
                 WITH ORDINALITY AS u(id, type, data, metadata, ordinal);

        RETURN QUERY SELECT 'ok'::text, coalesce(v_current, -1) + v_count, v_base + v_count;
      END
      $fn$;`,
  },
  {
    version: 3,
    name: 'append_event: single-event append with scalar parameters',
    // Same outcomes as append_events for one event, cheaper: no arrays to parse
    // and unnest, no RETURN QUERY, and no duplicate-id probe on the normal path
    // (ON CONFLICT DO NOTHING; the id is looked up only when the expected
    // revision fails or nothing was inserted). Same advisory lock key as
    // append_events, so single and batch appends to a stream serialise with
    // each other. Decision 0002 explains the lock and the ordering argument.
    sql: (s) => `
      CREATE FUNCTION "${s}".append_event(
        p_stream text,
        p_expected text,
        p_expected_revision bigint,
        p_id uuid,
        p_type text,
        p_data json,
        p_metadata json,
        OUT outcome text,
        OUT stream_revision bigint,
        OUT last_position bigint
      )
      LANGUAGE plpgsql AS $fn$
      DECLARE
        v_current bigint;
      BEGIN
        -- Taken before this transaction has an id, so appends to one stream get
        -- increasing transaction ids in revision order (decision 0002).
        PERFORM pg_advisory_xact_lock(hashtext('ledger-stream:${s}'), hashtext(p_stream));

        SELECT st.revision INTO v_current FROM "${s}".streams st WHERE st.stream_name = p_stream;

        IF ((p_expected = 'no_stream' AND v_current IS NOT NULL)
          OR (p_expected = 'exists' AND v_current IS NULL)
          OR (p_expected = 'revision' AND v_current IS DISTINCT FROM p_expected_revision))
          IS NOT TRUE THEN
          -- The first write: the transaction id is assigned here, with the lock held.
          INSERT INTO "${s}".events AS e (position, id, stream_name, revision, type, data, metadata)
            VALUES ((pg_current_xact_id()::text::bigint << ${ORDINAL_BITS}) + 1, p_id, p_stream,
                    coalesce(v_current, -1) + 1, p_type, p_data, p_metadata)
            ON CONFLICT (id) DO NOTHING
            RETURNING e.position INTO last_position;
          IF FOUND THEN
            IF v_current IS NULL THEN
              INSERT INTO "${s}".streams (stream_name, revision) VALUES (p_stream, 0);
            ELSE
              UPDATE "${s}".streams st SET revision = v_current + 1 WHERE st.stream_name = p_stream;
            END IF;
            outcome := 'ok';
            stream_revision := coalesce(v_current, -1) + 1;
            RETURN;
          END IF;
          -- The id is taken and nothing was written, so there is nothing to undo.
        END IF;

        -- The expected revision failed or the id is taken: a retry of an append
        -- that went through is a duplicate whatever it expects, anything else a conflict.
        SELECT e.revision, e.position INTO stream_revision, last_position
          FROM "${s}".events e WHERE e.id = p_id AND e.stream_name = p_stream;
        IF FOUND THEN
          outcome := 'duplicate';
        ELSE
          outcome := 'conflict';
          stream_revision := v_current;
        END IF;
      END
      $fn$;`,
  },
];

/**
 * Applies missing migrations in one transaction under an advisory lock, so
 * processes starting together neither race nor half-apply; re-running is a no-op.
 */
export async function migrate(client: SqlClient, schema: string): Promise<void> {
  const s = checkSchemaName(schema);
  await client.transaction(async (tx) => {
    await tx.query({ name: '', text: 'SELECT pg_advisory_xact_lock(hashtext($1))' }, [
      `ledger-migrations:${s}`,
    ]);
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS "${s}";
      CREATE TABLE IF NOT EXISTS "${s}".schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      );`);
    const rows = await tx.query(
      { name: '', text: `SELECT version FROM "${s}".schema_migrations` },
      [],
    );
    const applied = new Set(rows.map((row) => Number(row['version'])));
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await tx.exec(migration.sql(s));
      await tx.query(
        {
          name: '',
          text: `INSERT INTO "${s}".schema_migrations (version, name) VALUES ($1, $2)`,
        },
        [migration.version, migration.name],
      );
    }
  });
}
