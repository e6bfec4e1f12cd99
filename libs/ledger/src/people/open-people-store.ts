import { join } from 'node:path';
import type { LedgerConfig } from '../config/ledger-config.js';
import { ConfigError } from '../config/ledger-config.js';
import {
  type ErasePersonOutcome,
  type PeopleStore,
  type PersonDetails,
  type PersonRecord,
  type PutPersonOutcome,
  PeopleStoreUnavailable,
  type Stamp,
} from './people-store.js';
import { openPglitePeopleStore } from './pglite-people-store.js';
import { connectPostgresPeopleStore } from './postgres-people-store.js';

export type PeopleStoreTarget =
  | { readonly kind: 'postgres'; readonly url: string; readonly schema: string }
  | { readonly kind: 'pglite'; readonly dataDir: string; readonly schema: string };

const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//.test(url);

/**
 * Where people live: LEDGER_PEOPLE_URL if set; else the event store's PostgreSQL server
 * (own tables in the same schema); else embedded PGlite beside the embedded event store.
 * EventStoreDB cannot hold erasable rows, so it needs LEDGER_PEOPLE_URL.
 */
export function peopleStoreTarget(config: LedgerConfig): PeopleStoreTarget {
  const schema = config.eventStoreSchema;
  if (config.peopleUrl !== undefined) return { kind: 'postgres', url: config.peopleUrl, schema };
  const events = config.eventStoreUrl;
  if (events === undefined)
    return { kind: 'pglite', dataDir: join(config.dataDir, 'people'), schema };
  if (isPostgresUrl(events)) return { kind: 'postgres', url: events, schema };
  throw new ConfigError(
    'LEDGER_PEOPLE_URL',
    'required when EVENT_STORE_URL is esdb:// or kurrentdb://: a postgres://… database',
  );
}

export function openPeopleStore(target: PeopleStoreTarget): Promise<PeopleStore> {
  return target.kind === 'postgres'
    ? connectPostgresPeopleStore({ url: target.url, schema: target.schema })
    : openPglitePeopleStore({ dataDir: target.dataDir, schema: target.schema });
}

/**
 * Opens the store on first use: a process that never touches people (the projector, most
 * CLI commands, most test apps) does not start a second embedded database. A failed open
 * is retried on the next call rather than remembered.
 */
export class LazyPeopleStore implements PeopleStore {
  private opening: Promise<PeopleStore> | undefined;
  private closed = false;

  constructor(private readonly open: () => Promise<PeopleStore>) {}

  /** Opens now (migrating the schema); the API calls it at start for a server store. */
  store(): Promise<PeopleStore> {
    if (this.closed) return Promise.reject(new PeopleStoreUnavailable('people store is closed'));
    this.opening ??= this.open().catch((error: unknown) => {
      this.opening = undefined;
      throw error;
    });
    return this.opening;
  }

  async put(id: string, details: PersonDetails, stamp: Stamp): Promise<PutPersonOutcome> {
    return (await this.store()).put(id, details, stamp);
  }

  async get(id: string): Promise<PersonRecord | undefined> {
    return (await this.store()).get(id);
  }

  async erase(id: string, stamp: Stamp): Promise<ErasePersonOutcome> {
    return (await this.store()).erase(id, stamp);
  }

  async resolve(ids: readonly string[]): Promise<ReadonlyMap<string, PersonRecord>> {
    // Nothing to resolve needs no database: answers without people never open one.
    if (ids.length === 0) return new Map();
    return (await this.store()).resolve(ids);
  }

  async close(): Promise<void> {
    this.closed = true;
    const opening = this.opening;
    this.opening = undefined;
    if (opening) await (await opening.catch(() => undefined))?.close();
  }
}
