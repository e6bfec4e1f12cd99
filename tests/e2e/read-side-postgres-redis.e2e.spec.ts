import { afterAll, beforeAll, describe } from '@jest/globals';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { redisTestStore, type RedisTestStore } from '../support/redis-store.js';
import { startTestApi, testConfig, type TestApi } from '../support/test-app.js';
import { readSideScenario } from './read-side.scenario.js';

describe('read side on PostgreSQL and Redis: HTTP write to HTTP query', () => {
  let events: TestStore;
  let readModels: RedisTestStore;
  let api: TestApi;

  beforeAll(async () => {
    events = await postgresTestStore();
    readModels = await redisTestStore();
    api = await startTestApi(events.store, testConfig({ runProjector: true }), {
      readModelStore: readModels.store,
    });
  });
  afterAll(async () => {
    await api?.close();
    await readModels?.teardown();
    await events?.teardown();
  });

  readSideScenario(() => api);
});
