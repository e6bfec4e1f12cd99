import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect } from 'node:net';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { startTestApi, testConfig, type TestApi } from '../support/test-app.js';
import { COUNCILS, registerCouncils } from '../fixtures/councils.js';
import { type HostileRequest, closeSender, send } from '../fuzz/hostile-request.js';
import { type EventCounter, eventCounter } from '../fuzz/event-count.js';
import { sendAndCheck } from '../fuzz/invariants.js';

/** LEDGER_BODY_LIMIT_BYTES, UTF-8 bodies and what Node's HTTP parser refuses, end to end. */
describe('body limit and transport refusals (PostgreSQL)', () => {
  const LIMIT = 4096;
  const { camden } = COUNCILS;
  const path = `/councils/${camden.gss}/risk-signals`;
  let store: TestStore;
  let events: EventCounter;
  let api: TestApi;
  let admin: string;

  const signal = (signalId: string, evidence: string) =>
    JSON.stringify({
      signalId,
      occurredAt: '2019-09-01',
      kind: 'other',
      severity: 'low',
      evidence,
    });
  const post = (body: string | Buffer, extra: Partial<HostileRequest> = {}): HostileRequest => ({
    method: 'POST',
    path,
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body,
    ...extra,
  });
  const json = (text: string) => JSON.parse(text) as Record<string, unknown>;

  beforeAll(async () => {
    store = await postgresTestStore();
    events = await eventCounter(store);
    api = await startTestApi(store.store, testConfig({ bodyLimitBytes: LIMIT }));
    await registerCouncils(api, [camden]);
    admin = await api.token('admin', { sub: 'limit-admin' });
  });
  afterAll(async () => {
    closeSender();
    await api?.close();
    await events?.close();
    await store?.teardown();
  });

  describe('LEDGER_BODY_LIMIT_BYTES', () => {
    it('a body over the limit with Content-Length → 413 JSON, nothing written', async () => {
      const response = await sendAndCheck(
        events,
        api.url,
        post(signal('rs-big', 'x'.repeat(LIMIT))),
      );
      expect(response.status).toBe(413);
      expect(json(response.text)).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    });

    it('a chunked body over the limit, without Content-Length → 413 JSON, nothing written', async () => {
      const request = post(signal('rs-big-chunked', 'x'.repeat(4 * LIMIT)), { chunked: true });
      const response = await sendAndCheck(events, api.url, request);
      expect(response.status).toBe(413);
      expect(json(response.text)['code']).toMatch(/too_large/);
    });

    it('a chunked body under the limit is read and accepted', async () => {
      const before = await events.count();
      const request = post(signal('rs-chunked', 'under the limit'), { chunked: true });
      const response = await send(api.url, request);
      expect(response.status).toBe(201);
      expect(await events.count()).toBeGreaterThan(before);
    });

    it('a body of exactly the limit is accepted; one byte more is not', async () => {
      // evidence is capped at 2000 characters by the DTO: pad with whitespace JSON ignores.
      const padded = (id: string, size: number) => {
        const text = signal(id, 'fits');
        return `${text}${' '.repeat(size - Buffer.byteLength(text))}`;
      };
      expect(Buffer.byteLength(padded('rs-x', LIMIT))).toBe(LIMIT);
      const atLimit = await send(api.url, post(padded('rs-at-limit', LIMIT)));
      expect(atLimit.status).toBe(201);
      const over = await sendAndCheck(events, api.url, post(padded('rs-over-limit', LIMIT + 1)));
      expect(over.status).toBe(413);
    });

    it('a Content-Length that promises less than is sent → a 4xx, nothing written', async () => {
      const body = signal('rs-liar', 'x');
      const before = await events.count();
      const answer = await rawExchange(
        `POST ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${admin}\r\n` +
          `Content-Type: application/json\r\nContent-Length: 10\r\nConnection: close\r\n\r\n${body}`,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 4\d\d /);
      expect(await events.count()).toBe(before);
    });
  });

  describe('UTF-8', () => {
    it.each([
      ['a stray continuation byte', [0x80]],
      ['an overlong slash', [0xc0, 0xaf]],
      ['a UTF-16 surrogate', [0xed, 0xa0, 0x80]],
      ['0xFF', [0xff]],
    ])('%s inside a JSON string → 400 body_not_utf8, nothing written', async (_label, bytes) => {
      const [head, tail] = signal('rs-bytes', '@').split('@') as [string, string];
      const body = Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(tail)]);
      const response = await sendAndCheck(events, api.url, post(body));
      expect(response.status).toBe(400);
      expect(json(response.text)).toMatchObject({ code: 'body_not_utf8' });
    });

    it('a charset other than UTF-8 → 415 naming it', async () => {
      const response = await sendAndCheck(
        events,
        api.url,
        post(Buffer.from(signal('rs-latin1', 'café'), 'latin1'), {
          headers: {
            authorization: `Bearer ${admin}`,
            'content-type': 'application/json; charset=latin1',
          },
        }),
      );
      expect(response.status).toBe(415);
      expect(json(response.text)['message']).toMatch(/latin1/);
    });

    it('UTF-8 text outside ASCII is accepted and stored as sent', async () => {
      const response = await send(api.url, post(signal('rs-utf8', 'Café – “£12m” gap 🏛️')));
      expect(response.status).toBe(201);
    });
  });

  describe('keys naming a prototype, which class-transformer would drop silently', () => {
    it.each([
      ['a top-level prototype', '{"prototype":{"polluted":"yes"}}', 'prototype'],
      ['a top-level constructor', '{"constructor":"x"}', 'constructor'],
      [
        'constructor inside a field',
        '{"extra":{"a":{"constructor":{"polluted":1}}}}',
        'extra.a.constructor',
      ],
      ['prototype inside a list', '{"extra":[1,{"prototype":1}]}', 'extra[1].prototype'],
    ])('%s → 400 validation_failed naming %s, nothing written', async (_label, extra, field) => {
      const body = `${signal('rs-proto', 'x').slice(0, -1)},${extra.slice(1)}`;
      const response = await sendAndCheck(events, api.url, post(body));
      expect(response.status).toBe(400);
      expect(json(response.text)).toMatchObject({
        code: 'validation_failed',
        errors: [{ field, reason: `${field} is not a field name` }],
      });
    });
  });

  describe("requests Node's HTTP parser refuses", () => {
    it('raw bytes over 0x7F in the path → 400 in the JSON error shape', async () => {
      const response = await sendAndCheck(events, api.url, {
        ...post(signal('rs-path', 'x')),
        path: `${path}\xff\xfe`,
      });
      expect(response.status).toBe(400);
      expect(json(response.text)).toMatchObject({ statusCode: 400, code: 'malformed_request' });
    });

    it('headers over 16 KiB → 431 in the JSON error shape', async () => {
      const response = await sendAndCheck(events, api.url, {
        ...post(signal('rs-headers', 'x')),
        headers: { authorization: `Bearer ${admin}`, 'x-padding': 'p'.repeat(20_000) },
      });
      expect(response.status).toBe(431);
      expect(json(response.text)).toMatchObject({ statusCode: 431, code: 'header_overflow' });
    });
  });

  /** Writes bytes to the API's socket and returns everything it answers before closing. */
  function rawExchange(request: string): Promise<string> {
    const { hostname, port } = new URL(api.url);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => socket.end(request));
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
      socket.on('error', reject);
    });
  }
});
