import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { ProjectorService } from '#ledger';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { redisTestStore, type RedisTestStore } from '../support/redis-store.js';
import { redisUrl } from '../support/services.js';
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

/** Polls /health/ready until it answers `status` (projections build in the background). */
async function readyBecomes(api: TestApi, status: number, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await api.request('GET', '/health/ready');
    if (response.status === status || Date.now() > deadline) return response;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('/health/live and /health/ready on PostgreSQL and Redis', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  afterAll(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function stack(options: { runProjector: boolean; redis?: string }) {
    const events: TestStore = await postgresTestStore();
    cleanups.push(() => events.teardown());
    // A closed Redis port gets no test store: the app connects to it itself, as in production.
    let readModels: RedisTestStore | undefined;
    if (options.redis === undefined) {
      readModels = await redisTestStore();
      cleanups.push(() => readModels!.teardown());
    }
    const api = await startTestApi(
      events.store,
      testConfig({
        runProjector: options.runProjector,
        redisUrl: options.redis ?? redisUrl(),
        readyMaxLagSeconds: 60,
      }),
      readModels ? { readModelStore: readModels.store } : {},
    );
    cleanups.push(() => api.close());
    return api;
  }

  it('is live and ready without a token when the store, Redis and the projections are fine', async () => {
    const api = await stack({ runProjector: true });
    const live = await api.request('GET', '/health/live');
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok' });
    const ready = await readyBecomes(api, 200);
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      info: {
        event_store: { status: 'up', head: '0' },
        redis: { status: 'up', configured: true },
        projection_lag: { status: 'up', maxLagSeconds: 60 },
      },
      error: {},
    });
  });

  it('answers 503 naming redis when REDIS_URL points at a closed port', async () => {
    const api = await stack({ runProjector: false, redis: 'redis://127.0.0.1:1' });
    const live = await api.request('GET', '/health/live');
    expect(live.status).toBe(200);
    const ready = await api.request('GET', '/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.status).toBe('error');
    expect(ready.body.error.redis).toMatchObject({ status: 'down' });
    expect(ready.body.error.redis.message).toMatch(/^redis: /);
    // The event store is fine and says so; only what depends on Redis is down.
    expect(ready.body.info.event_store).toMatchObject({ status: 'up' });
    expect(Object.keys(ready.body.error).sort()).toEqual(['projection_lag', 'redis']);
  });

  it('answers 503 naming projection_lag while a projection is behind, 200 once it catches up', async () => {
    const api = await stack({ runProjector: false });
    const admin = await api.token('admin');
    const registered = await api.request('POST', '/councils', { token: admin, body: MANCHESTER });
    expect(registered.status).toBe(201);
    // The projections have not folded the event; let two hours pass on the ledger's clock.
    api.clock.set(new Date(Date.now() + 2 * 3600_000));
    const behind = await api.request('GET', '/health/ready');
    expect(behind.status).toBe(503);
    expect(Object.keys(behind.body.error)).toEqual(['projection_lag']);
    expect(behind.body.error.projection_lag.message).toMatch(
      /^projections more than 60 s behind the ledger: /,
    );
    const lagging = behind.body.error.projection_lag.behind as {
      projection: string;
      lagEvents: string;
    }[];
    expect(lagging.length).toBeGreaterThan(0);
    expect(lagging.every((p) => p.lagEvents === '1')).toBe(true);
    expect(behind.body.info).toMatchObject({
      event_store: { status: 'up' },
      redis: { status: 'up' },
    });

    api.app.get(ProjectorService).start();
    const caughtUp = await readyBecomes(api, 200);
    expect(caughtUp.status).toBe(200);
    expect(caughtUp.body.info.projection_lag.status).toBe('up');
  });
});
