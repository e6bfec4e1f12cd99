import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { startTestApi, type TestApi } from '../support/test-app.js';
import { COUNCILS, registerCouncils } from '../fixtures/councils.js';
import { postRefused, type WriteRequest } from '../fixtures/ledger-api.js';

/** Lifecycle and identity rules: the right status and code, and nothing written. */
describe('domain refusals: lifecycles and ids (PostgreSQL)', () => {
  let store: TestStore;
  let api: TestApi;
  let admin: string;
  const { gateshead } = COUNCILS;
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
    await registerCouncils(api, [gateshead]);
    admin = await api.token('admin', { sub: 'admin-r' });
    // One peer challenge delivered, one offer declined, used by the lifecycle refusals.
    const onSite = { onSiteFrom: '2019-10-07', onSiteTo: '2019-10-10' };
    const setup: [string, unknown][] = [
      [
        '/peer-challenges/pc-done/delivery',
        { occurredAt: '2019-10-10', ...onSite, peers: 4, kind: 'corporate' },
      ],
      [
        '/change-of-control-offers',
        { offerId: 'coc-declined', occurredAt: '2019-05-10', trigger: 'control' },
      ],
      ['/change-of-control-offers/coc-declined/decline', { occurredAt: '2019-05-20' }],
      [
        '/mentoring',
        {
          mentoringId: 'mt-1',
          occurredAt: '2019-07-01',
          menteeId: 'p-1',
          menteeRole: 'councillor',
          peerType: 'member_peer',
        },
      ],
    ];
    for (const [path, body] of setup) {
      const response = await api.request('POST', `${base}${path}`, { token: admin, body });
      if (response.status !== 201)
        throw new Error(`setup ${path}: ${JSON.stringify(response.body)}`);
    }
  });
  afterAll(async () => {
    await api?.close();
    await store?.teardown();
  });
  it('delivering a peer challenge twice: 409 InvalidLifecycleStep', async () => {
    const body = {
      occurredAt: '2019-10-11',
      onSiteFrom: '2019-10-07',
      onSiteTo: '2019-10-10',
      peers: 4,
    };
    await postRefused(api, at('/peer-challenges/pc-done/delivery', body), {
      status: 409,
      code: 'InvalidLifecycleStep',
    });
  });

  it('accepting an offer never made: 404 EngagementNotFound', async () => {
    await postRefused(
      api,
      at('/change-of-control-offers/coc-never/acceptance', { occurredAt: '2019-06-01' }),
      {
        status: 404,
        code: 'EngagementNotFound',
      },
    );
  });

  it('accepting a declined offer: 409 InvalidLifecycleStep', async () => {
    await postRefused(
      api,
      at('/change-of-control-offers/coc-declined/acceptance', { occurredAt: '2019-06-01' }),
      {
        status: 409,
        code: 'InvalidLifecycleStep',
      },
    );
  });

  it('a duplicate engagement id, also across areas: 409 DuplicateEngagementId', async () => {
    await postRefused(api, at('/risk-signals', signal('mt-1', '2019-08-01')), {
      status: 409,
      code: 'DuplicateEngagementId',
    });
    const mentoring = {
      mentoringId: 'mt-1',
      occurredAt: '2019-08-01',
      menteeId: 'p-2',
      menteeRole: 'leader',
      peerType: 'member_peer',
    };
    await postRefused(api, at('/mentoring', mentoring), {
      status: 409,
      code: 'DuplicateEngagementId',
    });
  });

  it('an unknown council: 404 CouncilNotRegistered, and no stream is created', async () => {
    const unknown = 'E08000099';
    await postRefused(
      api,
      {
        gss: unknown,
        path: `/councils/${unknown}/risk-signals`,
        token: admin,
        body: signal('rs-u', '2019-08-01'),
      },
      { status: 404, code: 'CouncilNotRegistered' },
    );
    const read = await api.request('GET', `/councils/${unknown}/events`, { token: admin });
    expect(read.status).toBe(404);
  });
});
