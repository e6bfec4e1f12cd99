import { describe, expect, it } from '@jest/globals';
import { RedisReadModelStore, ReadModelUnavailable } from '#projections';
import { readModelStoreContract } from './read-model-store.contract.js';
import { redisTestStore } from '../support/redis-store.js';

readModelStoreContract('Redis', redisTestStore);

describe('Redis read-model store', () => {
  it('reports an unreachable server as ReadModelUnavailable', async () => {
    const store = new RedisReadModelStore('redis://127.0.0.1:1', 'ledger-test-down:');
    try {
      await expect(store.liveVersion('anything')).rejects.toThrow(ReadModelUnavailable);
      await expect(store.acquireLease({ name: 'x', version: 1 }, 'o', 100)).rejects.toThrow(
        ReadModelUnavailable,
      );
    } finally {
      await store.close();
    }
  });
});
