import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AuthGuard, LedgerErrorFilter, LedgerModule, type LedgerModuleOptions } from '#ledger';
import { HealthController } from './health.controller.js';
import { COUNCIL_CONTROLLERS } from './councils/index.js';
import { QUERY_CONTROLLERS } from './queries/index.js';
import { SNAPSHOT_CONTROLLERS } from './snapshots/index.js';

@Module({})
export class ApiModule {
  static forRoot(options: LedgerModuleOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [LedgerModule.forRoot(options)],
      controllers: [
        HealthController,
        ...COUNCIL_CONTROLLERS,
        ...QUERY_CONTROLLERS,
        ...SNAPSHOT_CONTROLLERS,
      ],
      providers: [
        { provide: APP_GUARD, useExisting: AuthGuard },
        { provide: APP_FILTER, useClass: LedgerErrorFilter },
      ],
    };
  }
}
