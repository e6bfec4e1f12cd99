import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import {
  ConfigError,
  type LogLevel,
  invalid,
  logLevel,
  redacted,
  trackedEnv,
  unknownVariables,
} from './config-problems.js';

export { ConfigError, type ConfigProblem, LOG_LEVELS, type LogLevel } from './config-problems.js';

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
  /** /health/ready fails when a live projection is further behind than this. */
  readonly readyMaxLagSeconds: number;
  /** After SIGTERM, in-flight work gets this long; then the process exits anyway. */
  readonly shutdownTimeoutMs: number;
  /** pino level of the JSON logs. */
  readonly logLevel: LogLevel;
  /**
   * postgres://… of the people store (LEDGER_PEOPLE_URL); undefined = the event store's
   * PostgreSQL, or embedded PGlite under dataDir/people. Required with EventStoreDB.
   */
  readonly peopleUrl: string | undefined;
  /** Requests per minute per token subject (anonymous callers: per IP); 0 = no limit. */
  readonly rateLimitPerMinute: number;
  /** Origins allowed to call the API from a browser (CORS); empty = no CORS headers at all. */
  readonly corsOrigins: readonly string[];
}

export type AuthConfig =
  | { readonly mode: 'secret'; readonly secret: Uint8Array; readonly development: boolean }
  | {
      readonly mode: 'jwks';
      readonly jwksUrl: URL;
      readonly issuer?: string;
      readonly audience?: string;
    };

type Env = Readonly<Record<string, string | undefined>>;

/** Stands in for the auth settings when they are bad: the configuration is refused anyway. */
const NO_AUTH: AuthConfig = { mode: 'secret', secret: new Uint8Array(), development: true };

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw))
    return invalid(env, name, `expected a whole number, got ${JSON.stringify(raw)}`, fallback);
  const value = Number(raw);
  if (value < min || value > max)
    return invalid(env, name, `must be between ${min} and ${max}, got ${value}`, fallback);
  return value;
}

function identifier(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(raw)) {
    const reason = `expected a lower-case SQL identifier, got ${JSON.stringify(raw)}`;
    return invalid(env, name, reason, fallback);
  }
  return raw;
}

function redisUrl(env: Env): string | undefined {
  const raw = env['REDIS_URL'];
  if (raw === undefined || raw === '') return undefined;
  if (!/^rediss?:\/\//.test(raw)) {
    const reason = `expected redis://… or rediss://…, or unset for in-memory read models, got ${redacted(raw)}`;
    return invalid(env, 'REDIS_URL', reason, undefined);
  }
  return raw;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  return invalid(env, name, `expected true or false, got ${JSON.stringify(raw)}`, fallback);
}

function eventStoreUrl(env: Env): string | undefined {
  const raw = env['EVENT_STORE_URL'];
  if (raw === undefined || raw === '') return undefined;
  if (!/^(postgres|postgresql|esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\//.test(raw)) {
    const reason = `expected postgres://…, esdb://… or kurrentdb://…, or unset for the embedded store, got ${redacted(raw)}`;
    return invalid(env, 'EVENT_STORE_URL', reason, undefined);
  }
  return raw;
}

/**
 * People must live in an erasable store, never in the event store: EventStoreDB cannot
 * hold them, so with it a PostgreSQL for people is required rather than silently embedded.
 */
function peopleUrl(env: Env, eventStore: string | undefined): string | undefined {
  const raw = env['LEDGER_PEOPLE_URL'];
  if (raw === undefined || raw === '') {
    if (eventStore === undefined || /^postgres(ql)?:\/\//.test(eventStore)) return undefined;
    const reason =
      'required when EVENT_STORE_URL is esdb:// or kurrentdb://: a postgres://… database for ' +
      'the erasable people store (personal data never goes in the event store)';
    return invalid(env, 'LEDGER_PEOPLE_URL', reason, undefined);
  }
  if (!/^postgres(ql)?:\/\//.test(raw)) {
    const reason = `expected postgres://… or postgresql://…, got ${redacted(raw)}`;
    return invalid(env, 'LEDGER_PEOPLE_URL', reason, undefined);
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
      return invalid(env, 'LEDGER_JWKS_URL', `not a URL, got ${JSON.stringify(jwks)}`, NO_AUTH);
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
    if (secret.length < 32) {
      // Never echo a secret, even a bad one: its length is enough to see what is wrong.
      const reason = `must be at least 32 characters, got ${secret.length}`;
      return invalid(env, 'LEDGER_AUTH_SECRET', reason, NO_AUTH);
    }
    return { mode: 'secret', secret: new TextEncoder().encode(secret), development: true };
  }
  if (!embedded) {
    const reason =
      'unset: set it (development) or LEDGER_JWKS_URL (production) with a server store';
    return invalid(env, 'LEDGER_AUTH_SECRET', reason, NO_AUTH);
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

/**
 * The configuration from the environment, or a ConfigError listing every bad
 * value and every unknown LEDGER_* variable (likely a typo), one line each.
 */
export function loadLedgerConfig(source: Env = process.env): LedgerConfig {
  const { env, sink } = trackedEnv(source);
  let config: LedgerConfig | undefined;
  try {
    config = readConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    sink.problems.push(...error.problems);
  }
  sink.problems.push(...unknownVariables(source, sink.read));
  if (config === undefined || sink.problems.length > 0) throw new ConfigError(sink.problems);
  return config;
}

/** An explicit allow-list: `*` would let any site call the API with a user's token at hand. */
function corsOrigins(env: Env): readonly string[] {
  const raw = env['LEDGER_CORS_ORIGINS'];
  if (raw === undefined || raw.trim() === '') return [];
  const origins = raw
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  const bad = origins.find((origin) => !/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(origin));
  if (bad === undefined) return origins;
  const reason = `expected comma-separated origins such as https://ledger.example.org (scheme, host, optional port; no path, no *), got ${JSON.stringify(bad)}`;
  return invalid(env, 'LEDGER_CORS_ORIGINS', reason, []);
}

function readConfig(env: Env): LedgerConfig {
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
    readyMaxLagSeconds: integer(env, 'LEDGER_READY_MAX_LAG_SECONDS', 60, 0, 86_400),
    shutdownTimeoutMs: integer(env, 'LEDGER_SHUTDOWN_TIMEOUT_MS', 25_000, 100, 3_600_000),
    logLevel: logLevel(env),
    peopleUrl: peopleUrl(env, url),
    rateLimitPerMinute: integer(env, 'LEDGER_RATE_LIMIT_PER_MINUTE', 1200, 0, 1_000_000),
    corsOrigins: corsOrigins(env),
  };
}
