import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type LedgerConfig, loadLedgerConfig } from '#ledger';
import { REPO, listFiles } from './infra-files.js';

/** Variables the platform or Node read, not the ledger. */
const PLATFORM_VARIABLES = ['NODE_ENV', 'NODE_OPTIONS', 'TZ'];

/** Secrets in committed files are placeholders; these stand in for real values. */
export const DUMMY_SECRETS: Readonly<Record<string, string>> = {
  LEDGER_AUTH_SECRET: 'dummy-secret-for-infra-tests-0123456789abcdef',
  LEDGER_PEOPLE_URL: 'postgres://ledger:dummy@people-db:5432/people',
};

let known: Set<string> | undefined;

/**
 * Every variable name the ledger's code mentions: an upper-case quoted literal with
 * an underscore (or PORT/HOST) in apps/ or libs/ outside the tests. Read from the
 * code so a new variable needs no list kept here. loadLedgerConfig reports unknown
 * LEDGER_* names itself; this catches the others (REDIS_UR, EVENT_STORE_URI).
 */
export function knownVariables(): ReadonlySet<string> {
  if (known) return known;
  known = new Set(PLATFORM_VARIABLES);
  const literal = /['"`]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|PORT|HOST)['"`]/g;
  for (const dir of ['apps', 'libs']) {
    for (const file of listFiles(dir)) {
      if (!file.endsWith('.ts') || file.endsWith('.spec.ts')) continue;
      for (const match of readFileSync(join(REPO, file), 'utf8').matchAll(literal))
        known.add(match[1]!);
    }
  }
  return known;
}

export interface LedgerEnvironmentCheck {
  readonly problems: string[];
  readonly config: LedgerConfig | undefined;
}

/**
 * What a ledger process would make of this environment: unknown names, and the
 * configuration loader's own verdict (the error a container would exit with).
 */
export function checkLedgerEnvironment(
  where: string,
  env: Readonly<Record<string, string>>,
): LedgerEnvironmentCheck {
  const problems: string[] = [];
  for (const name of Object.keys(env)) {
    if (!name.startsWith('LEDGER_') && !knownVariables().has(name))
      problems.push(`${where}: ${name} is not a variable the ledger reads`);
  }
  try {
    return { problems, config: loadLedgerConfig(env) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const { variable, reason } of error.problems)
      problems.push(`${where}: ${variable}: ${reason}`);
    return { problems, config: undefined };
  }
}

/** The settings every server deployment needs: a server event store, Redis, real auth. */
export function serverDeploymentProblems(where: string, config: LedgerConfig): string[] {
  const problems: string[] = [];
  if (config.eventStoreUrl === undefined)
    problems.push(`${where}: EVENT_STORE_URL is unset (embedded PGlite)`);
  if (config.redisUrl === undefined)
    problems.push(`${where}: REDIS_URL is unset (in-memory read models)`);
  return problems;
}
