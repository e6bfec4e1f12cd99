import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { startTestApi, type TestApi } from '../support/test-app.js';
import { COUNCILS, registerCouncils } from '../fixtures/councils.js';
import {
  expectAppended,
  postEvent,
  postRefused,
  postWrite,
  streamRevision,
} from '../fixtures/ledger-api.js';

/** Corrections and retractions address an earlier event by the id the ledger gave it. */
describe('corrections and retractions (PostgreSQL)', () => {
  let store: TestStore;
  let api: TestApi;
  let adviser: string;
  const gss = COUNCILS.kent.gss;
  const base = `/councils/${gss}`;

  beforeAll(async () => {
    store = await postgresTestStore();
    api = await startTestApi(store.store);
    await registerCouncils(api, [COUNCILS.kent]);
    adviser = await api.token('adviser', { sub: 'pa-se', patch: ['South East'] });
  });
  afterAll(async () => {
    await api?.close();
    await store?.teardown();
  });

  const raiseSignal = (signalId: string) =>
    postEvent(
      api,
      {
        gss,
        path: `${base}/risk-signals`,
        token: adviser,
        body: {
          signalId,
          occurredAt: '2019-10-01',
          kind: 'other',
          severity: 'medium',
          evidence: 'x',
        },
      },
      {
        type: 'RiskSignalRaised',
        data: {
          gss,
          signalId,
          occurredAt: '2019-10-01',
          kind: 'other',
          severity: 'medium',
          evidence: 'x',
        },
        recordedBy: 'pa-se',
      },
    );

  it('corrects fields of an earlier event by its eventId; the original stays as it was', async () => {
    const original = await raiseSignal('rs-correct');
    const body = {
      occurredAt: '2019-10-08',
      reason: 'Severity misjudged',
      correction: { severity: 'critical' },
    };
    await postEvent(
      api,
      { gss, path: `${base}/events/${original.eventId}/correction`, token: adviser, body },
      {
        type: 'EventCorrected',
        data: { gss, eventId: original.eventId, targetType: 'RiskSignalRaised', ...body },
        recordedBy: 'pa-se',
      },
    );
  });

  it('retracts an earlier event by its eventId', async () => {
    const delivered = await postEvent(
      api,
      {
        gss,
        path: `${base}/offer-deliveries`,
        token: adviser,
        body: {
          deliveryId: 'od-wrong',
          occurredAt: '2019-09-01',
          offerCode: 'ignite',
          participants: 2,
        },
      },
      {
        type: 'OfferDelivered',
        data: {
          gss,
          deliveryId: 'od-wrong',
          occurredAt: '2019-09-01',
          offerCode: 'ignite',
          participants: 2,
        },
        recordedBy: 'pa-se',
      },
    );
    const body = { occurredAt: '2019-09-20', reason: 'Logged against the wrong council' };
    await postEvent(
      api,
      { gss, path: `${base}/events/${delivered.eventId}/retraction`, token: adviser, body },
      {
        type: 'EventRetracted',
        data: { gss, eventId: delivered.eventId, targetType: 'OfferDelivered', ...body },
        recordedBy: 'pa-se',
      },
    );
    // Retracting it a second time is refused and writes nothing.
    await postRefused(
      api,
      { gss, path: `${base}/events/${delivered.eventId}/retraction`, token: adviser, body },
      { status: 409, code: 'EventAlreadyRetracted' },
    );
  });

  it('refuses to amend an event this council does not have: 404 EventNotFound', async () => {
    await postRefused(
      api,
      {
        gss,
        path: `${base}/events/3b241101-e2bb-4255-8caf-4136c566a962/retraction`,
        token: adviser,
        body: { occurredAt: '2019-09-20', reason: 'no such event' },
      },
      { status: 404, code: 'EventNotFound' },
    );
  });

  describe('a correction of a peer challenge kind, which also corrects its delivery', () => {
    let requestedId: string;
    let deliveredId: string;

    beforeAll(async () => {
      const requested = await postEvent(
        api,
        {
          gss,
          path: `${base}/peer-challenges`,
          token: adviser,
          body: { peerChallengeId: 'pc-kind', occurredAt: '2019-05-01', kind: 'corporate' },
        },
        {
          type: 'PeerChallengeRequested',
          data: { gss, peerChallengeId: 'pc-kind', occurredAt: '2019-05-01', kind: 'corporate' },
          recordedBy: 'pa-se',
        },
      );
      requestedId = requested.eventId;
      const onSite = { onSiteFrom: '2019-10-07', onSiteTo: '2019-10-10' };
      const delivered = await postEvent(
        api,
        {
          gss,
          path: `${base}/peer-challenges/pc-kind/delivery`,
          token: adviser,
          body: { occurredAt: '2019-10-10', ...onSite, peers: 4 },
        },
        {
          type: 'PeerChallengeDelivered',
          data: {
            gss,
            peerChallengeId: 'pc-kind',
            occurredAt: '2019-10-10',
            ...onSite,
            peers: 4,
            kind: 'corporate',
          },
          recordedBy: 'pa-se',
        },
      );
      deliveredId = delivered.eventId;
    });

    const correct = (kind: string, headers?: Record<string, string>) =>
      postWrite(api, {
        gss,
        path: `${base}/events/${requestedId}/correction`,
        token: adviser,
        body: { occurredAt: '2019-11-01', reason: 'It was a finance review', correction: { kind } },
        ...(headers ? { headers } : {}),
      });

    it('writes one EventCorrected per event carrying the kind, in one append', async () => {
      const before = await streamRevision(api, gss);
      const response = await correct('finance', { 'x-correlation-id': 'fix-kind-1' });
      const common = {
        gss,
        occurredAt: '2019-11-01',
        reason: 'It was a finance review',
        correction: { kind: 'finance' },
      };
      const events = await expectAppended(api, gss, response, before, [
        {
          type: 'EventCorrected',
          data: { ...common, eventId: requestedId, targetType: 'PeerChallengeRequested' },
          recordedBy: 'pa-se',
        },
        {
          type: 'EventCorrected',
          data: { ...common, eventId: deliveredId, targetType: 'PeerChallengeDelivered' },
          recordedBy: 'pa-se',
        },
      ]);
      for (const event of events) expect(event).toMatchObject({ correlationId: 'fix-kind-1' });
    });

    it('gives the events one request wrote one correlation id, also when the caller sent none', async () => {
      const before = await streamRevision(api, gss);
      const response = await correct('childrens_services');
      expect(response.status).toBe(201);
      expect(response.body.eventIds).toHaveLength(2);
      const { events } = (
        await api.request('GET', `${base}/events?fromRevision=${before + 1}`, {
          token: adviser,
        })
      ).body as { events: { correlationId: string; causationId: string }[] };
      expect(events).toHaveLength(2);
      expect(events[1]!.correlationId).toBe(events[0]!.correlationId);
      expect(events[1]!.causationId).toBe(events[0]!.causationId);
    });
  });
});
