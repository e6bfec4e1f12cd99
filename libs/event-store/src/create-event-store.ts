import type { EventStore } from './event-store.js';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store.js';
import { PgliteEventStore } from './postgres/pglite-event-store.js';
import { PostgresEventStore } from './postgres/postgres-event-store.js';

export interface EventStoreConfig {
  /** `postgres://`, `postgresql://`, `esdb://`, `esdb+discover://` or `kurrentdb://`; unset means embedded PGlite. */
  readonly url?: string;
  /** PGlite data directory when `url` is unset. Default `./.ledger/events`. */
  readonly dataDir?: string;
  /** PostgreSQL/PGlite schema. Default `ledger`. */
  readonly schema?: string;
  /** PostgreSQL pool size. Default 10. */
  readonly poolSize?: number;
}

export const DEFAULT_DATA_DIR = './.ledger/events';

/** Picks the adapter from the URL scheme (EVENT_STORE_URL); an empty URL counts as unset. */
export async function createEventStore(config: EventStoreConfig): Promise<EventStore> {
  const url = config.url?.trim();
  if (url === undefined || url === '') {
    return PgliteEventStore.open({
      dataDir: config.dataDir ?? DEFAULT_DATA_DIR,
      ...(config.schema === undefined ? {} : { schema: config.schema }),
    });
  }
  const scheme = url.slice(0, Math.max(url.indexOf('://'), 0)).toLowerCase();
  switch (scheme) {
    case 'postgres':
    case 'postgresql':
      return PostgresEventStore.connect({
        url,
        ...(config.schema === undefined ? {} : { schema: config.schema }),
        ...(config.poolSize === undefined ? {} : { poolSize: config.poolSize }),
      });
    case 'esdb':
    case 'esdb+discover':
    case 'kurrentdb':
      return new EventStoreDbEventStore(url);
    default:
      throw new RangeError(
        `event store URL scheme ${JSON.stringify(scheme)} is not one of postgres, postgresql, ` +
          'esdb, esdb+discover, kurrentdb',
      );
  }
}
