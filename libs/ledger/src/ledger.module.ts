import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { join } from 'node:path';
import { type EventStore, createEventStore } from '#event-store';
import type { LedgerConfig } from './config/ledger-config.js';
import { Clock, SystemClock } from './shared/clock.js';
import {
  EVENT_STORE,
  LEDGER_CONFIG,
  OFFER_CATALOGUE,
  READ_MODEL_STORE,
  RISK_RULES,
  TARGET_SETS,
} from './tokens.js';
import { MemoryReadModelStore, type ReadModelStore, RedisReadModelStore } from '#projections';
import { ReadModels } from './read/read-models.js';
import { CouncilQueries } from './read/council-queries.js';
import { ProjectionStatusQuery } from './read/projection-status.query.js';
import { ChangeOfControlReactor } from './projector/change-of-control.reactor.js';
import { ProjectorService } from './projector/projector.service.js';
import { CouncilRepository } from './write/council-repository.js';
import { ExecuteCouncilCommandHandler } from './write/execute-council-command.js';
import { TokenVerifier } from './auth/token-verifier.js';
import { AuthGuard } from './auth/auth.guard.js';
import { referenceDataDir, riskRulesDir } from './reference-data/reference-data-dir.js';
import { loadCatalogue, loadRiskRules, loadTargets } from './reference-data/catalogue-loader.js';
import { RegisterImporter } from './reference-data/register-importer.js';
import { CouncilEventsQuery } from './read/council-events.query.js';
import { CouncilWrites } from './http/council-writes.js';
import { NdjsonImporter } from './import/ndjson-importer.js';
import { AsOfLedger } from './as-of/as-of-ledger.js';
import { AsOfQueries } from './as-of/as-of-queries.js';
import { SnapshotDocuments } from './snapshots/snapshot-documents.js';
import { SnapshotStore } from './snapshots/snapshot-store.js';
import { CreateSnapshot } from './snapshots/create-snapshot/create-snapshot.js';
import { VerifySnapshot } from './snapshots/verify-snapshot/verify-snapshot.js';
import { ReadSnapshots } from './snapshots/read-snapshots/read-snapshots.js';
import { PeopleModule } from './people/people.module.js';
import type { PeopleStore } from './people/people-store.js';
import { LedgerMetrics } from './operations/ledger-metrics.js';
import { InstrumentedEventStore } from './operations/instrumented-event-store.js';
import { ProjectionMetrics } from './operations/projection-metrics.js';
import { ReadinessProbe } from './operations/readiness-probe.js';

export interface LedgerModuleOptions {
  readonly config: LedgerConfig;
  /** Tests pass a fixed clock; production uses the system clock. */
  readonly clock?: Clock;
  /** Tests may share one store across app instances. */
  readonly eventStore?: EventStore;
  readonly readModelStore?: ReadModelStore;
  /** Tests may pass their own people store; by default it follows the configuration. */
  readonly peopleStore?: PeopleStore;
}

class ReadModelStoreLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    private readonly owned: boolean,
  ) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.owned) await this.store.close();
  }
}

class EventStoreLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly owned: boolean,
  ) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.owned) await this.store.close();
  }
}

@Module({})
export class LedgerModule {
  static forRoot(options: LedgerModuleOptions): DynamicModule {
    const { config } = options;
    const referenceDir = referenceDataDir();
    const catalogue = loadCatalogue(referenceDir);
    const targets = loadTargets(referenceDir, catalogue);
    const riskRules = loadRiskRules(riskRulesDir());
    return {
      module: LedgerModule,
      global: true,
      imports: [CqrsModule.forRoot(), PeopleModule.forRoot(options)],
      providers: [
        // configuration and reference data
        { provide: LEDGER_CONFIG, useValue: config },
        { provide: OFFER_CATALOGUE, useValue: catalogue },
        { provide: TARGET_SETS, useValue: targets },
        { provide: RISK_RULES, useValue: riskRules },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        // ports
        {
          provide: EVENT_STORE,
          // Wrapped so every append is timed (ledger_event_store_append_seconds).
          useFactory: async (metrics: LedgerMetrics) =>
            new InstrumentedEventStore(
              options.eventStore ??
                (await createEventStore({
                  url: config.eventStoreUrl,
                  dataDir: join(config.dataDir, 'events'),
                  schema: config.eventStoreSchema,
                })),
              metrics,
            ),
          inject: [LedgerMetrics],
        },
        {
          provide: EventStoreLifecycle,
          useFactory: (store: EventStore) =>
            new EventStoreLifecycle(store, options.eventStore === undefined),
          inject: [EVENT_STORE],
        },
        {
          provide: READ_MODEL_STORE,
          useFactory: () =>
            options.readModelStore ??
            (config.redisUrl
              ? new RedisReadModelStore(config.redisUrl, config.redisPrefix)
              : new MemoryReadModelStore()),
        },
        {
          provide: ReadModelStoreLifecycle,
          useFactory: (store: ReadModelStore) =>
            new ReadModelStoreLifecycle(store, options.readModelStore === undefined),
          inject: [READ_MODEL_STORE],
        },
        // write side
        CouncilRepository,
        ExecuteCouncilCommandHandler,
        RegisterImporter,
        NdjsonImporter,
        CouncilWrites,
        // read side
        CouncilEventsQuery,
        ReadModels,
        CouncilQueries,
        ProjectionStatusQuery,
        // as-of reads and board snapshots
        AsOfLedger,
        AsOfQueries,
        SnapshotDocuments,
        SnapshotStore,
        CreateSnapshot,
        VerifySnapshot,
        ReadSnapshots,
        // projections and reactors
        ChangeOfControlReactor,
        ProjectorService,
        // access
        TokenVerifier,
        AuthGuard,
        // operations: metrics and readiness
        LedgerMetrics,
        ProjectionMetrics,
        ReadinessProbe,
      ],
      exports: [
        LEDGER_CONFIG,
        OFFER_CATALOGUE,
        TARGET_SETS,
        EVENT_STORE,
        LedgerMetrics,
        ReadinessProbe,
        Clock,
        CouncilRepository,
        RegisterImporter,
        NdjsonImporter,
        CouncilWrites,
        CouncilEventsQuery,
        CouncilQueries,
        ProjectionStatusQuery,
        ReadModels,
        READ_MODEL_STORE,
        ProjectorService,
        TokenVerifier,
        AuthGuard,
        AsOfLedger,
        AsOfQueries,
        SnapshotDocuments,
        CreateSnapshot,
        VerifySnapshot,
        ReadSnapshots,
      ],
    };
  }
}
