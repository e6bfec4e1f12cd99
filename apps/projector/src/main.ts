import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, LedgerModule, ProjectorService, loadLedgerConfig } from '#ledger';

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

const app = await NestFactory.createApplicationContext(LedgerModule.forRoot({ config }));
app.enableShutdownHooks();
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
