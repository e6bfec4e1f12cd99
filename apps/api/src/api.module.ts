import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AuthGuard, LedgerErrorFilter, LedgerModule, type LedgerModuleOptions } from '#ledger';
import { OperationsModule, type OperationsOptions } from './operations/operations.module.js';
import { COUNCIL_CONTROLLERS } from './councils/index.js';
import { QUERY_CONTROLLERS } from './queries/index.js';
import { SNAPSHOT_CONTROLLERS } from './snapshots/index.js';
import { PEOPLE_CONTROLLERS } from './people/index.js';

@Module({})
export class ApiModule {
  static forRoot(options: LedgerModuleOptions & OperationsOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [LedgerModule.forRoot(options), OperationsModule.forRoot(options)],
      controllers: [
        ...COUNCIL_CONTROLLERS,
        ...QUERY_CONTROLLERS,
        ...SNAPSHOT_CONTROLLERS,
        ...PEOPLE_CONTROLLERS,
      ],
      providers: [
        { provide: APP_GUARD, useExisting: AuthGuard },
        { provide: APP_FILTER, useClass: LedgerErrorFilter },
      ],
    };
  }
}
