import { type DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TerminusModule } from '@nestjs/terminus';
import { Logger, LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { LedgerConfig } from '#ledger';
import { HealthController } from '../health.controller.js';
import { CorrelationInterceptor } from './correlation.interceptor.js';
import { MetricsController } from './metrics.controller.js';
import { ReadinessIndicators } from './readiness.indicators.js';
import { installRequestIds } from './request-ids.js';
import { installRequestLogging, type RequestLogging, requestLogging } from './request-logging.js';

const REQUEST_LOGGING = Symbol('RequestLogging');

export interface OperationsOptions {
  readonly config: LedgerConfig;
  /** false: no logs at all (the tests), unless logStream is given. */
  readonly logger?: false;
  /** JSON logs go here rather than stdout; tests pass one to read the lines. */
  readonly logStream?: DestinationStream;
}

/** Whether the app logs: always in the processes, in tests only when a test asks for the lines. */
export const logsEnabled = (options: OperationsOptions): boolean =>
  options.logger !== false || options.logStream !== undefined;

/** Health, metrics, request ids, correlation ids and JSON request logs. */
@Module({})
export class OperationsModule {
  static forRoot(options: OperationsOptions): DynamicModule {
    const logging = logsEnabled(options)
      ? requestLogging(options.config.logLevel, options.logStream)
      : undefined;
    return {
      module: OperationsModule,
      imports: [
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
        // nestjs-pino carries Nest's own logs; the request lines come from our hook (useExisting).
        ...(logging
          ? [LoggerModule.forRoot({ pinoHttp: { logger: logging.logger }, useExisting: true })]
          : []),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        ReadinessIndicators,
        { provide: APP_INTERCEPTOR, useClass: CorrelationInterceptor },
        { provide: REQUEST_LOGGING, useValue: logging ?? null },
      ],
    };
  }
}

/** What must be set on the Fastify instance and the app itself, after NestFactory.create. */
export function installOperations(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  installRequestIds(fastify);
  const logging = app.get<symbol, RequestLogging | null>(REQUEST_LOGGING);
  if (logging === null) return;
  installRequestLogging(fastify, logging);
  app.useLogger(app.get(Logger));
}
