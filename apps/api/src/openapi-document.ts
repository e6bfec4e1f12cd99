import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PgliteEventStore } from '#event-store';
import { loadLedgerConfig } from '#ledger';
import { createApiApp, openApiDocument } from './app.js';

/**
 * Where the committed OpenAPI document lives. The same code runs from the TypeScript
 * sources (tests) and from dist/ (the script), at different depths, so find the root.
 */
export function openApiFilePath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'docs'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the repository root holding docs/');
    dir = parent;
  }
  return join(dir, 'docs', 'openapi.json');
}

/** The value with every object's keys in code-point order, arrays left in theirs (like `jq -S`). */
export function withSortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withSortedKeys);
  if (typeof value !== 'object' || value === null) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    sorted[key] = withSortedKeys((value as Record<string, unknown>)[key]);
  }
  return sorted;
}

/**
 * The API's OpenAPI document as it is committed in docs/openapi.json: built from the real
 * application (the same controllers, DTOs and `openApiDocument` as `/docs`), keys sorted,
 * two-space indentation and a trailing newline, so the file is byte-for-byte reproducible.
 *
 * The application runs on a throwaway embedded store in a temporary directory, with a
 * configuration that reads nothing from the environment: the document never depends on
 * where it is generated, and nothing is written outside the temporary directory.
 */
export async function buildOpenApiJson(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-openapi-'));
  try {
    const eventStore = await PgliteEventStore.open({ dataDir: join(dataDir, 'events') });
    try {
      const config = loadLedgerConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_RUN_PROJECTOR: 'false' });
      const app = await createApiApp({ config, eventStore, logger: false });
      try {
        return `${JSON.stringify(withSortedKeys(openApiDocument(app)), null, 2)}\n`;
      } finally {
        await app.close();
      }
    } finally {
      await eventStore.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
