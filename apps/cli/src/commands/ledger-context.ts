import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { LedgerModule, loadLedgerConfig } from '#ledger';

/** The ledger's application layer without HTTP, for commands that write or read through it. */
export async function withLedger<T>(
  work: (ledger: INestApplicationContext) => Promise<T>,
): Promise<T> {
  const app = await NestFactory.createApplicationContext(
    LedgerModule.forRoot({ config: { ...loadLedgerConfig(), runProjector: false } }),
    {
      logger: ['error', 'warn'],
    },
  );
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}
