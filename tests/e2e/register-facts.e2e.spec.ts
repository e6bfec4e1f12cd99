import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { startTestApi, type TestApi } from '../support/test-app.js';
import { COUNCILS, registrationBody } from '../fixtures/councils.js';
import {
  postEvent,
  postRefused,
  postWrite,
  streamEvents,
  streamRevision,
} from '../fixtures/ledger-api.js';

/** Register facts (who the council is and who runs it), written by an admin. */
describe('register facts (PostgreSQL)', () => {
  let store: TestStore;
  let api: TestApi;
  let admin: string;
  const bucks = COUNCILS.buckinghamshireCounty;
  const dorset = COUNCILS.dorset;
  const base = `/councils/${bucks.gss}`;

  beforeAll(async () => {
    store = await postgresTestStore();
    api = await startTestApi(store.store);
    admin = await api.token('admin', { sub: 'admin-7' });
  });
  afterAll(async () => {
    await api?.close();
    await store?.teardown();
  });

  it('POST /councils registers a council: 201, ETag "0", CouncilRegistered with its facts', async () => {
    const body = registrationBody(bucks, '2016-04-01');
    const event = await postEvent(
      api,
      {
        gss: bucks.gss,
        path: '/councils',
        token: admin,
        body,
        headers: { 'x-correlation-id': 'reg-1' },
      },
      { type: 'CouncilRegistered', data: body, recordedBy: 'admin-7' },
    );
    expect(event.revision).toBe('0');
    expect(event).toMatchObject({ correlationId: 'reg-1', causationId: 'reg-1' });
  });

  it('registers a council created on a known day, keeping validFrom', async () => {
    const body = registrationBody(dorset);
    await postEvent(
      api,
      { gss: dorset.gss, path: '/councils', token: admin, body },
      {
        type: 'CouncilRegistered',
        data: { ...body, validFrom: '2019-04-01' },
        recordedBy: 'admin-7',
      },
    );
  });

  it('registering the same council again writes nothing: 200 with the current ETag', async () => {
    const before = await streamRevision(api, bucks.gss);
    const response = await postWrite(api, {
      gss: bucks.gss,
      path: '/councils',
      token: admin,
      body: registrationBody(bucks, '2016-04-01'),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe(`"${before}"`);
    expect(response.body).toMatchObject({ eventIds: [], replayed: false });
    expect(await streamRevision(api, bucks.gss)).toBe(before);
  });

  it('registering it again with other details is refused: 409 CouncilAlreadyRegistered', async () => {
    await postRefused(
      api,
      {
        gss: bucks.gss,
        path: '/councils',
        token: admin,
        body: { ...registrationBody(bucks, '2016-04-01'), name: 'Bucks CC' },
      },
      { status: 409, code: 'CouncilAlreadyRegistered' },
    );
  });

  it('records a change of political control, and a restatement of it writes nothing', async () => {
    const body = { occurredAt: '2017-05-05', control: 'Conservative' };
    await postEvent(
      api,
      { gss: bucks.gss, path: `${base}/political-control`, token: admin, body },
      { type: 'PoliticalControlChanged', data: { gss: bucks.gss, ...body }, recordedBy: 'admin-7' },
    );
    const before = await streamRevision(api, bucks.gss);
    const again = await postWrite(api, {
      gss: bucks.gss,
      path: `${base}/political-control`,
      token: admin,
      body,
    });
    expect(again.status).toBe(200);
    expect(again.body.eventIds).toEqual([]);
    expect(await streamRevision(api, bucks.gss)).toBe(before);
    await postEvent(
      api,
      {
        gss: bucks.gss,
        path: `${base}/political-control`,
        token: admin,
        body: { occurredAt: '2019-05-03', control: 'No overall control' },
      },
      {
        type: 'PoliticalControlChanged',
        data: { gss: bucks.gss, occurredAt: '2019-05-03', control: 'No overall control' },
        recordedBy: 'admin-7',
      },
    );
  });

  it('records a new leader', async () => {
    const body = { occurredAt: '2019-05-22', role: 'leader', leaderId: 'person-4711' };
    await postEvent(
      api,
      { gss: bucks.gss, path: `${base}/leader`, token: admin, body },
      { type: 'LeaderChanged', data: { gss: bucks.gss, ...body }, recordedBy: 'admin-7' },
    );
  });

  it('records a change of LGA membership', async () => {
    const body = { occurredAt: '2019-04-01', membership: 'member' };
    await postEvent(
      api,
      { gss: bucks.gss, path: `${base}/lga-membership`, token: admin, body },
      { type: 'LgaMembershipChanged', data: { gss: bucks.gss, ...body }, recordedBy: 'admin-7' },
    );
  });

  it('records the abolition with its successor', async () => {
    const body = { occurredAt: '2019-05-22', lastDay: '2020-03-31', successors: ['E06000060'] };
    await postEvent(
      api,
      { gss: bucks.gss, path: `${base}/abolition`, token: admin, body },
      { type: 'CouncilAbolished', data: { gss: bucks.gss, ...body }, recordedBy: 'admin-7' },
    );
  });

  it('leaves the whole register history in the stream, in order, each by its recorder', async () => {
    const events = await streamEvents(api, bucks.gss);
    expect(events.map((event) => event.type)).toEqual([
      'CouncilRegistered',
      'PoliticalControlChanged',
      'PoliticalControlChanged',
      'LeaderChanged',
      'LgaMembershipChanged',
      'CouncilAbolished',
    ]);
    expect(events.map((event) => event.revision)).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(new Set(events.map((event) => event.recordedBy))).toEqual(new Set(['admin-7']));
    const positions = events.map((event) => BigInt(event.position));
    expect([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(positions);
  });
});
