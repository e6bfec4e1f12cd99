import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMAND_TYPES, councilStreamName } from '#domain';
import {
  type Actor,
  FixedClock,
  IMPORT_COMMANDS,
  LedgerModule,
  NdjsonImporter,
  RegisterImporter,
  eventIdsFor,
  parseImportLine,
} from '#ledger';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { TEST_NOW, testConfig } from '../support/test-app.js';

const DOC = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'import-format.md');
const IMPORTER: Actor = { subject: 'import:docs', role: 'admin', patch: [] };

interface Example {
  /** Position among all example lines, from 1: the line number of the file they form. */
  readonly number: number;
  readonly text: string;
  /** The `####` section the line appears under. */
  readonly section: string;
}

interface ExampleLine {
  readonly command: string;
  readonly council: string;
  readonly data: Record<string, unknown>;
  readonly idempotencyKey?: string;
}

/** Every line of every ```ndjson block, in document order. */
function examplesOf(markdown: string): Example[] {
  const examples: Example[] = [];
  let section = '';
  let inBlock = false;
  for (const line of markdown.split('\n')) {
    if (inBlock) {
      if (line.trim() === '```') inBlock = false;
      else if (line.trim() !== '')
        examples.push({ number: examples.length + 1, text: line, section });
      continue;
    }
    const heading = /^#{1,6} (.+)$/.exec(line);
    if (heading) section = heading[1]!.trim();
    if (line.trim() === '```ndjson') inBlock = true;
  }
  if (inBlock) throw new Error('docs/import-format.md: an ndjson block is not closed');
  return examples;
}

const parsed = (example: Example): ExampleLine => JSON.parse(example.text) as ExampleLine;

interface Ledger {
  readonly store: TestStore;
  readonly ledger: INestApplicationContext;
  readonly clock: FixedClock;
}

describe('docs/import-format.md examples', () => {
  const examples = examplesOf(readFileSync(DOC, 'utf8'));

  it('gives an example of every command', () => {
    const shown = new Set(examples.map((example) => parsed(example).command));
    expect(COMMAND_TYPES.filter((type) => !shown.has(type))).toEqual([]);
  });

  it('gives each command section exactly one example, of that command', () => {
    for (const type of COMMAND_TYPES) {
      const inSection = examples.filter((example) => example.section === type);
      expect({ type, lines: inSection.length }).toEqual({ type, lines: 1 });
      expect(parsed(inSection[0]!).command).toBe(type);
    }
  });

  it('dates every example within 2019/20, up to 2020-03-01', () => {
    for (const example of examples) {
      const { occurredAt } = parsed(example).data;
      expect({ line: example.number, occurredAt }).toEqual({
        line: example.number,
        occurredAt: expect.stringMatching(
          /^(2019-(0[4-9]|1[0-2])-\d\d|2020-0[12]-\d\d|2020-03-01)$/,
        ),
      });
    }
  });

  it('parses every example with parseImportLine', async () => {
    for (const example of examples) {
      const line = await parseImportLine(example.text).catch((error: Error) => {
        throw new Error(
          `example ${example.number} (${example.section}) is rejected: ${error.message}`,
        );
      });
      const { command, council } = parsed(example);
      expect(line.command.type).toBe(command);
      expect(line.command.data.gss).toBe(council);
    }
  });

  it('names amended events by the ids their keyed lines get, as the doc derives them', () => {
    const amendments = examples.filter((example) =>
      ['CorrectEvent', 'RetractEvent'].includes(parsed(example).command),
    );
    expect(amendments.length).toBeGreaterThanOrEqual(2);
    for (const amendment of amendments) {
      const { council, data } = parsed(amendment);
      const targets = examples
        .filter((example) => example.number < amendment.number)
        .map(parsed)
        .filter((line) => line.council === council && line.idempotencyKey !== undefined)
        .map((line) => eventIdsFor(councilStreamName(council), 1, line.idempotencyKey)[0]);
      expect(targets).toContain(data['eventId']);
    }
  });

  it('uses the id fields the importer reads for commands the API addresses by path', () => {
    for (const example of examples) {
      const { command, data } = parsed(example);
      const { idField } = IMPORT_COMMANDS[command as keyof typeof IMPORT_COMMANDS];
      if (idField) expect({ command, id: typeof data[idField] }).toEqual({ command, id: 'string' });
    }
  });

  const lines = examples.map(({ number, text }) => ({ number, text }));

  /**
   * The reference register holds political control up to the latest May in its files, in the
   * future at TEST_NOW: it is loaded at the real today, as `npm start` loads it.
   */
  const registerToday = () => new Date(Math.max(Date.now(), TEST_NOW.getTime()));

  /** A ledger on a fresh PostgreSQL schema, as the CLI builds it, at a fixed today. */
  async function freshLedger(clock: FixedClock): Promise<Ledger> {
    const store = await postgresTestStore();
    const ledger = await NestFactory.createApplicationContext(
      LedgerModule.forRoot({ config: testConfig(), clock, eventStore: store.store }),
      { logger: false },
    );
    return { store, ledger, clock };
  }

  describe('applied in document order on a fresh PostgreSQL store', () => {
    let store: TestStore;
    let ledger: INestApplicationContext;
    let clock: FixedClock;

    beforeAll(async () => {
      ({ store, ledger, clock } = await freshLedger(new FixedClock(TEST_NOW)));
    });
    afterAll(async () => {
      await ledger?.close();
      await store?.teardown();
    });

    it('rejects none and applies every line', async () => {
      const report = await ledger.get(NdjsonImporter).importLines(lines, IMPORTER);
      const rejected = report.rejected.map(
        ({ line, reason }) => `example ${line} (${examples[line - 1]!.section}): ${reason}`,
      );
      expect(rejected).toEqual([]);
      expect(report.applied).toBe(examples.length);
      expect(report.unchanged).toBe(0);
      expect(report.eventsWritten).toBeGreaterThanOrEqual(examples.length);
    });

    it('appends nothing when the same lines are imported again', async () => {
      const report = await ledger.get(NdjsonImporter).importLines(lines, IMPORTER);
      expect(report.rejected).toEqual([]);
      expect(report.eventsWritten).toBe(0);
      expect(report.unchanged).toBe(examples.length);
    });

    it('lets the reference register load afterwards without a conflict', async () => {
      clock.set(registerToday());
      const report = await ledger.get(RegisterImporter).importReferenceRegister();
      expect(report.councils).toBeGreaterThan(300);
    }, 120_000);
  });

  describe('applied after the reference register', () => {
    let store: TestStore;
    let ledger: INestApplicationContext;

    beforeAll(async () => {
      ({ store, ledger } = await freshLedger(new FixedClock(registerToday())));
      await ledger.get(RegisterImporter).importReferenceRegister();
    }, 120_000);
    afterAll(async () => {
      await ledger?.close();
      await store?.teardown();
    });

    it('rejects none: the examples state the register facts as the register does', async () => {
      const report = await ledger.get(NdjsonImporter).importLines(lines, IMPORTER);
      expect(report.rejected).toEqual([]);
      expect(report.applied + report.unchanged).toBe(examples.length);
    });
  });
});
