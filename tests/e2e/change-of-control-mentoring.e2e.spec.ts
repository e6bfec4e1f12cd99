import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { startTestApi, type TestApi } from '../support/test-app.js';
import { COUNCILS, registerCouncils } from '../fixtures/councils.js';
import { postEvent } from '../fixtures/ledger-api.js';

/** Change-of-control offers (accepted, declined, supported) and peer mentoring. */
describe('change-of-control offers and mentoring (PostgreSQL)', () => {
  let store: TestStore;
  let api: TestApi;
  let adviser: string;
  const gss = COUNCILS.birmingham.gss;
  const offers = `/councils/${gss}/change-of-control-offers`;
  const mentoring = `/councils/${gss}/mentoring`;

  const post = (path: string, body: Record<string, unknown>, type: string, data: object) =>
    postEvent(
      api,
      { gss, path, token: adviser, body },
      { type, data: { gss, ...data }, recordedBy: 'pa-wm' },
    );

  beforeAll(async () => {
    store = await postgresTestStore();
    api = await startTestApi(store.store);
    await registerCouncils(api, [COUNCILS.birmingham]);
    // Patch named by GSS code rather than by region.
    adviser = await api.token('adviser', { sub: 'pa-wm', patch: [gss] });
  });
  afterAll(async () => {
    await api?.close();
    await store?.teardown();
  });

  it('offer → acceptance → member-peer support', async () => {
    const offerId = 'coc-2019-05';
    await post(
      offers,
      { offerId, occurredAt: '2019-05-10', trigger: 'control' },
      'ChangeOfControlOfferMade',
      { occurredAt: '2019-05-10', offerId, trigger: 'control' },
    );
    await post(
      `${offers}/${offerId}/acceptance`,
      { occurredAt: '2019-05-20' },
      'ChangeOfControlOfferAccepted',
      { occurredAt: '2019-05-20', offerId },
    );
    await post(
      `${offers}/${offerId}/support`,
      { occurredAt: '2019-06-14', days: 2.5, memberPeers: 2 },
      'ChangeOfControlSupportDelivered',
      { occurredAt: '2019-06-14', offerId, days: 2.5, memberPeers: 2 },
    );
  });

  it('offer → decline', async () => {
    const offerId = 'coc-2019-leader';
    await post(
      offers,
      { offerId, occurredAt: '2019-06-01', trigger: 'leader' },
      'ChangeOfControlOfferMade',
      { occurredAt: '2019-06-01', offerId, trigger: 'leader' },
    );
    await post(
      `${offers}/${offerId}/decline`,
      { occurredAt: '2019-06-20' },
      'ChangeOfControlOfferDeclined',
      { occurredAt: '2019-06-20', offerId },
    );
  });

  it('offer → support straight away (support implies acceptance), at the limits of the ranges', async () => {
    const offerId = 'coc-2019-11';
    await post(
      offers,
      { offerId, occurredAt: '2019-11-01', trigger: 'control' },
      'ChangeOfControlOfferMade',
      { occurredAt: '2019-11-01', offerId, trigger: 'control' },
    );
    await post(
      `${offers}/${offerId}/support`,
      { occurredAt: '2019-11-20', days: 5, memberPeers: 10 },
      'ChangeOfControlSupportDelivered',
      { occurredAt: '2019-11-20', offerId, days: 5, memberPeers: 10 },
    );
  });

  it('mentoring start → completion', async () => {
    const mentoringId = 'mt-2019-003';
    const started = {
      mentoringId,
      occurredAt: '2019-07-01',
      menteeId: 'person-1024',
      menteeRole: 'leader',
      peerType: 'member_peer',
    };
    await post(mentoring, started, 'MentoringStarted', started);
    await post(
      `${mentoring}/${mentoringId}/completion`,
      { occurredAt: '2020-01-31' },
      'MentoringCompleted',
      { occurredAt: '2020-01-31', mentoringId },
    );
  });

  it('mentoring of a chief executive by an officer peer', async () => {
    const started = {
      mentoringId: 'mt-2019-004',
      occurredAt: '2019-09-02',
      menteeId: 'person-2048',
      menteeRole: 'chief_executive',
      peerType: 'officer_peer',
    };
    await post(mentoring, started, 'MentoringStarted', started);
  });
});
