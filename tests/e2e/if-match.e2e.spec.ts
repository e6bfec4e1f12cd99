import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { startTestApi, type TestApi } from '../support/test-app.js';
import { COUNCILS, registerCouncils, registrationBody } from '../fixtures/councils.js';
import {
  expectAppended,
  postRefused,
  postWrite,
  readEvents,
  streamRevision,
} from '../fixtures/ledger-api.js';

/** If-Match pins the revision a write expects: no re-decision, 412 when stale. */
describe('If-Match (PostgreSQL)', () => {
  let store: TestStore;
  let api: TestApi;
  let admin: string;
  const { newcastle, gateshead, kent } = COUNCILS;
  const gss = newcastle.gss;
  const conversations = `/councils/${gss}/annual-conversations`;
  let counter = 0;
  const conversation = () => ({
    conversationId: `ac-if-${++counter}`,
    occurredAt: '2019-07-15',
    adviserId: 'pa-ne',
    topics: ['governance'],
    supportAgreed: [],
  });
  const withIfMatch = (ifMatch: string, body: unknown = conversation()) =>
    postWrite(api, {
      gss,
      path: conversations,
      token: admin,
      body,
      headers: { 'if-match': ifMatch },
    });

  beforeAll(async () => {
    store = await postgresTestStore();
    api = await startTestApi(store.store);
    await registerCouncils(api, [newcastle]);
    admin = await api.token('admin', { sub: 'admin-if' });
  });
  afterAll(async () => {
    await api?.close();
    await store?.teardown();
  });

  it('the current revision: 201, and the ETag moves on by one', async () => {
    const before = await streamRevision(api, gss);
    const body = conversation();
    const response = await withIfMatch(`"${before}"`, body);
    await expectAppended(api, gss, response, before, [
      { type: 'AnnualConversationHeld', data: { gss, ...body }, recordedBy: 'admin-if' },
    ]);
  });

  it('accepts the ETag of GET /events as it comes, and weak or unquoted forms of it', async () => {
    for (const form of [
      (r: number) => `"${r}"`,
      (r: number) => `W/"${r}"`,
      (r: number) => `${r}`,
    ]) {
      const etag = (await readEvents(api, gss)).headers.get('etag')!;
      const revision = Number(JSON.parse(etag));
      const response = await withIfMatch(form(revision));
      expect(response.status).toBe(201);
      expect(response.headers.get('etag')).toBe(`"${revision + 1}"`);
    }
  });

  it('a stale revision: 412 precondition_failed, and nothing written', async () => {
    const current = await streamRevision(api, gss);
    await postRefused(
      api,
      {
        gss,
        path: conversations,
        token: admin,
        body: conversation(),
        headers: { 'if-match': `"${current - 1}"` },
      },
      { status: 412, code: 'precondition_failed' },
    );
  });

  it('a revision from the future: 412 too', async () => {
    const current = await streamRevision(api, gss);
    await postRefused(
      api,
      {
        gss,
        path: conversations,
        token: admin,
        body: conversation(),
        headers: { 'if-match': `"${current + 5}"` },
      },
      { status: 412, code: 'precondition_failed' },
    );
  });

  it.each(['abc', '*', '"1", "2"', '"01"', '"-2"', '""', '"1.0"', '"99999999999999999999"'])(
    'a malformed If-Match %p: 400 naming If-Match, nothing written',
    async (ifMatch) => {
      await postRefused(
        api,
        {
          gss,
          path: conversations,
          token: admin,
          body: conversation(),
          headers: { 'if-match': ifMatch },
        },
        { status: 400, code: 'bad_request', field: 'If-Match' },
      );
    },
  );

  it('"-1" on the registration of a new council: 201, ETag "0"', async () => {
    const response = await postWrite(api, {
      gss: gateshead.gss,
      path: '/councils',
      token: admin,
      body: registrationBody(gateshead),
      headers: { 'if-match': '"-1"' },
    });
    await expectAppended(api, gateshead.gss, response, -1, [
      { type: 'CouncilRegistered', data: registrationBody(gateshead), recordedBy: 'admin-if' },
    ]);
  });

  it('"-1" on the registration of a council that exists: 412', async () => {
    await postRefused(
      api,
      {
        gss,
        path: '/councils',
        token: admin,
        body: registrationBody(newcastle),
        headers: { 'if-match': '"-1"' },
      },
      { status: 412, code: 'precondition_failed' },
    );
  });

  it('"0" on the registration of a council with no stream yet: 412, and no stream is created', async () => {
    await postRefused(
      api,
      {
        gss: kent.gss,
        path: '/councils',
        token: admin,
        body: registrationBody(kent),
        headers: { 'if-match': '"0"' },
      },
      { status: 412, code: 'precondition_failed' },
    );
  });

  it('with a correct revision, a write that changes nothing answers 200 at that revision', async () => {
    const control = { occurredAt: '2019-05-03', control: 'Labour' };
    const path = `/councils/${gss}/political-control`;
    expect((await postWrite(api, { gss, path, token: admin, body: control })).status).toBe(201);
    const current = await streamRevision(api, gss);
    const again = await postWrite(api, {
      gss,
      path,
      token: admin,
      body: control,
      headers: { 'if-match': `"${current}"` },
    });
    expect(again.status).toBe(200);
    expect(again.headers.get('etag')).toBe(`"${current}"`);
    expect(await streamRevision(api, gss)).toBe(current);
  });
});
