import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { startTestApi, type TestApi } from '../support/test-app.js';
import { COUNCILS, registerCouncils } from '../fixtures/councils.js';
import { postEvent, streamEvents } from '../fixtures/ledger-api.js';

/** Request → schedule → delivery → report → action plan → progress review. */
describe('peer challenge lifecycle (PostgreSQL)', () => {
  let store: TestStore;
  let api: TestApi;
  let adviser: string;
  const leeds = COUNCILS.leeds;
  const gss = leeds.gss;
  const base = `/councils/${gss}/peer-challenges`;

  beforeAll(async () => {
    store = await postgresTestStore();
    api = await startTestApi(store.store);
    await registerCouncils(api, [leeds]);
    adviser = await api.token('adviser', { sub: 'pa-yh', patch: ['Yorkshire and the Humber'] });
  });
  afterAll(async () => {
    await api?.close();
    await store?.teardown();
  });

  it('records every step of a corporate peer challenge, each as its own event', async () => {
    const id = 'pc-2019-017';
    const onSite = { onSiteFrom: '2019-10-07', onSiteTo: '2019-10-10' };
    const post = (path: string, body: Record<string, unknown>, type: string, data: object) =>
      postEvent(
        api,
        { gss, path, token: adviser, body },
        { type, data: { gss, ...data }, recordedBy: 'pa-yh' },
      );

    await post(
      base,
      { peerChallengeId: id, occurredAt: '2019-05-01', kind: 'corporate' },
      'PeerChallengeRequested',
      { occurredAt: '2019-05-01', peerChallengeId: id, kind: 'corporate' },
    );
    await post(
      `${base}/${id}/schedule`,
      { occurredAt: '2019-06-03', ...onSite },
      'PeerChallengeScheduled',
      { occurredAt: '2019-06-03', peerChallengeId: id, ...onSite },
    );
    await post(
      `${base}/${id}/delivery`,
      { occurredAt: '2019-10-10', ...onSite, peers: 4 },
      'PeerChallengeDelivered',
      { occurredAt: '2019-10-10', peerChallengeId: id, ...onSite, peers: 4, kind: 'corporate' },
    );
    await post(
      `${base}/${id}/report`,
      { occurredAt: '2019-11-15' },
      'PeerChallengeReportPublished',
      { occurredAt: '2019-11-15', peerChallengeId: id },
    );
    await post(
      `${base}/${id}/action-plan`,
      { occurredAt: '2020-01-10' },
      'PeerChallengeActionPlanPublished',
      { occurredAt: '2020-01-10', peerChallengeId: id },
    );
    await post(
      `${base}/${id}/progress-review`,
      { occurredAt: '2020-03-10' },
      'PeerChallengeProgressReviewHeld',
      { occurredAt: '2020-03-10', peerChallengeId: id },
    );

    const steps = (await streamEvents(api, gss)).filter(
      (event) => event.data['peerChallengeId'] === id,
    );
    expect(steps.map((event) => event.occurredAt)).toEqual([
      '2019-05-01',
      '2019-06-03',
      '2019-10-10',
      '2019-11-15',
      '2020-01-10',
      '2020-03-10',
    ]);
  });

  it('records a service-specific challenge with its service', async () => {
    const body = {
      peerChallengeId: 'pc-2019-housing',
      occurredAt: '2019-07-01',
      kind: 'service_specific',
      service: 'housing',
    };
    await postEvent(
      api,
      { gss, path: base, token: adviser, body },
      { type: 'PeerChallengeRequested', data: { gss, ...body }, recordedBy: 'pa-yh' },
    );
  });

  it('lets a delivery create a challenge that was never requested, when it names its kind', async () => {
    const body = {
      occurredAt: '2019-12-06',
      onSiteFrom: '2019-12-02',
      onSiteTo: '2019-12-05',
      peers: 5,
      kind: 'finance',
    };
    await postEvent(
      api,
      { gss, path: `${base}/pc-2019-fin/delivery`, token: adviser, body },
      {
        type: 'PeerChallengeDelivered',
        data: { gss, peerChallengeId: 'pc-2019-fin', ...body },
        recordedBy: 'pa-yh',
      },
    );
  });

  it('lets an admin record a step too, as its own subject', async () => {
    const admin = await api.token('admin', { sub: 'admin-3' });
    const body = {
      peerChallengeId: 'pc-2019-comms',
      occurredAt: '2020-03-15',
      kind: 'communications',
    };
    await postEvent(
      api,
      { gss, path: base, token: admin, body },
      { type: 'PeerChallengeRequested', data: { gss, ...body }, recordedBy: 'admin-3' },
    );
  });
});
