import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FixedClock, LedgerModule, NdjsonImporter, type Actor, type ImportReport } from '#ledger';
import { START } from '#event-store';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { TEST_NOW, testConfig } from '../support/test-app.js';
import { generateImportFile } from '../fixtures/generate-import-file.js';

const IMPORTER: Actor = { subject: 'import:test', role: 'admin', patch: [] };

async function countEvents(store: TestStore): Promise<number> {
  let count = 0;
  let after = START;
  for (;;) {
    const batch = await store.store.readAll({ after, maxCount: 5000 });
    if (batch.length === 0) return count;
    count += batch.length;
    after = batch.at(-1)!.position;
  }
}

describe('ledger import (NDJSON) on PostgreSQL', () => {
  let store: TestStore;
  let ledger: INestApplicationContext;
  const config = testConfig();
  const generated = generateImportFile({ lines: 10_000, councils: 120, badEvery: 100 });
  const file = join(config.dataDir, 'import.ndjson');
  let firstRun: ImportReport | undefined;

  beforeAll(async () => {
    writeFileSync(file, generated.text);
    store = await postgresTestStore();
    ledger = await NestFactory.createApplicationContext(
      LedgerModule.forRoot({ config, clock: new FixedClock(TEST_NOW), eventStore: store.store }),
      { logger: false },
    );
  });
  afterAll(async () => {
    await ledger?.close();
    await store?.teardown();
  });

  it('applies exactly the good lines and reports exactly the bad ones', async () => {
    expect(generated.lines).toBe(10_000);
    // 1%: one line in a hundred after the registrations.
    expect(generated.badLines.size).toBeGreaterThanOrEqual(99);
    const report = await ledger.get(NdjsonImporter).importFile(file, IMPORTER);
    firstRun = report;
    expect(report.rejected.map((r) => r.line)).toEqual(
      [...generated.badLines].sort((a, b) => a - b),
    );
    for (const rejection of report.rejected) expect(rejection.reason.length).toBeGreaterThan(5);
    expect(report.applied).toBe(generated.goodLines);
    expect(report.eventsWritten).toBe(generated.goodLines);
    expect(await countEvents(store)).toBe(generated.goodLines);
  }, 180_000);

  it('appends nothing when the same file is imported again', async () => {
    const before = await countEvents(store);
    const report = await ledger.get(NdjsonImporter).importFile(file, IMPORTER);
    expect(report.eventsWritten).toBe(0);
    expect(report.applied).toBe(0);
    expect(report.unchanged).toBe(generated.goodLines);
    expect(report.rejected).toHaveLength(generated.badLines.size);
    expect(await countEvents(store)).toBe(before);
  }, 180_000);

  it('names the reason for each kind of bad line', () => {
    const reasons = (firstRun?.rejected ?? []).map((r) => r.reason).join('\n');
    expect(reasons).toMatch(/not JSON/);
    expect(reasons).toMatch(/command: must be one of/);
    expect(reasons).toMatch(/council: must be an English GSS code/);
    expect(reasons).toMatch(/data\.occurredAt/);
    expect(reasons).toMatch(/data\.kind/);
    expect(reasons).toMatch(/data\.adviserName/);
    expect(reasons).toMatch(/OfferNotInCatalogue|catalogue/);
    expect(reasons).toMatch(/DateInFuture|future/);
    expect(reasons).toMatch(/InvalidLifecycleStep|already/);
  });
});
