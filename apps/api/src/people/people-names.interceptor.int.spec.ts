import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { firstValueFrom, of } from 'rxjs';
import { PeopleDirectory, type PeopleStore, openPglitePeopleStore } from '#ledger';
import { PeopleNamesInterceptor } from './people-names.interceptor.js';

/** The interceptor over a real (in-memory PGlite) people store. */
describe('PeopleNamesInterceptor', () => {
  let store: PeopleStore;
  let interceptor: PeopleNamesInterceptor;
  const answer = (body: unknown) =>
    firstValueFrom(
      interceptor.intercept({} as ExecutionContext, { handle: () => of(body) } as CallHandler),
    );

  beforeAll(async () => {
    store = await openPglitePeopleStore({ dataDir: 'memory://', schema: 'ledger' });
    interceptor = new PeopleNamesInterceptor(new PeopleDirectory(store));
    await store.put('pa-1', { name: 'Pat Adviser' }, { by: 'admin-1', at: new Date() });
    await store.put(
      'm-1',
      { name: 'Sam Mentee', email: 's@example.org' },
      {
        by: 'admin-1',
        at: new Date('2020-01-01T00:00:00Z'),
      },
    );
    await store.erase('m-1', { by: 'admin-1', at: new Date('2020-02-01T00:00:00Z') });
  }, 120_000);
  afterAll(async () => {
    await store?.close();
  });

  it('adds the names of the people an answer names by id, at any depth, and only names', async () => {
    const body = {
      rows: [{ gss: 'E08000003', conversations: [{ adviserId: 'pa-1' }, { menteeId: 'm-1' }] }],
      leaderId: 'l-9',
    };
    expect(await answer(body)).toEqual({
      ...body,
      people: {
        'pa-1': { name: 'Pat Adviser' },
        'm-1': { erased: true, erasedAt: '2020-02-01T00:00:00.000Z' },
        'l-9': { unknown: true },
      },
    });
  });

  it('leaves answers that name nobody as they are', async () => {
    const body = { takeUp: [{ gss: 'E08000003', name: 'Manchester City Council' }] };
    expect(await answer(body)).toBe(body);
    expect(await answer([{ adviserId: 'pa-1' }])).toEqual([{ adviserId: 'pa-1' }]);
  });

  it('marks names unresolved, not failing the answer, when the people store is down', async () => {
    const down = await openPglitePeopleStore({ dataDir: 'memory://', schema: 'ledger' });
    await down.close();
    const directory = new PeopleDirectory(down);
    expect(await directory.namesIn({ adviserId: 'pa-1' })).toEqual({
      'pa-1': { unresolved: true },
    });
  }, 120_000);
});
