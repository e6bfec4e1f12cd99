import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { ConfigError, loadLedgerConfig } from '#ledger';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { startTestApi, testConfig, type TestApi } from '../support/test-app.js';
import { COUNCILS, registerCouncils } from '../fixtures/councils.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
];
const ALLOWED = 'https://board.example.org';
const OTHER = 'https://evil.example.com';
const EXPOSED = [
  'etag',
  'x-ledger-position',
  'x-ledger-head',
  'x-ledger-lag-seconds',
  'retry-after',
  'x-request-id',
  'x-correlation-id',
];
const list = (value: string | null) => (value ?? '').toLowerCase().split(/\s*,\s*/);

/** CSP directive name → its sources. */
function policy(response: { headers: Headers }): Map<string, string[]> {
  const header = response.headers.get('content-security-policy') ?? '';
  return new Map(
    header
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('security headers and CORS (PostgreSQL)', () => {
  let store: TestStore;
  let api: TestApi;
  let corsApi: TestApi;
  let reportPath: string;
  let board: string;

  beforeAll(async () => {
    store = await postgresTestStore();
    api = await startTestApi(store.store);
    corsApi = await startTestApi(
      store.store,
      testConfig({ corsOrigins: [ALLOWED, 'http://localhost:5173'] }),
    );
    await registerCouncils(api, [COUNCILS.camden]);
    const delivered = await api.request(
      'POST',
      `/councils/${COUNCILS.camden.gss}/offer-deliveries`,
      {
        token: await api.token('admin'),
        body: {
          deliveryId: 'od-1',
          occurredAt: '2019-08-03',
          offerCode: 'ignite',
          participants: 3,
        },
      },
    );
    expect(delivered.status).toBe(201);
    const snapshot = await api.request('POST', '/snapshots', {
      token: await api.token('manager'),
      body: { kind: 'quarterly-report', params: { fy: 2019, quarter: 2 } },
    });
    expect(snapshot.status).toBe(201);
    reportPath = `/snapshots/${snapshot.body.id}/report.html`;
    board = await api.token('board');
  });
  afterAll(async () => {
    await corsApi?.close();
    await api?.close();
    await store?.teardown();
  });

  describe('helmet', () => {
    it.each([
      ['a JSON answer', '/health/live', undefined],
      ['a refusal', '/councils/E09000007/events', undefined],
      ['an unknown route', '/nope', undefined],
    ])('%s carries the security headers', async (_label, path) => {
      const response = await api.request('GET', path);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(response.headers.get('x-powered-by')).toBeNull();
      const csp = policy(response);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.has('upgrade-insecure-requests')).toBe(false);
    });

    it('the report page needs only inline styles: it has no script, and its CSP allows its <style>', async () => {
      const response = await api.request('GET', reportPath, { token: board });
      expect(response.status).toBe(200);
      expect(response.body).toMatch(/<style>/);
      expect(response.body).toMatch(/<svg/);
      expect(response.body).not.toMatch(/<script/i);
      expect(policy(response).get('style-src')).toContain("'unsafe-inline'");
    });
  });

  describe('in Chromium, under the CSP', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    });
    afterAll(async () => {
      await browser?.close();
    });

    /** Opens a page and returns what the browser reported as a CSP violation. */
    async function violations(path: string, headers: Record<string, string>, ready: string) {
      const page = await browser.newPage();
      const reported: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) reported.push(message.text());
      });
      await page.setExtraHTTPHeaders(headers);
      const response = await page.goto(`${api.url}${path}`, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      await page.locator(ready).first().waitFor({ state: 'visible', timeout: 20_000 });
      const text = (await page.locator(ready).first().textContent()) ?? '';
      const count = await page.locator(ready).count();
      await page.close();
      return { reported, text, count };
    }

    it('the Swagger UI at /docs renders the API with no CSP violation', async () => {
      const { reported, text } = await violations('/docs', {}, '.swagger-ui .info .title');
      expect(text).toContain('Council engagement ledger');
      expect(reported).toEqual([]);
    });

    it('the report page renders its charts with no CSP violation', async () => {
      const { reported, count } = await violations(
        reportPath,
        { Authorization: `Bearer ${board}` },
        'figure svg',
      );
      expect(count).toBe(3);
      expect(reported).toEqual([]);
    });
  });

  describe('CORS', () => {
    const preflight = (target: TestApi, origin: string, method = 'POST') =>
      target.request('OPTIONS', `/councils/${COUNCILS.camden.gss}/risk-signals`, {
        headers: {
          origin,
          'access-control-request-method': method,
          'access-control-request-headers':
            'authorization, content-type, if-match, idempotency-key',
        },
      });

    it('without LEDGER_CORS_ORIGINS no answer carries a CORS header, preflight or not', async () => {
      const options = await preflight(api, ALLOWED);
      const get = await api.request('GET', '/health/live', { headers: { origin: ALLOWED } });
      for (const response of [options, get]) {
        expect(response.headers.get('access-control-allow-origin')).toBeNull();
        expect(response.headers.get('access-control-allow-methods')).toBeNull();
      }
    });

    it('a preflight from an allowed origin is answered with the methods and headers the API takes', async () => {
      const response = await preflight(corsApi, ALLOWED);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
      expect(list(response.headers.get('access-control-allow-methods'))).toEqual(
        expect.arrayContaining(['get', 'post']),
      );
      expect(list(response.headers.get('access-control-allow-headers'))).toEqual(
        expect.arrayContaining(['authorization', 'content-type', 'if-match', 'idempotency-key']),
      );
      expect(response.headers.get('access-control-max-age')).toBe('600');
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      expect(list(response.headers.get('vary'))).toContain('origin');
    });

    it('a preflight from an origin not on the list gets no Access-Control-Allow-Origin', async () => {
      for (const origin of [OTHER, `${ALLOWED}.evil.com`, 'null', 'http://board.example.org']) {
        const response = await preflight(corsApi, origin);
        expect(response.status).toBeLessThan(500);
        expect(response.headers.get('access-control-allow-origin')).toBeNull();
      }
    });

    it('an answer to an allowed origin exposes the ledger headers; to another origin, no allow-origin', async () => {
      const token = await corsApi.token('manager');
      const path = `/councils/${COUNCILS.camden.gss}/events`;
      const allowed = await corsApi.request('GET', path, { token, headers: { origin: ALLOWED } });
      expect(allowed.status).toBe(200);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
      expect(list(allowed.headers.get('access-control-expose-headers'))).toEqual(
        expect.arrayContaining(EXPOSED),
      );
      const other = await corsApi.request('GET', path, { token, headers: { origin: OTHER } });
      expect(other.status).toBe(200);
      // Without Access-Control-Allow-Origin the browser keeps the answer from the page.
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('LEDGER_CORS_ORIGINS is an allow-list: default none; a wildcard or a path is refused', () => {
      const env = (extra: Record<string, string>) => ({
        LEDGER_DATA_DIR: mkdtempSync(join(tmpdir(), 'ledger-cors-')),
        ...extra,
      });
      expect(loadLedgerConfig(env({})).corsOrigins).toEqual([]);
      expect(
        loadLedgerConfig(env({ LEDGER_CORS_ORIGINS: `${ALLOWED}, http://localhost:5173` }))
          .corsOrigins,
      ).toEqual([ALLOWED, 'http://localhost:5173']);
      for (const bad of ['*', `${ALLOWED}/path`, 'board.example.org'])
        expect(() => loadLedgerConfig(env({ LEDGER_CORS_ORIGINS: bad }))).toThrow(ConfigError);
    });
  });

  describe('the Authorization scheme', () => {
    it.each(['Bearer', 'bearer', 'BEARER', 'bEaReR'])(
      '"%s <token>" is the bearer scheme (RFC 7235: case-insensitive)',
      async (scheme) => {
        const token = await api.token('manager');
        const response = await api.request('GET', `/councils/${COUNCILS.camden.gss}/events`, {
          headers: { authorization: `${scheme} ${token}` },
        });
        expect(response.status).toBe(200);
      },
    );

    it.each(['Basic', 'Bearertoken', 'Token'])('"%s …" is not, and answers 401', async (scheme) => {
      const token = await api.token('manager');
      const response = await api.request('GET', `/councils/${COUNCILS.camden.gss}/events`, {
        headers: {
          authorization: scheme === 'Bearertoken' ? `Bearer${token}` : `${scheme} ${token}`,
        },
      });
      expect(response.status).toBe(401);
    });
  });
});
