import { describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadLedgerConfig } from './ledger-config.js';

const SECRET = 'x'.repeat(40);
/** A valid server configuration to spoil one variable at a time. */
const base = (): Record<string, string> => ({
  LEDGER_DATA_DIR: mkdtempSync(join(tmpdir(), 'ledger-config-')),
  EVENT_STORE_URL: 'postgres://ledger:pw@db:5432/ledger',
  LEDGER_AUTH_SECRET: SECRET,
});

function problemsOf(env: Record<string, string>): ConfigError {
  try {
    loadLedgerConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadLedgerConfig', () => {
  it('reads the operations settings, with their defaults', () => {
    const defaults = loadLedgerConfig(base());
    expect(defaults).toMatchObject({
      readyMaxLagSeconds: 60,
      shutdownTimeoutMs: 25_000,
      logLevel: 'info',
    });
    const set = loadLedgerConfig({
      ...base(),
      LEDGER_READY_MAX_LAG_SECONDS: '5',
      LEDGER_SHUTDOWN_TIMEOUT_MS: '3000',
      LOG_LEVEL: 'DEBUG',
    });
    expect(set).toMatchObject({
      readyMaxLagSeconds: 5,
      shutdownTimeoutMs: 3000,
      logLevel: 'debug',
    });
  });

  it('reports every bad value at once, one line each with the variable, the reason and what was given', () => {
    const error = problemsOf({
      ...base(),
      PORT: 'eighty',
      LEDGER_COMMAND_RETRIES: '500',
      LEDGER_RUN_PROJECTOR: 'maybe',
      LEDGER_PG_SCHEMA: 'Bad-Schema',
      REDIS_URL: 'http://cache:6379',
      LOG_LEVEL: 'loud',
      LEDGER_SHUTDOWN_TIMEOUT_MS: '-1',
    });
    expect(error.problems.map((p) => p.variable)).toEqual([
      'PORT',
      'LEDGER_COMMAND_RETRIES',
      'REDIS_URL',
      'LEDGER_RUN_PROJECTOR',
      'LEDGER_PG_SCHEMA',
      'LEDGER_SHUTDOWN_TIMEOUT_MS',
      'LOG_LEVEL',
    ]);
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('configuration: 7 problems');
    expect(lines).toContain('  PORT: expected a whole number, got "eighty"');
    expect(lines).toContain('  LEDGER_COMMAND_RETRIES: must be between 0 and 100, got 500');
    expect(lines).toContain('  LEDGER_RUN_PROJECTOR: expected true or false, got "maybe"');
    expect(lines).toContain('  LEDGER_SHUTDOWN_TIMEOUT_MS: expected a whole number, got "-1"');
    expect(lines.find((l) => l.startsWith('  REDIS_URL:'))).toContain('"http://cache:6379"');
    expect(lines.find((l) => l.startsWith('  LOG_LEVEL:'))).toContain('got "loud"');
    expect(error.variable).toBe('PORT');
  });

  it('names the secret problem without echoing the secret, and hides URL credentials', () => {
    const error = problemsOf({
      ...base(),
      LEDGER_AUTH_SECRET: 'short-secret',
      EVENT_STORE_URL: 'mysql://root:hunter2@db/ledger',
    });
    expect(error.message).not.toContain('short-secret');
    expect(error.message).not.toContain('hunter2');
    expect(error.message).toContain('LEDGER_AUTH_SECRET: must be at least 32 characters, got 12');
    expect(error.message).toContain('EVENT_STORE_URL: expected postgres://');
  });

  it('keeps the one-line message when there is a single problem', () => {
    const error = problemsOf({ ...base(), LEDGER_BODY_LIMIT_BYTES: '12' });
    expect(error.message).toBe(
      'configuration LEDGER_BODY_LIMIT_BYTES: must be between 1024 and 67108864, got 12',
    );
    expect(error.problems).toHaveLength(1);
  });

  it('reports unknown LEDGER_* variables as likely typos, suggesting the nearest known one', () => {
    const error = problemsOf({
      ...base(),
      LEDGER_COMAND_RETRIES: '3',
      LEDGER_SOMETHING_ELSE: 'x',
      PORT: 'x',
    });
    expect(error.problems.map((p) => p.variable)).toEqual([
      'PORT',
      'LEDGER_COMAND_RETRIES',
      'LEDGER_SOMETHING_ELSE',
    ]);
    expect(error.message).toContain(
      'LEDGER_COMAND_RETRIES: unknown variable (set to "3"); did you mean LEDGER_COMMAND_RETRIES?',
    );
    expect(error.message.endsWith('LEDGER_SOMETHING_ELSE: unknown variable (set to "x")')).toBe(
      true,
    );
  });

  it('accepts the LEDGER_* variables read outside the configuration, and unrelated variables', () => {
    expect(() =>
      loadLedgerConfig({
        ...base(),
        LEDGER_IMPORT_REGISTER_ON_START: 'false',
        LEDGER_REFERENCE_DATA_DIR: '/data',
        LEDGER_JWT_ISSUER: 'https://issuer',
        HOME: '/root',
        NODE_ENV: 'production',
      }),
    ).not.toThrow();
  });

  it('still reports a missing secret with a server store', () => {
    const { LEDGER_AUTH_SECRET: _omitted, ...env } = base();
    const error = problemsOf({ ...env, LEDGER_RUN_PROJECTOR: 'nope' });
    expect(error.problems.map((p) => p.variable)).toEqual([
      'LEDGER_AUTH_SECRET',
      'LEDGER_RUN_PROJECTOR',
    ]);
  });
});
