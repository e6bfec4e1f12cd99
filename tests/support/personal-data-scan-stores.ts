import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { type EventStore, PgliteEventStore } from '#event-store';
import { type Finding, type ScannableEvent, scanEvent } from './personal-data-scan.js';

/**
 * Test stores are scanned just before they are thrown away (stores.ts), and each scan is
 * written to the run's scan directory; jest-global-teardown.ts then fails the run on any
 * finding. The directory comes from jest-global-setup.ts: outside a jest run (benchmarks)
 * nothing is scanned.
 */
// Not LEDGER_…: API processes the fault suites spawn inherit it, and the ledger's
// configuration refuses LEDGER_ variables it does not know.
export const SCAN_DIR_VARIABLE = 'PERSONAL_DATA_SCAN_DIR';

export interface StoreScan {
  readonly store: string;
  readonly events: number;
  readonly findings: readonly Finding[];
}

export const scanning = (): boolean => Boolean(process.env[SCAN_DIR_VARIABLE]);

function record(scan: StoreScan): void {
  const dir = process.env[SCAN_DIR_VARIABLE];
  if (!dir) return;
  const file = join(dir, `${process.pid}-${randomBytes(6).toString('hex')}.json`);
  writeFileSync(file, JSON.stringify(scan));
}

function scanAll(store: string, events: readonly ScannableEvent[]): StoreScan {
  return { store, events: events.length, findings: events.flatMap(scanEvent) };
}

/** Reads the schema's events with plain SQL, whatever state the suite left its store in. */
export async function scanPostgresSchema(url: string, schema: string): Promise<void> {
  if (!scanning()) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query('SELECT to_regclass($1) AS t', [`"${schema}".events`]);
    const rows =
      exists.rows[0]?.t === null
        ? []
        : (
            await client.query<{
              id: string;
              stream_name: string;
              type: string;
              data: unknown;
              metadata: unknown;
            }>(
              `SELECT id::text AS id, stream_name, type, data, metadata
                 FROM "${schema}".events ORDER BY position`,
            )
          ).rows;
    record(
      scanAll(
        `postgres ${schema}`,
        rows.map((row) => ({ ...row, streamName: row.stream_name })),
      ),
    );
  } finally {
    await client.end();
  }
}

async function readEvery(store: EventStore): Promise<ScannableEvent[]> {
  const events: ScannableEvent[] = [];
  for (let after = 0n; ;) {
    const batch = await store.readAll({ after, maxCount: 1000 });
    if (batch.length === 0) return events;
    events.push(...batch);
    after = batch.at(-1)!.position;
  }
}

/** An embedded store is read before it closes; one the suite already closed is reopened. */
export async function scanPgliteStore(store: EventStore, dataDir: string): Promise<void> {
  if (!scanning()) return;
  let events: ScannableEvent[];
  try {
    events = await readEvery(store);
  } catch {
    const reopened = await PgliteEventStore.open({ dataDir });
    try {
      events = await readEvery(reopened);
    } finally {
      await reopened.close();
    }
  }
  record(scanAll(`pglite ${dataDir}`, events));
}
