import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { ConfigError, RegisterImporter, exitGracefullyOnSignals, loadLedgerConfig } from '#ledger';
import { createApiApp } from './app.js';

let config;
try {
  config = loadLedgerConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}

const app = await createApiApp({ config });
exitGracefullyOnSignals(app, { timeoutMs: config.shutdownTimeoutMs, log: new Logger('shutdown') });
await app.listen(config.port, config.host);
const logger = new Logger('ledger');
// The port actually bound: PORT=0 asks the system for a free one.
const url = `http://localhost:${(app.getHttpServer().address() as AddressInfo).port}`;
logger.log(
  `listening on ${url} (store: ${config.eventStoreUrl ? config.eventStoreUrl.replace(/\/\/[^@]*@/, '//***@') : `embedded, ${config.dataDir}`}); OpenAPI at ${url}/docs`,
);
logger.log(
  `a development token: npm run ledger -- token --role adviser --patch "North West" --sub pa-1`,
);

if (process.env['LEDGER_IMPORT_REGISTER_ON_START'] !== 'false') {
  const started = Date.now();
  const report = await app.get(RegisterImporter).importReferenceRegister();
  logger.log(
    `council register: ${report.councils} councils, ${report.commands} facts checked, ${report.eventsWritten} events written in ${Date.now() - started} ms`,
  );
  for (const { idempotencyKey, reason } of report.refused)
    logger.warn(`register fact ${idempotencyKey} refused: ${reason}`);
}
