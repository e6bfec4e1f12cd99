import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { startTestApi, type TestApi } from '../support/test-app.js';
import { COUNCILS, registerCouncils } from '../fixtures/councils.js';
import {
  RECORDED_AT,
  expectErrorBody,
  readEvents,
  type EventView,
} from '../fixtures/ledger-api.js';
import { OPERATION_ROUTES, PEOPLE_ROUTES, READ_ROUTES, WRITE_ROUTES } from '../fixtures/routes.js';

/** GET /councils/:gss/events (the audit view), GET /health/live and the OpenAPI document. */
describe('reading a council’s stream (PostgreSQL)', () => {
  let store: TestStore;
  let api: TestApi;
  const gss = COUNCILS.manchester.gss;
  const EVENTS = 5;

  beforeAll(async () => {
    store = await postgresTestStore();
    api = await startTestApi(store.store);
    await registerCouncils(api, [COUNCILS.manchester]);
    const adviser = await api.token('adviser', { sub: 'pa-nw', patch: ['North West'] });
    for (let index = 1; index < EVENTS; index++) {
      const response = await api.request('POST', `/councils/${gss}/risk-signals`, {
        token: adviser,
        body: {
          signalId: `rs-${index}`,
          occurredAt: `2019-0${index}-15`,
          kind: 'other',
          severity: 'low',
          evidence: 'x',
        },
      });
      if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    }
  });
  afterAll(async () => {
    await api?.close();
    await store?.teardown();
  });

  it('lists every event with its revision, position, occurredAt, recordedAt, recordedBy and data', async () => {
    const response = await readEvents(api, gss);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe(`"${EVENTS - 1}"`);
    expect(response.body).toMatchObject({ gss, revision: String(EVENTS - 1) });
    expect(response.body.nextFromRevision).toBeUndefined();
    const events = response.body.events as EventView[];
    expect(events.map((event) => event.revision)).toEqual(['0', '1', '2', '3', '4']);
    expect(events[0]).toMatchObject({
      type: 'CouncilRegistered',
      occurredAt: '2019-04-01',
      recordedBy: 'register-admin',
    });
    expect(events[2]).toMatchObject({
      type: 'RiskSignalRaised',
      occurredAt: '2019-02-15',
      recordedAt: RECORDED_AT,
      recordedBy: 'pa-nw',
      schemaVersion: 1,
      data: {
        gss,
        signalId: 'rs-2',
        occurredAt: '2019-02-15',
        kind: 'other',
        severity: 'low',
        evidence: 'x',
      },
    });
    for (const event of events) {
      expect(event.eventId).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      );
      expect(event.position).toMatch(/^\d+$/);
      expect(event.correlationId).toEqual(expect.any(String));
    }
  });

  it('pages with limit and fromRevision; every page’s ETag is the stream’s revision, usable as If-Match', async () => {
    const seen: string[] = [];
    let from: string | undefined = '0';
    let pages = 0;
    while (from !== undefined) {
      const page = await readEvents(api, gss, `?fromRevision=${from}&limit=2`);
      expect(page.status).toBe(200);
      const events = page.body.events as EventView[];
      expect(events.length).toBeGreaterThan(0);
      expect(page.headers.get('etag')).toBe(`"${EVENTS - 1}"`);
      seen.push(...events.map((event) => event.revision));
      from = page.body.nextFromRevision;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(['0', '1', '2', '3', '4']);
  });

  it('an unknown council → 404', async () => {
    expectErrorBody(await readEvents(api, 'E08000099'), {
      status: 404,
      code: 'resource_not_found',
    });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=5001', 'limit'],
    ['limit=ten', 'limit'],
    ['fromRevision=-1', 'fromRevision'],
    ['fromRevision=1.5', 'fromRevision'],
    ['from=3', 'from'],
  ])('a bad query ?%s → 400 naming %s', async (query, field) => {
    expectErrorBody(await readEvents(api, gss, `?${query}`), {
      status: 400,
      code: 'validation_failed',
      field,
    });
  });

  it('a fromRevision too large for a stream revision → 400 naming fromRevision, not 500', async () => {
    for (const huge of ['99999999999999999999', '9223372036854775807']) {
      const response = await readEvents(api, gss, `?fromRevision=${huge}`);
      expectErrorBody(response, { status: 400, field: 'fromRevision' });
    }
  });

  it('a page past the end shows no events and still names the stream’s real revision', async () => {
    const response = await readEvents(api, gss, '?fromRevision=50');
    expect(response.status).toBe(200);
    expect(response.body.events).toEqual([]);
    expect(response.headers.get('etag')).toBe(`"${EVENTS - 1}"`);
    expect(response.body.revision).toBe(String(EVENTS - 1));
  });

  it('GET /health/live answers without a token', async () => {
    const response = await api.request('GET', '/health/live');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('the OpenAPI document lists exactly the routes these suites cover', async () => {
    const response = await api.request('GET', '/docs/openapi.json');
    expect(response.status).toBe(200);
    const paths = response.body.paths as Record<string, Record<string, unknown>>;
    const routes = Object.entries(paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(
      [
        ...WRITE_ROUTES.map((route) => `POST ${route}`),
        ...READ_ROUTES.map((route) => `GET ${route}`),
        ...OPERATION_ROUTES.map((route) => `POST ${route}`),
        ...PEOPLE_ROUTES,
      ].sort(),
    );
  });
});
