import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';

export interface LedgerConfig {
  /** postgres://…, esdb://…; undefined = embedded PGlite under dataDir. */
  readonly eventStoreUrl: string | undefined;
  readonly dataDir: string;
  readonly port: number;
  readonly host: string;
  readonly auth: AuthConfig;
  /** How many times a command is re-decided after a concurrent write before answering 409. */
  readonly commandRetries: number;
  readonly bodyLimitBytes: number;
  /** redis://…; undefined = read models in memory, rebuilt at start (the embedded default). */
  readonly redisUrl: string | undefined;
  /** Run the projections and reactors in this process (the embedded default and `npm start`). */
  readonly runProjector: boolean;
  /** A query whose read model is further behind than this answers 503 rather than stale numbers. */
  readonly maxReadLagSeconds: number;
  /** PostgreSQL/PGlite schema of the event store; several ledgers can share one database. */
  readonly eventStoreSchema: string;
  /** Prefix of every Redis key, so several ledgers (or test runs) can share one Redis. */
  readonly redisPrefix: string;
  /** A projector's lease on a projection lasts this long unless renewed (every third of it). */
  readonly projectionLeaseMs: number;
}

export type AuthConfig =
  | { readonly mode: 'secret'; readonly secret: Uint8Array; readonly development: boolean }
  | {
      readonly mode: 'jwks';
      readonly jwksUrl: URL;
      readonly issuer?: string;
      readonly audience?: string;
    };

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`configuration ${variable}: ${reason}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw))
    throw new ConfigError(name, `expected a whole number, got ${JSON.stringify(raw)}`);
  const value = Number(raw);
  if (value < min || value > max)
    throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function identifier(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(raw))
    throw new ConfigError(name, `expected a lower-case SQL identifier, got ${JSON.stringify(raw)}`);
  return raw;
}

function redisUrl(env: Env): string | undefined {
  const raw = env['REDIS_URL'];
  if (raw === undefined || raw === '') return undefined;
  if (!/^rediss?:\/\//.test(raw))
    throw new ConfigError(
      'REDIS_URL',
      'expected redis://… or rediss://…, or unset for in-memory read models',
    );
  return raw;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(name, `expected true or false, got ${JSON.stringify(raw)}`);
}

function eventStoreUrl(env: Env): string | undefined {
  const raw = env['EVENT_STORE_URL'];
  if (raw === undefined || raw === '') return undefined;
  if (!/^(postgres|postgresql|esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\//.test(raw)) {
    throw new ConfigError(
      'EVENT_STORE_URL',
      'expected postgres://…, esdb://… or kurrentdb://…, or unset for the embedded store',
    );
  }
  return raw;
}

/**
 * The embedded default must run with no set-up, so a development signing secret
 * is generated once and kept beside the embedded data; a configured store never
 * gets one silently.
 */
function authConfig(env: Env, dataDir: string, embedded: boolean): AuthConfig {
  const jwks = env['LEDGER_JWKS_URL'];
  if (jwks) {
    let url: URL;
    try {
      url = new URL(jwks);
    } catch {
      throw new ConfigError('LEDGER_JWKS_URL', 'not a URL');
    }
    return {
      mode: 'jwks',
      jwksUrl: url,
      ...(env['LEDGER_JWT_ISSUER'] ? { issuer: env['LEDGER_JWT_ISSUER'] } : {}),
      ...(env['LEDGER_JWT_AUDIENCE'] ? { audience: env['LEDGER_JWT_AUDIENCE'] } : {}),
    };
  }
  const secret = env['LEDGER_AUTH_SECRET'];
  if (secret !== undefined && secret !== '') {
    if (secret.length < 32)
      throw new ConfigError('LEDGER_AUTH_SECRET', 'must be at least 32 characters');
    return { mode: 'secret', secret: new TextEncoder().encode(secret), development: true };
  }
  if (!embedded) {
    throw new ConfigError(
      'LEDGER_AUTH_SECRET',
      'set it (development) or LEDGER_JWKS_URL (production)',
    );
  }
  return { mode: 'secret', secret: developmentSecret(dataDir), development: true };
}

export function developmentSecretPath(dataDir: string): string {
  return join(dataDir, 'auth-secret');
}

function developmentSecret(dataDir: string): Uint8Array {
  const file = developmentSecretPath(dataDir);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}

export function loadLedgerConfig(env: Env = process.env): LedgerConfig {
  const url = eventStoreUrl(env);
  const dataDir = resolve(env['LEDGER_DATA_DIR'] || '.ledger');
  return {
    eventStoreUrl: url,
    dataDir,
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env['HOST'] || '0.0.0.0',
    auth: authConfig(env, dataDir, url === undefined),
    commandRetries: integer(env, 'LEDGER_COMMAND_RETRIES', 5, 0, 100),
    bodyLimitBytes: integer(env, 'LEDGER_BODY_LIMIT_BYTES', 256 * 1024, 1024, 64 * 1024 * 1024),
    redisUrl: redisUrl(env),
    runProjector: flag(env, 'LEDGER_RUN_PROJECTOR', true),
    maxReadLagSeconds: integer(env, 'LEDGER_MAX_READ_LAG_SECONDS', 30, 1, 86_400),
    eventStoreSchema: identifier(env, 'LEDGER_PG_SCHEMA', 'ledger'),
    redisPrefix: env['LEDGER_REDIS_PREFIX'] || 'ledger:',
    projectionLeaseMs: integer(env, 'LEDGER_PROJECTION_LEASE_MS', 15_000, 1_000, 600_000),
  };
}
