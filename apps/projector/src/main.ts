import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import { Logger as PinoLogger, LoggerModule } from 'nestjs-pino';
import { NestFactory } from '@nestjs/core';
import {
  ConfigError,
  LedgerModule,
  ProjectorService,
  exitGracefullyOnSignals,
  loadLedgerConfig,
} from '#ledger';

/**
 * The projector process: runs the council projections and the reactors
 * against the configured event store, writing read models to Redis. Run
 * several: each projection is leased to one at a time, the others stand by.
 */
let config;
try {
  config = { ...loadLedgerConfig(), runProjector: true };
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
if (config.redisUrl === undefined) {
  console.error(
    'REDIS_URL: the projector process writes read models to Redis; set it (in-memory read models live inside `npm start`)',
  );
  process.exit(2);
}

@Module({})
class ProjectorModule {}

const app = await NestFactory.createApplicationContext(
  {
    module: ProjectorModule,
    imports: [
      LedgerModule.forRoot({ config }),
      LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
    ],
  },
  { bufferLogs: true },
);
app.useLogger(app.get(PinoLogger));
// On SIGTERM the runners commit the batch in hand and release their leases before the exit.
exitGracefullyOnSignals(app, { timeoutMs: config.shutdownTimeoutMs, log: new Logger('shutdown') });
const logger = new Logger('projector');
logger.log('projector started; projections and reactors are leased per process');
setInterval(() => {
  void app
    .get(ProjectorService)
    .status()
    .then((all) => {
      for (const s of all)
        logger.log(
          `${s.name} v${s.version}: ${s.state} at ${s.checkpoint}, lag ${s.lagEvents} events / ${s.lagSeconds}s`,
        );
    });
}, 60_000).unref();
