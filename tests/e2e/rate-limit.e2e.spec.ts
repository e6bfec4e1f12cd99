import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { startTestApi, testConfig, type TestApi, type TestResponse } from '../support/test-app.js';
import { COUNCILS, registerCouncils } from '../fixtures/councils.js';
import { expectErrorBody } from '../fixtures/ledger-api.js';
import { type EventCounter, eventCounter } from '../fuzz/event-count.js';

/** LEDGER_RATE_LIMIT_PER_MINUTE with the in-memory counter (no REDIS_URL). */
describe('rate limit per caller, in memory (PostgreSQL)', () => {
  const LIMIT = 5;
  const ORIGIN = 'https://board.example.org';
  const { camden } = COUNCILS;
  const path = `/councils/${camden.gss}/risk-signals`;
  let store: TestStore;
  let events: EventCounter;
  let api: TestApi;
  let unlimited: TestApi;

  const signal = (signalId: string) => ({
    signalId,
    occurredAt: '2019-09-01',
    kind: 'other',
    severity: 'low',
    evidence: 'x',
  });
  /** Each request from its own address unless told, so only the subject is shared. */
  let address = 0;
  const from = (ip = `198.51.100.${++address % 250}`) => ({ 'x-forwarded-for': ip });
  const write = (target: TestApi, token: string, id: string, headers = from()) =>
    target.request('POST', path, { token, body: signal(id), headers });

  function expectRateLimited(response: TestResponse): number {
    expectErrorBody(response, { status: 429, code: 'rate_limited' });
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(response.body.retryAfterSeconds).toBe(retryAfter);
    expect(response.body.message).toMatch(/retry in \d+ s/);
    return retryAfter;
  }

  beforeAll(async () => {
    store = await postgresTestStore();
    events = await eventCounter(store);
    api = await startTestApi(
      store.store,
      testConfig({ rateLimitPerMinute: LIMIT, corsOrigins: [ORIGIN] }),
    );
    unlimited = await startTestApi(store.store, testConfig({ rateLimitPerMinute: 0 }));
    await registerCouncils(unlimited, [camden]);
  });
  afterAll(async () => {
    await unlimited?.close();
    await api?.close();
    await events?.close();
    await store?.teardown();
  });

  it('lets a subject make LIMIT writes a minute, from any address; the next is 429 and writes nothing', async () => {
    const token = await api.token('admin', { sub: 'rl-writer' });
    for (let i = 0; i < LIMIT; i++)
      expect((await write(api, token, `rs-rl-${i}`)).status).toBe(201);
    const before = await events.count();
    expectRateLimited(await write(api, token, 'rs-rl-over'));
    expect(await events.count()).toBe(before);
    // reads count too: the budget is per caller, not per route
    const read = await api.request('GET', `/councils/${camden.gss}/events`, {
      token,
      headers: from(),
    });
    expectRateLimited(read);
  });

  it('counts per subject: another subject from the same address is unaffected', async () => {
    const ip = from('203.0.113.50');
    const first = await api.token('admin', { sub: 'rl-first' });
    const second = await api.token('admin', { sub: 'rl-second' });
    for (let i = 0; i < LIMIT; i++) await write(api, first, `rs-first-${i}`, ip);
    expectRateLimited(await write(api, first, 'rs-first-over', ip));
    expect((await write(api, second, 'rs-second-1', ip)).status).toBe(201);
  });

  it('counts anonymous and badly signed callers by address, never by the subject they claim', async () => {
    const victim = await api.token('admin', { sub: 'rl-victim' });
    const forged = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('rl-victim')
      .setIssuer('council-engagement-ledger')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-secret-0123456789-abcdefghijklmn'));
    const attacker = from('203.0.113.66');
    for (let i = 0; i < LIMIT; i++) {
      const response = await write(api, i % 2 ? forged : '', `rs-anon-${i}`, attacker);
      expect(response.status).toBe(401);
    }
    expectRateLimited(await write(api, forged, 'rs-anon-over', attacker));
    expectRateLimited(await api.request('GET', '/take-up?fy=2019', { headers: attacker }));
    // the address is spent; the subject the forger named is not, nor is another address
    expect((await write(api, victim, 'rs-victim-1', attacker)).status).toBe(201);
    expect((await write(api, forged, 'rs-anon-elsewhere', from('203.0.113.67'))).status).toBe(401);
  });

  it('never limits health and metrics, even for a caller over the limit', async () => {
    const spent = from('203.0.113.80');
    for (let i = 0; i <= LIMIT; i++) await api.request('GET', '/nope', { headers: spent });
    expectRateLimited(await api.request('GET', '/nope', { headers: spent }));
    for (let i = 0; i < 3; i++) {
      expect((await api.request('GET', '/health/live', { headers: spent })).status).toBe(200);
      expect((await api.request('GET', '/metrics', { headers: spent })).status).not.toBe(429);
    }
  });

  it('a 429 to an allowed origin carries CORS headers, so the page can read Retry-After', async () => {
    const token = await api.token('admin', { sub: 'rl-browser' });
    const headers = { ...from(), origin: ORIGIN };
    for (let i = 0; i < LIMIT; i++) await write(api, token, `rs-browser-${i}`, headers);
    const response = await write(api, token, 'rs-browser-over', headers);
    expectRateLimited(response);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('LEDGER_RATE_LIMIT_PER_MINUTE=0 turns the limit off', async () => {
    const token = await unlimited.token('admin', { sub: 'rl-unlimited' });
    const ip = from('203.0.113.90');
    for (let i = 0; i < 3 * LIMIT; i++)
      expect((await write(unlimited, token, `rs-unlimited-${i}`, ip)).status).toBe(201);
  });
});
