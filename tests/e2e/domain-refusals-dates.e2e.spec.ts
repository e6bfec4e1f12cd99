import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { TEST_NOW, startTestApi, type TestApi } from '../support/test-app.js';
import { COUNCILS, registerCouncils } from '../fixtures/councils.js';
import { postRefused, postWrite, streamEvents, type WriteRequest } from '../fixtures/ledger-api.js';

/** Date, life-span and catalogue rules: the right status and code, and nothing written. */
describe('domain refusals: dates and catalogue (PostgreSQL)', () => {
  let store: TestStore;
  let api: TestApi;
  let admin: string;
  const { gateshead, dorset, buckinghamshireCounty: bucks } = COUNCILS;
  const base = `/councils/${gateshead.gss}`;

  /** A write to Gateshead as an admin. */
  const at = (path: string, body: unknown): WriteRequest => ({
    gss: gateshead.gss,
    path: `${base}${path}`,
    token: admin,
    body,
  });
  const signal = (signalId: string, occurredAt: string) => ({
    signalId,
    occurredAt,
    kind: 'other',
    severity: 'low',
    evidence: 'seen in the accounts',
  });

  beforeAll(async () => {
    store = await postgresTestStore();
    api = await startTestApi(store.store);
    await registerCouncils(api, [gateshead, dorset, bucks]);
    admin = await api.token('admin', { sub: 'admin-r' });
  });
  afterAll(async () => {
    await api?.close();
    await store?.teardown();
  });

  it('a date after today (2020-03-15): 400 DateInFuture', async () => {
    await postRefused(api, at('/risk-signals', signal('rs-future', '2020-03-16')), {
      status: 400,
      code: 'DateInFuture',
    });
  });

  it('a delivery whose on-site days end after today: 400 DateInFuture', async () => {
    const body = {
      occurredAt: '2020-03-13',
      onSiteFrom: '2020-03-13',
      onSiteTo: '2020-03-17',
      peers: 4,
      kind: 'finance',
    };
    await postRefused(api, at('/peer-challenges/pc-future/delivery', body), {
      status: 400,
      code: 'DateInFuture',
    });
  });

  it('a date before the ledger’s records start (2000-01-01): 400 DateOutOfRange', async () => {
    await postRefused(api, at('/risk-signals', signal('rs-1999', '1999-12-31')), {
      status: 400,
      code: 'DateOutOfRange',
    });
  });

  it('a date before the council existed (Dorset Council, from 2019-04-01): 400 DateBeforeCouncilExisted', async () => {
    await postRefused(
      api,
      {
        gss: dorset.gss,
        path: `/councils/${dorset.gss}/risk-signals`,
        token: admin,
        body: signal('rs-dorset', '2019-03-31'),
      },
      { status: 400, code: 'DateBeforeCouncilExisted' },
    );
  });

  it('an interaction after abolition (Buckinghamshire County Council, last day 2020-03-31): 409 CouncilAbolished', async () => {
    api.clock.set(new Date('2020-04-15T09:00:00Z'));
    try {
      await postRefused(
        api,
        {
          gss: bucks.gss,
          path: `/councils/${bucks.gss}/annual-conversations`,
          token: admin,
          body: {
            conversationId: 'ac-late',
            occurredAt: '2020-04-01',
            adviserId: 'pa-1',
            topics: [],
            supportAgreed: [],
          },
        },
        { status: 409, code: 'CouncilAbolished' },
      );
    } finally {
      api.clock.set(TEST_NOW);
    }
  });

  it('takes today as the date in London: 2019-07-01 is already today at 23:30 UTC on 30 June', async () => {
    const instant = new Date('2019-06-30T23:30:00Z');
    api.clock.set(instant);
    try {
      const response = await postWrite(api, at('/risk-signals', signal('rs-bst', '2019-07-01')));
      expect(response.status).toBe(201);
      const events = await streamEvents(api, gateshead.gss);
      expect(events.at(-1)).toMatchObject({
        type: 'RiskSignalRaised',
        occurredAt: '2019-07-01',
        recordedAt: instant.toISOString(),
        recordedBy: 'admin-r',
      });
    } finally {
      api.clock.set(TEST_NOW);
    }
  });

  it('an offer not in that year’s catalogue: 400 OfferNotInCatalogue', async () => {
    const body = {
      deliveryId: 'od-x',
      occurredAt: '2019-09-01',
      offerCode: 'underwater-basket-weaving',
      participants: 3,
    };
    await postRefused(api, at('/offer-deliveries', body), {
      status: 400,
      code: 'OfferNotInCatalogue',
    });
  });

  it('an offer in a year that has no catalogue (2018/19): 400 OfferNotInCatalogue', async () => {
    const body = {
      deliveryId: 'od-y',
      occurredAt: '2018-09-01',
      offerCode: 'be-a-councillor',
      participants: 3,
    };
    await postRefused(api, at('/offer-deliveries', body), {
      status: 400,
      code: 'OfferNotInCatalogue',
    });
  });

  it('an offer that has its own command (annual-conversation): 400 InvalidCommand', async () => {
    const body = {
      deliveryId: 'od-z',
      occurredAt: '2019-09-01',
      offerCode: 'annual-conversation',
      participants: 0,
    };
    await postRefused(api, at('/offer-deliveries', body), { status: 400, code: 'InvalidCommand' });
  });

  it('a domain 400 names its field in errors[], like a validation 400', async () => {
    const response = await postRefused(
      api,
      at('/risk-signals', signal('rs-future-2', '2020-04-01')),
      {
        status: 400,
        code: 'DateInFuture',
      },
    );
    expect(response.body.errors).toEqual([{ field: 'occurredAt', reason: expect.any(String) }]);
  });
});
