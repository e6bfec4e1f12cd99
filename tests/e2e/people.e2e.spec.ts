import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type PeopleStore, connectPostgresPeopleStore } from '#ledger';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { databaseUrl } from '../support/services.js';
import { startTestApi, type TestApi } from '../support/test-app.js';
import { COUNCILS, registerCouncils } from '../fixtures/councils.js';
import { expectErrorBody, readEvents } from '../fixtures/ledger-api.js';

const { manchester } = COUNCILS;
const ALEX = { name: 'Alex Example', email: 'alex@example.org', phone: '0161 496 0000' };

/**
 * The people store over HTTP on PostgreSQL (its tables in the event store's schema), and
 * erasure: the events, the audit view and a board snapshot keep working and show the
 * person as erased, and the snapshot still verifies byte for byte.
 */
describe('people and erasure (PostgreSQL)', () => {
  let store: TestStore;
  let people: PeopleStore;
  let api: TestApi;
  let admin: string;
  let manager: string;
  let adviser: string;
  let otherAdviser: string;

  const put = (id: string, body: unknown, token: string) =>
    api.request('PUT', `/people/${id}`, { token, body });
  const get = (id: string, token: string) => api.request('GET', `/people/${id}`, { token });
  const erase = (id: string, token = admin) => api.request('DELETE', `/people/${id}`, { token });
  async function write(path: string, body: unknown): Promise<void> {
    const response = await api.request('POST', path, { token: adviser, body });
    if (response.status !== 201) throw new Error(`${path}: ${JSON.stringify(response.body)}`);
  }

  beforeAll(async () => {
    store = await postgresTestStore();
    people = await connectPostgresPeopleStore({ url: databaseUrl(), schema: store.schema! });
    api = await startTestApi(store.store, undefined, { peopleStore: people });
    admin = await api.token('admin');
    manager = await api.token('manager');
    adviser = await api.token('adviser', { sub: 'pa-1', patch: ['North West'] });
    otherAdviser = await api.token('adviser', { sub: 'pa-2', patch: ['North West'] });
    await registerCouncils(api, [manchester]);
  });
  afterAll(async () => {
    await api?.close();
    await people?.close();
    await store?.teardown();
  });

  it('an adviser records a mentee (201), reads them back, and a manager updates them (200)', async () => {
    const created = await put('mentee-1', ALEX, adviser);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'mentee-1', status: 'present', ...ALEX });
    expect(created.body.recordedBy).toBe('pa-1');
    expect((await get('mentee-1', adviser)).body).toMatchObject(ALEX);
    const updated = await put('mentee-1', { ...ALEX, organisation: 'Example Council' }, manager);
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ recordedBy: 'pa-1', updatedBy: 'manager-1' });
    expect((await put('pa-1', { name: 'Pat Adviser' }, admin)).status).toBe(201);
  });

  it('an adviser may not read or change people someone else recorded; board may not at all', async () => {
    expectErrorBody(await get('mentee-1', otherAdviser), { status: 403, code: 'forbidden' });
    expectErrorBody(await put('mentee-1', { name: 'X Y' }, otherAdviser), { status: 403 });
    expectErrorBody(await get('mentee-1', await api.token('board')), { status: 403 });
    expectErrorBody(await erase('mentee-1', manager), { status: 403, code: 'forbidden' });
    expectErrorBody(await get('nobody-1', manager), { status: 404, code: 'resource_not_found' });
    expect((await get('mentee-1', manager)).body.name).toBe('Alex Example');
  });

  it('refuses bad bodies and ids with a 400 naming the field, and writes nothing', async () => {
    const cases: [string, unknown, string][] = [
      ['mentee-2', { email: 'a@example.org' }, 'name'],
      ['mentee-2', { name: '   ' }, 'name'],
      ['mentee-2', { name: 'A B', email: 'not-an-email' }, 'email'],
      ['mentee-2', { name: 'A B', phone: 'call me' }, 'phone'],
      ['mentee-2', { name: 'A B', email: null }, 'email'],
      ['mentee-2', { name: 'A B', nickname: 'AB' }, 'nickname'],
      ['Jane%20Smith', { name: 'Jane Smith' }, 'id'],
    ];
    for (const [id, body, field] of cases) {
      const response = await put(id, body, admin);
      expectErrorBody(response, { status: 400, field });
    }
    expectErrorBody(await get('mentee-2', admin), { status: 404 });
  });

  it('shows names in the audit view, and unknown ids as unknown', async () => {
    await write(`/councils/${manchester.gss}/mentoring`, {
      mentoringId: 'mt-1',
      occurredAt: '2019-07-01',
      menteeId: 'mentee-1',
      menteeRole: 'leader',
      peerType: 'member_peer',
    });
    await write(`/councils/${manchester.gss}/annual-conversations`, {
      conversationId: 'ac-1',
      occurredAt: '2019-06-12',
      adviserId: 'pa-1',
      topics: ['finance'],
      supportAgreed: [],
    });
    await write(`/councils/${manchester.gss}/productivity-engagements`, {
      engagementId: 'pe-1',
      occurredAt: '2019-08-01',
      expertId: 'expert-7',
      focus: 'income_generation',
    });
    const page = await readEvents(api, manchester.gss);
    expect(page.body.people).toEqual({
      'mentee-1': { name: 'Alex Example' },
      'pa-1': { name: 'Pat Adviser' },
      'expert-7': { unknown: true },
    });
  });

  it('DELETE erases (204, idempotent); views and a snapshot still work and show the person as erased', async () => {
    const snapshot = await api.request('POST', '/snapshots', {
      token: manager,
      body: { kind: 'quarterly-report', params: { fy: 2019, quarter: 2 } },
    });
    expect(snapshot.status).toBe(201);
    const id = snapshot.body.id as string;
    const json = async () =>
      (await api.request('GET', `/snapshots/${id}`, { token: manager })).body;
    const html = async () =>
      (await api.request('GET', `/snapshots/${id}/report.html`, { token: manager })).body;
    const [jsonBefore, htmlBefore] = [await json(), await html()];
    const eventsBefore = (await readEvents(api, manchester.gss)).body.events;

    const erased = await erase('mentee-1');
    expect(erased.status).toBe(204);
    expect(erased.body).toBeUndefined();
    expect((await erase('mentee-1')).status).toBe(204);
    expectErrorBody(await erase('never-recorded'), { status: 404 });

    const tombstone = await get('mentee-1', manager);
    expect(tombstone.status).toBe(200);
    expect(tombstone.body).toEqual({
      id: 'mentee-1',
      status: 'erased',
      erasedAt: expect.any(String),
      erasedBy: 'admin-1',
    });
    // An adviser may see the tombstone: it holds nothing personal.
    expect((await get('mentee-1', otherAdviser)).body.status).toBe('erased');
    expect(JSON.stringify(await people.get('mentee-1'))).not.toContain('Alex');

    const page = await readEvents(api, manchester.gss);
    expect(page.status).toBe(200);
    expect(page.body.events).toEqual(eventsBefore);
    expect(page.body.people['mentee-1']).toEqual({ erased: true, erasedAt: expect.any(String) });
    expect(page.body.people['pa-1']).toEqual({ name: 'Pat Adviser' });

    const verify = await api.request('POST', `/snapshots/${id}/verify`, { token: manager });
    expect(verify.body.matches).toBe(true);
    expect(await json()).toEqual(jsonBefore);
    expect(await html()).toBe(htmlBefore);
  });

  it('never reuses an erased id (409 person_erased)', async () => {
    expectErrorBody(await put('mentee-1', ALEX, admin), { status: 409, code: 'person_erased' });
    expect((await get('mentee-1', admin)).body.status).toBe('erased');
  });

  it('answers 503 when the people store is down; the audit view still answers, names unresolved', async () => {
    await people.close();
    expectErrorBody(await put('mentee-3', ALEX, admin), {
      status: 503,
      code: 'people_store_unavailable',
    });
    const page = await readEvents(api, manchester.gss);
    expect(page.status).toBe(200);
    expect(page.body.people['pa-1']).toEqual({ unresolved: true });
  });
});
