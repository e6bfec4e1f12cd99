export * from './event-store.js';
export * from './errors.js';
export * from './position.js';
export { createEventStore, DEFAULT_DATA_DIR } from './create-event-store.js';
export type { EventStoreConfig } from './create-event-store.js';
export { PostgresEventStore } from './postgres/postgres-event-store.js';
export type { PostgresEventStoreOptions } from './postgres/postgres-event-store.js';
export { PgliteEventStore } from './postgres/pglite-event-store.js';
export type { PgliteEventStoreOptions } from './postgres/pglite-event-store.js';
