import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The versioned reference data (catalogue, targets, council register) ships in
 * libs/domain/reference-data. The same code runs from the TypeScript sources
 * (tests) and from dist/, at different depths, so find the repository root.
 */
export function referenceDataDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const configured = env['LEDGER_REFERENCE_DATA_DIR'];
  if (configured) return configured;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'libs'))) {
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error('cannot find the repository root holding libs/domain/reference-data');
    dir = parent;
  }
  return join(dir, 'libs', 'domain', 'reference-data');
}
