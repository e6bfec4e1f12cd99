import {
  type DynamicModule,
  Inject,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { LedgerConfig } from '../config/ledger-config.js';
import { LazyPeopleStore, openPeopleStore, peopleStoreTarget } from './open-people-store.js';
import { PeopleDirectory } from './people-directory.js';
import { PEOPLE_STORE, type PeopleStore } from './people-store.js';
import { People } from './people.service.js';

export interface PeopleModuleOptions {
  readonly config: LedgerConfig;
  /** Tests may pass their own store (and then close it themselves). */
  readonly peopleStore?: PeopleStore;
}

class PeopleStoreLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(PEOPLE_STORE) private readonly store: PeopleStore,
    /** Open (and migrate) at start: a server store, so a wrong URL fails the start, not a request. */
    private readonly openAtStart: boolean,
    /** A store the caller passed in is theirs to close. */
    private readonly owned: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.owned && this.openAtStart && this.store instanceof LazyPeopleStore)
      await this.store.store();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.owned) await this.store.close();
  }
}

/** The erasable people store and what reads it; global so controllers can inject it. */
@Module({})
export class PeopleModule {
  static forRoot(options: PeopleModuleOptions): DynamicModule {
    const target = peopleStoreTarget(options.config);
    return {
      module: PeopleModule,
      global: true,
      providers: [
        {
          provide: PEOPLE_STORE,
          useFactory: () =>
            options.peopleStore ?? new LazyPeopleStore(() => openPeopleStore(target)),
        },
        {
          provide: PeopleStoreLifecycle,
          useFactory: (store: PeopleStore) =>
            new PeopleStoreLifecycle(
              store,
              target.kind === 'postgres',
              options.peopleStore === undefined,
            ),
          inject: [PEOPLE_STORE],
        },
        PeopleDirectory,
        People,
      ],
      exports: [PEOPLE_STORE, PeopleDirectory, People],
    };
  }
}
