import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { TEST_SECRET, startTestApi, type TestApi } from '../support/test-app.js';
import { COUNCILS, registerCouncils, registrationBody } from '../fixtures/councils.js';
import { expectErrorBody, postRefused, postWrite, streamEvents } from '../fixtures/ledger-api.js';

const ISSUER = 'council-engagement-ledger';
const secretOf = (text: string) => new TextEncoder().encode(text);
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const nowSeconds = () => Math.floor(Date.now() / 1000);

interface Claims {
  role?: unknown;
  patch?: unknown;
  sub?: string;
  iss?: string;
  exp?: number;
}

/** A token signed as the tests like, to break one property of it at a time. */
function sign(claims: Claims, options: { secret?: string; alg?: 'HS256' | 'HS512' } = {}) {
  const { sub = 'someone', iss = ISSUER, exp = nowSeconds() + 3600, ...rest } = claims;
  return new SignJWT(rest as Record<string, unknown>)
    .setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(iss)
    .setIssuedAt(Math.min(nowSeconds(), exp - 60))
    .setExpirationTime(exp)
    .sign(secretOf(options.secret ?? TEST_SECRET));
}

/** Unsigned: `alg: none` with an empty signature. */
function unsigned(claims: Record<string, unknown>): string {
  const header = base64url({ alg: 'none', typ: 'JWT' });
  const payload = base64url({
    iss: ISSUER,
    iat: nowSeconds(),
    exp: nowSeconds() + 3600,
    ...claims,
  });
  return `${header}.${payload}.`;
}

describe('bearer tokens (PostgreSQL)', () => {
  let store: TestStore;
  let api: TestApi;
  const { manchester, newcastle } = COUNCILS;
  const signalBody = {
    signalId: 'rs-token',
    occurredAt: '2019-09-01',
    kind: 'other',
    severity: 'low',
    evidence: 'x',
  };

  beforeAll(async () => {
    store = await postgresTestStore();
    api = await startTestApi(store.store);
    await registerCouncils(api, [manchester]);
  });
  afterAll(async () => {
    await api?.close();
    await store?.teardown();
  });

  const refusedWith = async (headers: Record<string, string>) => {
    const before = await streamEvents(api, manchester.gss);
    const response = await api.request('POST', `/councils/${manchester.gss}/risk-signals`, {
      body: signalBody,
      headers,
    });
    expectErrorBody(response, { status: 401, code: 'unauthenticated' });
    expect(await streamEvents(api, manchester.gss)).toEqual(before);
  };

  it('a token signed the tests’ way is accepted (the control case)', async () => {
    const token = await sign({ role: 'admin', sub: 'admin-control' });
    const response = await postWrite(api, {
      gss: manchester.gss,
      path: `/councils/${manchester.gss}/risk-signals`,
      token,
      body: { ...signalBody, signalId: 'rs-control' },
    });
    expect(response.status).toBe(201);
  });

  it.each([
    ['no Authorization header', async () => ({})],
    ['an empty bearer', async () => ({ authorization: 'Bearer ' })],
    ['another scheme (Basic)', async () => ({ authorization: 'Basic YWRtaW46YWRtaW4=' })],
    ['a malformed token', async () => ({ authorization: 'Bearer not-a-jwt' })],
    ['three garbage segments', async () => ({ authorization: 'Bearer aaa.bbb.ccc' })],
    [
      'an expired token',
      async () => ({
        authorization: `Bearer ${await sign({ role: 'admin', exp: nowSeconds() - 60 })}`,
      }),
    ],
    [
      'a token signed with another secret',
      async () => ({
        authorization: `Bearer ${await sign({ role: 'admin' }, { secret: 'not-the-secret-0123456789-abcdefghijklmnop' })}`,
      }),
    ],
    [
      'an unsigned token (alg: none)',
      async () => ({ authorization: `Bearer ${unsigned({ sub: 'mallory', role: 'admin' })}` }),
    ],
    [
      'a token signed with HS512, not HS256',
      async () => ({ authorization: `Bearer ${await sign({ role: 'admin' }, { alg: 'HS512' })}` }),
    ],
    [
      'a token from another issuer',
      async () => ({
        authorization: `Bearer ${await sign({ role: 'admin', iss: 'someone-else' })}`,
      }),
    ],
    [
      'a token with an unknown role',
      async () => ({ authorization: `Bearer ${await sign({ role: 'superuser' })}` }),
    ],
    [
      'an adviser token with no patch',
      async () => ({ authorization: `Bearer ${await sign({ role: 'adviser' })}` }),
    ],
    [
      'an adviser token whose patch is not a list',
      async () => ({
        authorization: `Bearer ${await sign({ role: 'adviser', patch: 'North West' })}`,
      }),
    ],
  ] as const)('%s → 401, nothing written', async (_label, headers) => {
    await refusedWith(await headers());
  });

  it('a malformed body without a token is refused 400 by the JSON parser, which runs before the guard', async () => {
    const response = await api.request('POST', `/councils/${manchester.gss}/risk-signals`, {
      rawBody: '{not json',
    });
    expectErrorBody(response, { status: 400 });
  });

  it('a well-formed but invalid body without a token is refused 401: the guard runs before validation', async () => {
    const response = await api.request('POST', `/councils/${manchester.gss}/risk-signals`, {
      body: { nonsense: true },
    });
    expectErrorBody(response, { status: 401, code: 'unauthenticated' });
  });

  it('an unauthenticated registration is refused 401 and creates no stream', async () => {
    const response = await api.request('POST', '/councils', { body: registrationBody(newcastle) });
    expectErrorBody(response, { status: 401, code: 'unauthenticated' });
    expect(await streamEvents(api, newcastle.gss)).toEqual([]);
  });

  it('never takes recordedBy from the body: an extra recordedBy field is refused 400', async () => {
    await postRefused(
      api,
      {
        gss: manchester.gss,
        path: `/councils/${manchester.gss}/risk-signals`,
        token: await api.token('admin', { sub: 'admin-real' }),
        body: { ...signalBody, signalId: 'rs-spoof', recordedBy: 'someone-else' },
      },
      { status: 400, code: 'validation_failed', field: 'recordedBy' },
    );
  });
});
