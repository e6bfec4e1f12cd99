export * from './projection.js';
export * from './read-model-store.js';
export { MemoryReadModelStore } from './stores/memory-read-model-store.js';
export type { MemoryReadModelStoreOptions } from './stores/memory-read-model-store.js';
export { RedisReadModelStore } from './stores/redis-read-model-store.js';
