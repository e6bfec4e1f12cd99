import { rmSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import type { OfferCatalogue } from '#domain';
import type { EventStore } from '#event-store';
import { MemoryReadModelStore } from '#projections';
import { LedgerModule, OFFER_CATALOGUE } from '#ledger';
import { testConfig } from './test-app.js';

/**
 * The offer catalogue the ledger loads (loadCatalogue(referenceDataDir()) in LedgerModule),
 * read from a short-lived application context over the given store.
 */
export async function ledgerCatalogue(eventStore: EventStore): Promise<OfferCatalogue> {
  const config = testConfig();
  const app = await NestFactory.createApplicationContext(
    LedgerModule.forRoot({ config, eventStore, readModelStore: new MemoryReadModelStore() }),
    { logger: false },
  );
  try {
    return app.get<OfferCatalogue>(OFFER_CATALOGUE);
  } finally {
    await app.close();
    rmSync(config.dataDir, { recursive: true, force: true });
  }
}
