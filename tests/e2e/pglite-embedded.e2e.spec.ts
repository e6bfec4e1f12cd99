import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pgliteTestStore, type TestStore } from '../support/stores.js';
import { startTestApi, type TestApi } from '../support/test-app.js';
import { COUNCILS, registerCouncil, registrationBody } from '../fixtures/councils.js';
import {
  postEvent,
  postRefused,
  postWrite,
  streamEvents,
  streamRevision,
} from '../fixtures/ledger-api.js';

/** The same API over the embedded default store (PGlite): happy paths and idempotency. */
describe('write API on the embedded store (PGlite)', () => {
  let store: TestStore;
  let api: TestApi;
  let adviser: string;
  const { cornwall, dorset } = COUNCILS;
  const gss = cornwall.gss;
  const base = `/councils/${gss}`;
  const signal = (signalId: string) => ({
    signalId,
    occurredAt: '2019-09-01',
    kind: 'inadequate_inspection',
    severity: 'high',
    evidence: 'Ofsted rated children’s services inadequate',
  });

  beforeAll(async () => {
    store = await pgliteTestStore();
    api = await startTestApi(store.store);
    adviser = await api.token('adviser', { sub: 'pa-sw', patch: ['South West'] });
  });
  afterAll(async () => {
    await api?.close();
    await store?.teardown();
  });

  it('registers councils: 201 with ETag "0"', async () => {
    const admin = await api.token('admin', { sub: 'admin-lite' });
    const body = registrationBody(cornwall);
    await postEvent(
      api,
      { gss, path: '/councils', token: admin, body },
      { type: 'CouncilRegistered', data: body, recordedBy: 'admin-lite' },
    );
    const dorsetResponse = await registerCouncil(api, dorset);
    expect(dorsetResponse.headers.get('etag')).toBe('"0"');
  });

  it('records a peer challenge from request to progress review', async () => {
    const id = 'pc-lite';
    const onSite = { onSiteFrom: '2019-10-07', onSiteTo: '2019-10-10' };
    const steps: [string, Record<string, unknown>, string, Record<string, unknown>][] = [
      [
        '',
        { peerChallengeId: id, occurredAt: '2019-05-01', kind: 'finance' },
        'PeerChallengeRequested',
        { peerChallengeId: id, occurredAt: '2019-05-01', kind: 'finance' },
      ],
      [
        `/${id}/schedule`,
        { occurredAt: '2019-06-01', ...onSite },
        'PeerChallengeScheduled',
        { peerChallengeId: id, occurredAt: '2019-06-01', ...onSite },
      ],
      [
        `/${id}/delivery`,
        { occurredAt: '2019-10-10', ...onSite, peers: 3 },
        'PeerChallengeDelivered',
        { peerChallengeId: id, occurredAt: '2019-10-10', ...onSite, peers: 3, kind: 'finance' },
      ],
      [
        `/${id}/report`,
        { occurredAt: '2019-11-01' },
        'PeerChallengeReportPublished',
        { peerChallengeId: id, occurredAt: '2019-11-01' },
      ],
      [
        `/${id}/action-plan`,
        { occurredAt: '2019-12-01' },
        'PeerChallengeActionPlanPublished',
        { peerChallengeId: id, occurredAt: '2019-12-01' },
      ],
      [
        `/${id}/progress-review`,
        { occurredAt: '2020-03-01' },
        'PeerChallengeProgressReviewHeld',
        { peerChallengeId: id, occurredAt: '2020-03-01' },
      ],
    ];
    for (const [suffix, body, type, data] of steps) {
      await postEvent(
        api,
        { gss, path: `${base}/peer-challenges${suffix}`, token: adviser, body },
        { type, data: { gss, ...data }, recordedBy: 'pa-sw' },
      );
    }
  });

  it('records an annual conversation, a risk signal and an offer delivery', async () => {
    const conversation = {
      conversationId: 'ac-lite',
      occurredAt: '2019-06-12',
      adviserId: 'pa-sw',
      topics: ['finance'],
      supportAgreed: [],
    };
    await postEvent(
      api,
      { gss, path: `${base}/annual-conversations`, token: adviser, body: conversation },
      { type: 'AnnualConversationHeld', data: { gss, ...conversation }, recordedBy: 'pa-sw' },
    );
    await postEvent(
      api,
      { gss, path: `${base}/risk-signals`, token: adviser, body: signal('rs-lite') },
      { type: 'RiskSignalRaised', data: { gss, ...signal('rs-lite') }, recordedBy: 'pa-sw' },
    );
    const delivery = {
      deliveryId: 'od-lite',
      occurredAt: '2019-09-12',
      offerCode: 'springboard',
      participants: 4,
    };
    await postEvent(
      api,
      { gss, path: `${base}/offer-deliveries`, token: adviser, body: delivery },
      { type: 'OfferDelivered', data: { gss, ...delivery }, recordedBy: 'pa-sw' },
    );
  });

  it('refuses a rule-breaking write and writes nothing (date before Dorset Council existed)', async () => {
    await postRefused(
      api,
      {
        gss: dorset.gss,
        path: `/councils/${dorset.gss}/risk-signals`,
        token: adviser,
        body: { ...signal('rs-early'), occurredAt: '2019-03-01' },
      },
      { status: 400, code: 'DateBeforeCouncilExisted' },
    );
  });

  it('the same Idempotency-Key twice: 201, then 200 replayed at the same revision, one event', async () => {
    const before = await streamRevision(api, gss);
    const send = () =>
      postWrite(api, {
        gss,
        path: `${base}/risk-signals`,
        token: adviser,
        body: signal('rs-lite-key'),
        headers: { 'idempotency-key': 'lite-1' },
      });
    const first = await send();
    const second = await send();
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await streamRevision(api, gss)).toBe(before + 1);
  });

  it('20 concurrent requests with the same key append exactly one event and agree on the revision', async () => {
    const before = await streamRevision(api, gss);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        postWrite(api, {
          gss,
          path: `${base}/risk-signals`,
          token: adviser,
          body: signal('rs-lite-burst'),
          headers: { 'idempotency-key': 'lite-burst' },
        }),
      ),
    );
    expect(answers.every((answer) => answer.status === 200 || answer.status === 201)).toBe(true);
    expect(new Set(answers.map((answer) => answer.headers.get('etag')))).toEqual(
      new Set([`"${before + 1}"`]),
    );
    const events = (await streamEvents(api, gss)).slice(before + 1);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'RiskSignalRaised', recordedBy: 'pa-sw' });
  });

  it('different keys write separate events', async () => {
    const before = await streamRevision(api, gss);
    for (const key of ['lite-a', 'lite-b']) {
      const response = await postWrite(api, {
        gss,
        path: `${base}/risk-signals`,
        token: adviser,
        body: signal(`rs-${key}`),
        headers: { 'idempotency-key': key },
      });
      expect(response.status).toBe(201);
    }
    expect(await streamRevision(api, gss)).toBe(before + 2);
  });
});
