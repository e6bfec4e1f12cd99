import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PeopleStoreUnavailable, connectPostgresPeopleStore } from '#ledger';
import { databaseUrl, requireService } from '../support/services.js';
import { peopleStoreContract } from './people-store.contract.js';

peopleStoreContract('PostgreSQL', async () => {
  await requireService('PostgreSQL');
  const schema = `people_test_${randomBytes(6).toString('hex')}`;
  const store = await connectPostgresPeopleStore({ url: databaseUrl(), schema });
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  return {
    store,
    async rawRowsFor(id) {
      const { rows } = await client.query<{ row: string }>(
        `SELECT row_to_json(p)::text AS row FROM "${schema}".people p WHERE id = $1
         UNION ALL
         SELECT row_to_json(e)::text FROM "${schema}".people_erased e WHERE id = $1`,
        [id],
      );
      return rows.map((r) => r.row);
    },
    async teardown() {
      await store.close();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
});

describe('PostgreSQL people store', () => {
  it('fails to open with PeopleStoreUnavailable when the server does not answer', async () => {
    await expect(
      connectPostgresPeopleStore({
        url: 'postgres://postgres@127.0.0.1:1/test',
        schema: 'ledger',
        connectionTimeoutMillis: 1_000,
      }),
    ).rejects.toBeInstanceOf(PeopleStoreUnavailable);
  });

  it('migrates the same schema twice at once without error (processes starting together)', async () => {
    await requireService('PostgreSQL');
    const schema = `people_test_${randomBytes(6).toString('hex')}`;
    const stores = await Promise.all([
      connectPostgresPeopleStore({ url: databaseUrl(), schema }),
      connectPostgresPeopleStore({ url: databaseUrl(), schema }),
    ]);
    try {
      await stores[0].put('p-1', { name: 'Pat Example' }, { by: 'pm-1', at: new Date() });
      expect((await stores[1].get('p-1'))?.status).toBe('present');
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      const client = new pg.Client({ connectionString: databaseUrl() });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  });
});
