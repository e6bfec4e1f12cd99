import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { startTestApi, type TestApi } from '../support/test-app.js';
import { COUNCILS, registerCouncils } from '../fixtures/councils.js';
import { expectErrorBody, postRefused, streamEvents } from '../fixtures/ledger-api.js';
import { WRITE_ROUTES, concretePath } from '../fixtures/routes.js';

/** Bodies, paths and media types the API must refuse with a 4xx and a JSON error body. */
describe('malformed requests (PostgreSQL)', () => {
  let store: TestStore;
  let api: TestApi;
  let admin: string;
  const gss = COUNCILS.camden.gss;
  const path = `/councils/${gss}/risk-signals`;
  const valid = {
    signalId: 'rs-t',
    occurredAt: '2019-09-01',
    kind: 'other',
    severity: 'low',
    evidence: 'x',
  };
  const refuse = (
    rawBody: string,
    status: number,
    extra: { code?: string; headers?: Record<string, string> } = {},
  ) =>
    postRefused(
      api,
      { gss, path, token: admin, rawBody, ...(extra.headers ? { headers: extra.headers } : {}) },
      { status, ...(extra.code ? { code: extra.code } : {}) },
    );

  beforeAll(async () => {
    store = await postgresTestStore();
    api = await startTestApi(store.store);
    await registerCouncils(api, [COUNCILS.camden]);
    admin = await api.token('admin', { sub: 'admin-t' });
  });
  afterAll(async () => {
    await api?.close();
    await store?.teardown();
  });

  describe('bodies', () => {
    it('not JSON → 400 saying so', async () => {
      const response = await refuse('{"signalId": "rs-t",', 400);
      expect(response.body.message).toMatch(/JSON/);
    });

    it('a JSON array instead of an object → 400 validation_failed', async () => {
      await refuse('[]', 400, { code: 'validation_failed' });
      await refuse(JSON.stringify([valid]), 400, { code: 'validation_failed' });
    });

    it('JSON null, a string or a number instead of an object → 400 validation_failed', async () => {
      for (const body of ['null', '"rs-t"', '42', 'true'])
        await refuse(body, 400, { code: 'validation_failed' });
    });

    it('an empty body with content-type application/json → 400', async () => {
      const response = await refuse('', 400);
      expect(response.body.message).toMatch(/empty/i);
    });

    it('no body at all → 400 naming every required field', async () => {
      const response = await api.request('POST', path, { token: admin });
      expectErrorBody(response, { status: 400, code: 'validation_failed', field: 'signalId' });
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['signalId', 'occurredAt', 'kind', 'severity', 'evidence']),
      );
    });

    it('a __proto__ key → 400, refused by the JSON parser', async () => {
      await refuse(`{"__proto__": {"admin": true}, ${JSON.stringify(valid).slice(1)}`, 400);
    });

    it('a body over 256 KiB → 413', async () => {
      const response = await refuse(
        JSON.stringify({ ...valid, evidence: 'x'.repeat(300 * 1024) }),
        413,
      );
      expect(response.body.error).toBe('Payload Too Large');
    });

    it('a small body nested 5000 deep → 400, not 500', async () => {
      const nested = `${'['.repeat(5000)}${']'.repeat(5000)}`;
      await refuse(
        `{"signalId":"rs-deep","occurredAt":"2019-09-01","kind":"other","severity":"low","evidence":"x","extra":${nested}}`,
        400,
      );
    });
  });

  describe('media types', () => {
    it('application/xml → 415', async () => {
      const response = await refuse('<signal/>', 415, {
        headers: { 'content-type': 'application/xml' },
      });
      expect(response.body.error).toBe('Unsupported Media Type');
    });

    it('application/json; charset=utf-8 is accepted', async () => {
      const response = await api.request('POST', path, {
        token: admin,
        body: { ...valid, signalId: 'rs-charset' },
        headers: { 'content-type': 'application/json; charset=utf-8' },
      });
      expect(response.status).toBe(201);
    });

    it.each(['text/plain', 'application/x-www-form-urlencoded'])(
      'a JSON body sent as %s is refused 415: the API takes only JSON',
      async (contentType) => {
        await refuse(JSON.stringify(valid), 415, { headers: { 'content-type': contentType } });
      },
    );

    it('the parser’s refusals carry a code a client can act on, not a generic "http"', async () => {
      const invalid = await refuse('{oops', 400);
      const tooLarge = await refuse(
        JSON.stringify({ ...valid, evidence: 'x'.repeat(300 * 1024) }),
        413,
      );
      const media = await refuse('<a/>', 415, { headers: { 'content-type': 'application/xml' } });
      expect([invalid.body.code, tooLarge.body.code, media.body.code]).toEqual([
        expect.stringMatching(/json/),
        expect.stringMatching(/too_large/),
        expect.stringMatching(/media_type/),
      ]);
    });
  });

  describe('paths', () => {
    it('a bad GSS code in the path → 400 naming gss', async () => {
      const before = await streamEvents(api, gss);
      for (const bad of ['X123', 'e08000003', 'E0800000', 'W06000023']) {
        const response = await api.request('POST', `/councils/${bad}/risk-signals`, {
          token: admin,
          body: valid,
        });
        expectErrorBody(response, { status: 400, code: 'validation_failed', field: 'gss' });
        const read = await api.request('GET', `/councils/${bad}/events`, { token: admin });
        expectErrorBody(read, { status: 400, code: 'validation_failed', field: 'gss' });
      }
      expect(await streamEvents(api, gss)).toEqual(before);
    });

    it('a bad engagement id in the path → 400 naming id', async () => {
      for (const bad of ['bad%20id', 'caf%C3%A9', 'a*b', 'a%2Fb']) {
        await postRefused(
          api,
          {
            gss,
            path: `/councils/${gss}/risk-signals/${bad}/clearance`,
            token: admin,
            body: { occurredAt: '2019-09-01', reason: 'x' },
          },
          { status: 400, code: 'validation_failed', field: 'id' },
        );
      }
    });

    it('an id longer than the router allows (100) → 414 with a JSON body, nothing written', async () => {
      await postRefused(
        api,
        {
          gss,
          path: `/councils/${gss}/risk-signals/${'x'.repeat(101)}/clearance`,
          token: admin,
          body: { occurredAt: '2019-09-01', reason: 'x' },
        },
        { status: 414 },
      );
    });

    it('an event id that is not a UUID → 400 naming id', async () => {
      await postRefused(
        api,
        {
          gss,
          path: `/councils/${gss}/events/rs-t/retraction`,
          token: admin,
          body: { occurredAt: '2019-09-01', reason: 'x' },
        },
        { status: 400, code: 'validation_failed', field: 'id' },
      );
    });

    it.each([
      ['GET', '/nope'],
      ['GET', '/councils'],
      ['DELETE', `/councils/${gss}/events`],
      ['PUT', `/councils/${gss}/risk-signals`],
      ['POST', `/councils/${gss}/unknown-things`],
    ])(
      'an unknown route %s %s → 404 with a JSON body, with or without a token',
      async (method, route) => {
        for (const token of [admin, undefined]) {
          const response = await api.request(method, route, token ? { token } : {});
          expectErrorBody(response, { status: 404, code: 'not_found' });
        }
      },
    );
  });

  it('never answers 5xx to garbage on any write route, and writes nothing', async () => {
    const before = await streamEvents(api, gss);
    const bodies = [
      '{}',
      '[]',
      'null',
      '"x"',
      '{"occurredAt":{}}',
      '{"occurredAt":"2019-06-01","correction":[1]}',
    ];
    const answers: string[] = [];
    for (const template of WRITE_ROUTES) {
      for (const body of bodies) {
        const response = await api.request('POST', concretePath(template, gss), {
          token: admin,
          rawBody: body,
        });
        if (response.status < 400 || response.status >= 500)
          answers.push(`${template} ${body} → ${response.status}`);
      }
    }
    expect(answers).toEqual([]);
    expect(await streamEvents(api, gss)).toEqual(before);
  });
});
