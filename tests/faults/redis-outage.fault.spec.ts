import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { OfferCatalogue } from '#domain';
import {
  COUNCIL_PROJECTIONS,
  MemoryReadModelStore,
  type Projection,
  ProjectionRunner,
  RedisReadModelStore,
} from '#projections';
import { OFFER_CATALOGUE } from '#ledger';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.js';
import { startTestApi, testConfig, type TestApi, type TestResponse } from '../support/test-app.js';
import { COUNCILS, registerCouncils } from '../fixtures/councils.js';

const OUTAGE_MS = 30_000;
const LEASE_MS = 3_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const COUNCIL_LIST = [COUNCILS.kent, COUNCILS.cornwall, COUNCILS.leeds, COUNCILS.camden];

/** Folds every event in the store into memory with the same projections: the reference. */
async function cleanFold(events: TestStore, catalogue: OfferCatalogue) {
  const head = await events.store.headPosition();
  const folded = new Map<string, Map<string, unknown>>();
  const projections: readonly Projection[] = COUNCIL_PROJECTIONS(catalogue);
  for (const projection of projections) {
    const memory = new MemoryReadModelStore();
    const runner = new ProjectionRunner({ projection, eventStore: events.store, store: memory });
    void runner.start();
    const key = { name: projection.name, version: projection.version };
    while (((await memory.checkpoint(key))?.position ?? 0n) < head) await sleep(50);
    await runner.stop();
    folded.set(projection.name, await memory.all(key));
  }
  return folded;
}

/** Each live projection's documents in Redis, once every checkpoint has reached the head. */
async function caughtUpDocuments(
  redisUrl: string,
  prefix: string,
  events: TestStore,
  catalogue: OfferCatalogue,
) {
  const store = new RedisReadModelStore(redisUrl, prefix);
  try {
    const head = await events.store.headPosition();
    const documents = new Map<string, Map<string, unknown>>();
    for (const projection of COUNCIL_PROJECTIONS(catalogue)) {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const live = await store.liveVersion(projection.name).catch(() => undefined);
        const key = { name: projection.name, version: live ?? projection.version };
        const position = (await store.checkpoint(key).catch(() => undefined))?.position;
        if (live === projection.version && position !== undefined && position >= head) break;
        if (Date.now() > deadline)
          throw new Error(`${projection.name} did not catch up: at ${position}, head ${head}`);
        await sleep(200);
      }
      documents.set(projection.name, await store.all(projection));
    }
    return documents;
  } finally {
    await store.close();
  }
}

describe.each([
  { persistence: true, label: 'restarted with its data (RDB saved at shutdown)' },
  { persistence: false, label: 'restarted EMPTY (no persistence)' },
])('Redis stops for 30 s while writes continue, then is $label', ({ persistence }) => {
  let events: TestStore;
  let redis: PrivateRedis;
  let api: TestApi;
  let admin: string;
  let manager: string;
  const prefix = 'ledger-fault:';
  let written = 0;

  const write = (council: { gss: string }): Promise<TestResponse> => {
    const id = `ac-${(written += 1)}`;
    return api.request('POST', `/councils/${council.gss}/annual-conversations`, {
      token: admin,
      headers: { 'idempotency-key': id },
      body: {
        conversationId: id,
        occurredAt: '2019-06-12',
        adviserId: 'pa-1',
        topics: ['finance'],
        supportAgreed: [],
      },
    });
  };
  const query = () => api.request('GET', '/take-up?fy=2019', { token: manager });

  beforeAll(async () => {
    events = await postgresTestStore();
    redis = await startPrivateRedis({ persistence });
    // Everything this API keeps in Redis is on the private server: the read models and the
    // rate limiter's counters (turned on, with room for the test's traffic), which are on the
    // write path and must not make a write fail when Redis is away.
    api = await startTestApi(
      events.store,
      testConfig({
        runProjector: true,
        projectionLeaseMs: LEASE_MS,
        redisUrl: redis.url,
        redisPrefix: prefix,
        rateLimitPerMinute: 100_000,
      }),
    );
    admin = await api.token('admin', { sub: 'fault-admin' });
    manager = await api.token('manager', { sub: 'fault-manager' });
    await registerCouncils(api, COUNCIL_LIST);
    for (const council of COUNCIL_LIST) expect((await write(council)).status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await redis?.teardown();
    await events?.teardown();
  });

  it('accepts every write during the outage, answers queries 503 naming Redis, then catches up to a clean fold', async () => {
    // Before: the read side answers, at the head.
    const deadline = Date.now() + 60_000;
    while ((await query()).status !== 200 && Date.now() < deadline) await sleep(200);
    expect((await query()).status).toBe(200);

    await redis.stop();
    const outageStarted = Date.now();
    const writes: TestResponse[] = [];
    const queries: TestResponse[] = [];
    let n = 0;
    while (Date.now() - outageStarted < OUTAGE_MS) {
      writes.push(await write(COUNCIL_LIST[n++ % COUNCIL_LIST.length]!));
      if (n % 5 === 0) queries.push(await query());
      await sleep(100);
    }
    const headAtReturn = await events.store.headPosition();
    await redis.start();
    process.stdout.write(
      `outage ${((Date.now() - outageStarted) / 1000).toFixed(1)} s: ${writes.length} writes, ${queries.length} queries\n`,
    );

    // No write failed: the events are the source of truth and Redis is not on the write path.
    expect(writes.filter((response) => response.status !== 201).map((r) => r.body)).toEqual([]);
    // Queries refused clearly, never with a 500 or stale numbers from nowhere.
    expect(queries.length).toBeGreaterThan(10);
    for (const response of queries) {
      expect({ status: response.status, code: response.body.code }).toEqual({
        status: 503,
        code: 'read_model_unavailable',
      });
      expect(response.body.message).toMatch(/Redis/);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    }

    // After: queries come back; an answer never reflects less than was written before Redis returned
    // unless Redis kept its data (then it may briefly show the position it had, within the lag limit).
    const back = Date.now();
    let answered: TestResponse | undefined;
    while (Date.now() - back < 90_000) {
      const response = await query();
      if (response.status === 200) {
        const position = BigInt(response.headers.get('x-ledger-position') ?? '0');
        if (!persistence) expect(position).toBeGreaterThanOrEqual(headAtReturn);
        if (position >= headAtReturn) {
          answered = response;
          break;
        }
      } else {
        expect(response.status).toBe(503);
      }
      await sleep(200);
    }
    expect(answered?.status).toBe(200);
    process.stdout.write(
      `queries answered at the head ${Date.now() - back} ms after Redis returned\n`,
    );

    // The read models in Redis equal a clean rebuild from the same events.
    const catalogue = api.app.get<OfferCatalogue>(OFFER_CATALOGUE);
    const inRedis = await caughtUpDocuments(redis.url, prefix, events, catalogue);
    const clean = await cleanFold(events, catalogue);
    expect(inRedis).toEqual(clean);
    const conversations = clean.get('annual-conversations');
    expect(conversations?.size).toBe(COUNCIL_LIST.length);
  }, 240_000);
});
