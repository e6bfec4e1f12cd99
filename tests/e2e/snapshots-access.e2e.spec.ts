import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Role } from '#ledger';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { startTestApi, type TestApi } from '../support/test-app.js';
import { COUNCILS, registerCouncils } from '../fixtures/councils.js';
import { expectErrorBody } from '../fixtures/ledger-api.js';

type Caller = Role | 'none';
type Endpoint = readonly [method: string, path: (id: string) => string, body?: unknown];

const ENDPOINTS: Readonly<Record<string, Endpoint>> = {
  create: [
    'POST',
    () => '/snapshots',
    { kind: 'quarterly-report', params: { fy: 2019, quarter: 4 } },
  ],
  list: ['GET', () => '/snapshots'],
  read: ['GET', (id) => `/snapshots/${id}`],
  csv: ['GET', (id) => `/snapshots/${id}?format=csv`],
  html: ['GET', (id) => `/snapshots/${id}/report.html`],
  verify: ['POST', (id) => `/snapshots/${id}/verify`],
};

/** Board readers read; managers and admins also create and verify; advisers get nothing. */
const MATRIX: Readonly<Record<Caller, Readonly<Record<keyof typeof ENDPOINTS, number>>>> = {
  adviser: { create: 403, list: 403, read: 403, csv: 403, html: 403, verify: 403 },
  manager: { create: 201, list: 200, read: 200, csv: 200, html: 200, verify: 200 },
  board: { create: 403, list: 200, read: 200, csv: 200, html: 200, verify: 403 },
  admin: { create: 201, list: 200, read: 200, csv: 200, html: 200, verify: 200 },
  none: { create: 401, list: 401, read: 401, csv: 401, html: 401, verify: 401 },
};

describe('who may use snapshots, and what they may ask (PostgreSQL)', () => {
  let store: TestStore;
  let api: TestApi;
  let id: string;

  beforeAll(async () => {
    store = await postgresTestStore();
    api = await startTestApi(store.store);
    await registerCouncils(api, [COUNCILS.leeds]);
    const made = await api.request('POST', '/snapshots', {
      token: await api.token('admin'),
      body: ENDPOINTS['create']![2],
    });
    expect(made.status).toBe(201);
    id = made.body.id;
  });
  afterAll(async () => {
    await api?.close();
    await store?.teardown();
  });

  const cases = Object.entries(MATRIX).flatMap(([caller, row]) =>
    Object.entries(row).map(([endpoint, status]) => [caller as Caller, endpoint, status] as const),
  );

  it.each(cases)('%s: %s → %i', async (caller, endpoint, status) => {
    const [method, path, body] = ENDPOINTS[endpoint]!;
    const token =
      caller === 'none'
        ? undefined
        : await api.token(
            caller,
            caller === 'adviser' ? { patch: ['Yorkshire and the Humber'] } : {},
          );
    const response = await api.request(method, path(id), {
      ...(token ? { token } : {}),
      ...(body ? { body } : {}),
    });
    if (status >= 400) {
      expectErrorBody(response, {
        status,
        code: status === 401 ? 'unauthenticated' : 'forbidden',
      });
    } else {
      expect(response.status).toBe(status);
    }
  });

  it('refuses bad requests with the field, unknown ids with 404, a cut beyond the head with 409', async () => {
    const manager = await api.token('manager');
    const board = await api.token('board');
    const snapshot = (body: unknown) => api.request('POST', '/snapshots', { token: manager, body });
    const refused: [unknown, string][] = [
      [{ kind: 'minutes', params: {} }, 'kind'],
      [{ kind: 'targets', params: { fy: '2019' } }, 'params.fy'],
      [{ kind: 'targets', params: { fy: 2019, colour: 'red' } }, 'params.colour'],
      [{ kind: 'targets', params: { fy: 2035 } }, 'params.fy'],
      [{ kind: 'quarterly-report', params: { fy: 2019, quarter: 5 } }, 'params.quarter'],
      [
        { kind: 'quarterly-report', params: { fy: 2019, quarter: 4, date: '2019-12-01' } },
        'params.date',
      ],
      [{ kind: 'take-up', params: { fy: 2019, groupBy: ['colour'] } }, 'params.groupBy'],
      [{ kind: 'risk-list', position: 12 }, 'position'],
      [{ kind: 'risk-list', asKnownAt: '2019-13-01' }, 'asKnownAt'],
      [{ kind: 'risk-list', position: '1', asKnownAt: '2019-10-01' }, 'asKnownAt'],
    ];
    for (const [body, field] of refused)
      expectErrorBody(await snapshot(body), { status: 400, field });
    const head = await store.store.headPosition();
    expectErrorBody(await snapshot({ kind: 'risk-list', position: String(head + 1_000_000n) }), {
      status: 409,
      code: 'position_beyond_head',
    });
    const unknown = '3b241101-e2bb-4255-8caf-4136c566a962';
    for (const path of [`/snapshots/${unknown}`, `/snapshots/${unknown}?format=csv`]) {
      expectErrorBody(await api.request('GET', path, { token: board }), { status: 404 });
    }
    const verify = await api.request('POST', `/snapshots/${unknown}/verify`, { token: manager });
    expectErrorBody(verify, { status: 404, code: 'resource_not_found' });
    for (const [path, field] of [
      ['/snapshots/not-a-uuid', 'id'],
      [`/snapshots/${id}?table=targets`, 'table'],
      [`/snapshots/${id}?format=csv&table=minutes`, 'table'],
      [`/snapshots/${id}?format=xml`, 'format'],
    ] as const) {
      expectErrorBody(await api.request('GET', path, { token: board }), { status: 400, field });
    }
  });
});
