import { afterAll, beforeAll, describe } from '@jest/globals';
import { pgliteTestStore, type TestStore } from '../support/stores.js';
import { startTestApi, testConfig, type TestApi } from '../support/test-app.js';
import { readSideScenario } from './read-side.scenario.js';

describe('read side on the embedded default (PGlite, in-memory read models)', () => {
  let events: TestStore;
  let api: TestApi;

  beforeAll(async () => {
    events = await pgliteTestStore();
    api = await startTestApi(events.store, testConfig({ runProjector: true }));
  });
  afterAll(async () => {
    await api?.close();
    await events?.teardown();
  });

  readSideScenario(() => api);
});
