import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { startTestApi, type TestApi } from '../support/test-app.js';

describe('write API smoke (PostgreSQL)', () => {
  let store: TestStore;
  let api: TestApi;

  beforeAll(async () => {
    store = await postgresTestStore();
    api = await startTestApi(store.store);
  });
  afterAll(async () => {
    await api?.close();
    await store?.teardown();
  });

  it('registers a council and records an annual conversation', async () => {
    const admin = await api.token('admin');
    const registered = await api.request('POST', '/councils', {
      token: admin,
      body: {
        gss: 'E08000003',
        occurredAt: '2016-04-01',
        name: 'Manchester City Council',
        authorityType: 'metropolitan_district',
        region: 'North West',
        validFrom: null,
        validTo: null,
      },
    });
    expect(registered.status).toBe(201);
    expect(registered.headers.get('etag')).toBe('"0"');
    const adviser = await api.token('adviser', { sub: 'pa-7', patch: ['North West'] });
    const recorded = await api.request('POST', '/councils/E08000003/annual-conversations', {
      token: adviser,
      body: {
        conversationId: 'ac-1',
        occurredAt: '2019-06-12',
        adviserId: 'pa-7',
        topics: ['finance'],
        supportAgreed: [],
      },
    });
    expect(recorded.status).toBe(201);
    const events = await api.request('GET', '/councils/E08000003/events', { token: adviser });
    expect(events.status).toBe(200);
    expect(events.body.events.map((e: { type: string }) => e.type)).toEqual([
      'CouncilRegistered',
      'AnnualConversationHeld',
    ]);
    expect(events.body.events[1]).toMatchObject({
      occurredAt: '2019-06-12',
      recordedBy: 'pa-7',
      recordedAt: '2020-03-15T12:00:00.000Z',
    });
  });
});
