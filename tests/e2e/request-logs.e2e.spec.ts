import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { startTestApi, testConfig, type TestApi } from '../support/test-app.js';

const MANCHESTER = {
  gss: 'E08000003',
  occurredAt: '2016-04-01',
  name: 'Manchester City Council',
  authorityType: 'metropolitan_district',
  region: 'North West',
  validFrom: null,
  validTo: null,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Line = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- log lines are arbitrary JSON

describe('JSON request logs, request ids and correlation ids', () => {
  let store: TestStore;
  let api: TestApi;
  const raw: string[] = [];

  beforeAll(async () => {
    store = await postgresTestStore();
    api = await startTestApi(store.store, testConfig(), {
      logStream: { write: (line: string) => void raw.push(line) },
    });
  });
  afterAll(async () => {
    await api?.close();
    await store?.teardown();
  });

  /** The one completion line of a request; pino writes it when the response finishes. */
  async function requestLine(reqId: string): Promise<Line> {
    for (let tries = 0; tries < 50; tries++) {
      const lines = raw.map((text) => JSON.parse(text) as Line).filter((l) => l['reqId'] === reqId);
      const done = lines.filter((l) => l['msg'] === 'request completed');
      if (done.length > 0) {
        expect(done).toHaveLength(1);
        return done[0]!;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no log line for request ${reqId}:\n${raw.join('')}`);
  }

  it('writes one JSON line per request with the caller X-Request-Id, the correlation id, and no credentials', async () => {
    const token = await api.token('admin');
    const response = await api.request('POST', '/councils', {
      token,
      body: MANCHESTER,
      headers: { 'x-request-id': 'client-req-42', cookie: 'session=s3cr3t-cookie' },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-request-id')).toBe('client-req-42');
    const correlationId = response.headers.get('x-correlation-id');
    expect(correlationId).toMatch(UUID);

    const events = await api.request('GET', '/councils/E08000003/events', { token });
    expect(events.body.events[0].correlationId).toBe(correlationId);

    const line = await requestLine('client-req-42');
    expect(line).toMatchObject({
      level: 30,
      reqId: 'client-req-42',
      correlationId,
      req: { method: 'POST', url: '/councils' },
      res: { statusCode: 201 },
    });
    expect(typeof line['responseTime']).toBe('number');
    expect(line['req'].headers.authorization).toBe('[redacted]');
    expect(line['req'].headers.cookie).toBe('[redacted]');
    const text = raw.find((t) => t.includes('"client-req-42"') && t.includes('request completed'))!;
    expect(text).not.toContain(token);
    expect(text).not.toContain('s3cr3t-cookie');
    expect(raw.every((t) => t.endsWith('\n') && !t.slice(0, -1).includes('\n'))).toBe(true);
  });

  it('keeps a caller X-Correlation-Id: in the events, the answer and the log line', async () => {
    const adviser = await api.token('adviser', { sub: 'pa-7', patch: ['North West'] });
    const response = await api.request('POST', '/councils/E08000003/annual-conversations', {
      token: adviser,
      body: {
        conversationId: 'ac-1',
        occurredAt: '2019-06-12',
        adviserId: 'pa-7',
        topics: ['finance'],
        supportAgreed: [],
      },
      headers: { 'x-request-id': 'client-req-43', 'x-correlation-id': 'batch-2019-06' },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-correlation-id')).toBe('batch-2019-06');
    expect((await requestLine('client-req-43'))['correlationId']).toBe('batch-2019-06');
  });

  it('replaces an X-Request-Id that is not a sane token with a generated one', async () => {
    const response = await api.request('GET', '/health/live', {
      headers: { 'x-request-id': `"><script>${'x'.repeat(300)}` },
    });
    const generated = response.headers.get('x-request-id');
    expect(generated).toMatch(UUID);
    expect(response.headers.get('x-correlation-id')).toBeNull();
    const other = await api.request('GET', '/health/live');
    expect(other.headers.get('x-request-id')).toMatch(UUID);
    expect(other.headers.get('x-request-id')).not.toBe(generated);
  });

  it('logs a refused request at warn with its id, and a read without a correlation id', async () => {
    const refused = await api.request('GET', '/take-up?fy=2019', {
      headers: { 'x-request-id': 'client-req-44' },
    });
    expect(refused.status).toBe(401);
    const line = await requestLine('client-req-44');
    expect(line).toMatchObject({ level: 40, res: { statusCode: 401 } });
    expect(line).not.toHaveProperty('correlationId');
  });
});
