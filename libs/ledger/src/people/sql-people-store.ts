import type {
  ErasePersonOutcome,
  PeopleStore,
  PersonDetails,
  PersonErased,
  PersonPresent,
  PersonRecord,
  PutPersonOutcome,
  Stamp,
} from './people-store.js';
import { PeopleStoreUnavailable } from './people-store.js';

export type Row = Record<string, unknown>;

/** What the two adapters (pg pool, PGlite) provide: parameterised queries and transactions. */
export interface PeopleSql {
  query(text: string, params: readonly unknown[]): Promise<Row[]>;
  transaction<T>(work: (tx: Pick<PeopleSql, 'query'>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Unquoted and lower-case, like the event store's schema; it is interpolated into SQL. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function checkPeopleSchema(schema: string): string {
  if (!SCHEMA_NAME.test(schema))
    throw new RangeError(`people schema must match ${String(SCHEMA_NAME)}, got ${schema}`);
  return schema;
}

/** Idempotent, and serialised by an advisory lock so processes starting together do not race. */
export async function migratePeople(sql: PeopleSql, schema: string): Promise<void> {
  const s = checkPeopleSchema(schema);
  await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`ledger-people:${s}`]);
    await tx.query(`CREATE SCHEMA IF NOT EXISTS "${s}"`, []);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS "${s}".people (
         id text PRIMARY KEY,
         name text NOT NULL,
         email text,
         phone text,
         organisation text,
         role text,
         recorded_by text NOT NULL,
         recorded_at timestamptz NOT NULL,
         updated_by text NOT NULL,
         updated_at timestamptz NOT NULL
       )`,
      [],
    );
    // The tombstone holds no personal data: the id events carry, when, and which caller.
    await tx.query(
      `CREATE TABLE IF NOT EXISTS "${s}".people_erased (
         id text PRIMARY KEY,
         erased_at timestamptz NOT NULL,
         erased_by text NOT NULL
       )`,
      [],
    );
  });
}

const iso = (value: unknown): string => new Date(value as string | Date).toISOString();
const optional = (row: Row, column: string): Record<string, string> =>
  typeof row[column] === 'string' ? { [column]: row[column] } : {};

function present(row: Row): PersonPresent {
  return {
    status: 'present',
    id: String(row['id']),
    details: {
      name: String(row['name']),
      ...optional(row, 'email'),
      ...optional(row, 'phone'),
      ...optional(row, 'organisation'),
      ...optional(row, 'role'),
    },
    recordedBy: String(row['recorded_by']),
    recordedAt: iso(row['recorded_at']),
    updatedBy: String(row['updated_by']),
    updatedAt: iso(row['updated_at']),
  };
}

const erased = (row: Row): PersonErased => ({
  status: 'erased',
  id: String(row['id']),
  erasedAt: iso(row['erased_at']),
  erasedBy: String(row['erased_by']),
});

/** The same SQL on a PostgreSQL server and on embedded PGlite. */
export class SqlPeopleStore implements PeopleStore {
  private readonly s: string;

  constructor(
    private readonly sql: PeopleSql,
    schema: string,
    /** Maps driver failures (connection lost, closed) to PeopleStoreUnavailable. */
    private readonly isUnavailable: (error: unknown) => boolean,
  ) {
    this.s = checkPeopleSchema(schema);
  }

  async put(id: string, details: PersonDetails, stamp: Stamp): Promise<PutPersonOutcome> {
    return this.guard('record a person', () =>
      this.sql.transaction(async (tx) => {
        // Taken before looking, so a put and an erase of one id cannot interleave.
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [
          `ledger-person:${this.s}`,
          id,
        ]);
        const [tombstone] = await tx.query(
          `SELECT id, erased_at, erased_by FROM "${this.s}".people_erased WHERE id = $1`,
          [id],
        );
        if (tombstone) return { outcome: 'erased', person: erased(tombstone) } as const;
        const rows = await tx.query(
          `INSERT INTO "${this.s}".people AS p
             (id, name, email, phone, organisation, role, recorded_by, recorded_at, updated_by, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $7, $8)
           ON CONFLICT (id) DO UPDATE SET
             name = excluded.name, email = excluded.email, phone = excluded.phone,
             organisation = excluded.organisation, role = excluded.role,
             updated_by = excluded.updated_by, updated_at = excluded.updated_at
           RETURNING p.*, (xmax = 0) AS inserted`,
          [
            id,
            details.name,
            details.email ?? null,
            details.phone ?? null,
            details.organisation ?? null,
            details.role ?? null,
            stamp.by,
            stamp.at.toISOString(),
          ],
        );
        const row = rows[0]!;
        return { outcome: row['inserted'] ? 'created' : 'updated', person: present(row) } as const;
      }),
    );
  }

  async get(id: string): Promise<PersonRecord | undefined> {
    return (await this.resolve([id])).get(id);
  }

  async erase(id: string, stamp: Stamp): Promise<ErasePersonOutcome> {
    const outcome = await this.guard('erase a person', () =>
      this.sql.transaction(async (tx): Promise<ErasePersonOutcome> => {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [
          `ledger-person:${this.s}`,
          id,
        ]);
        const [before] = await tx.query(
          `SELECT id, erased_at, erased_by FROM "${this.s}".people_erased WHERE id = $1`,
          [id],
        );
        if (before) return { outcome: 'already_erased', tombstone: erased(before) };
        const deleted = await tx.query(
          `DELETE FROM "${this.s}".people WHERE id = $1 RETURNING id`,
          [id],
        );
        if (deleted.length === 0) return { outcome: 'not_found' };
        const [tombstone] = await tx.query(
          `INSERT INTO "${this.s}".people_erased (id, erased_at, erased_by) VALUES ($1, $2, $3)
           RETURNING id, erased_at, erased_by`,
          [id, stamp.at.toISOString(), stamp.by],
        );
        return { outcome: 'erased', tombstone: erased(tombstone!) };
      }),
    );
    // A deleted row lingers as a dead tuple until vacuumed; vacuum now so the details are
    // gone from the table's files too (backups and WAL age out under the operator's policy).
    if (outcome.outcome === 'erased') {
      await this.sql.query(`VACUUM "${this.s}".people`, []).catch(() => undefined);
    }
    return outcome;
  }

  async resolve(ids: readonly string[]): Promise<ReadonlyMap<string, PersonRecord>> {
    const unique = [...new Set(ids)];
    const found = new Map<string, PersonRecord>();
    if (unique.length === 0) return found;
    const [people, tombstones] = await this.guard('read people', () =>
      Promise.all([
        this.sql.query(`SELECT * FROM "${this.s}".people WHERE id = ANY($1::text[])`, [unique]),
        this.sql.query(
          `SELECT id, erased_at, erased_by FROM "${this.s}".people_erased WHERE id = ANY($1::text[])`,
          [unique],
        ),
      ]),
    );
    for (const row of people) found.set(String(row['id']), present(row));
    for (const row of tombstones) found.set(String(row['id']), erased(row));
    return found;
  }

  close(): Promise<void> {
    return this.sql.close();
  }

  private async guard<T>(what: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!this.isUnavailable(error)) throw error;
      const detail = error instanceof Error ? error.message : String(error);
      throw new PeopleStoreUnavailable(`people store: could not ${what}: ${detail}`, {
        cause: error,
      });
    }
  }
}
