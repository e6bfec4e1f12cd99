import { describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openPglitePeopleStore, peopleStoreOnPglite } from '#ledger';
import { peopleStoreContract } from './people-store.contract.js';

const SCHEMA = 'ledger';

// The store runs on a PGlite the test holds, so the test can read the raw rows beside it.
peopleStoreContract('PGlite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ledger-people-'));
  const db = await PGlite.create(dir);
  const store = await peopleStoreOnPglite(db, SCHEMA);
  return {
    store,
    async rawRowsFor(id) {
      const { rows } = await db.query<{ row: string }>(
        `SELECT row_to_json(p)::text AS row FROM "${SCHEMA}".people p WHERE id = $1
         UNION ALL
         SELECT row_to_json(e)::text FROM "${SCHEMA}".people_erased e WHERE id = $1`,
        [id],
      );
      return rows.map((r) => r.row);
    },
    async teardown() {
      await store.close();
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('PGlite people store', () => {
  it('keeps people and tombstones on disk across close and reopen', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledger-people-'));
    try {
      const dataDir = join(dir, 'people');
      const first = await openPglitePeopleStore({ dataDir, schema: SCHEMA });
      await first.put('p-1', { name: 'Pat Example' }, { by: 'pm-1', at: new Date() });
      await first.put('p-2', { name: 'Sam Example' }, { by: 'pm-1', at: new Date() });
      await first.erase('p-2', { by: 'admin-1', at: new Date('2020-03-01T00:00:00Z') });
      await first.close();
      const second = await openPglitePeopleStore({ dataDir, schema: SCHEMA });
      try {
        expect(await second.get('p-1')).toMatchObject({ details: { name: 'Pat Example' } });
        expect(await second.get('p-2')).toMatchObject({
          status: 'erased',
          erasedAt: '2020-03-01T00:00:00.000Z',
        });
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
