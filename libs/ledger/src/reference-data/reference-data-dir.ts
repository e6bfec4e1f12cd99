import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The versioned reference data (catalogue, targets, council register) ships in
 * libs/domain/reference-data. The same code runs from the TypeScript sources
 * (tests) and from dist/, at different depths, so find the repository root.
 */
export function referenceDataDir(env: Env = process.env): string {
  return (
    env['LEDGER_REFERENCE_DATA_DIR'] || join(repositoryRoot(), 'libs', 'domain', 'reference-data')
  );
}

/** The risk rules are the read side's data: libs/projections/reference-data/risk-rules/v<N>.json. */
export function riskRulesDir(env: Env = process.env): string {
  return (
    env['LEDGER_RISK_RULES_DIR'] ||
    join(repositoryRoot(), 'libs', 'projections', 'reference-data', 'risk-rules')
  );
}

function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'libs'))) {
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error('cannot find the repository root holding libs/*/reference-data');
    dir = parent;
  }
  return dir;
}
