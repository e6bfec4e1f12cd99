import { MemoryReadModelStore } from '#projections';
import { readModelStoreContract } from './read-model-store.contract.js';

readModelStoreContract('memory', async () => ({
  store: new MemoryReadModelStore(),
  teardown: async () => undefined,
}));
