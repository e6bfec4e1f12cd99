import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { ConfigError, loadLedgerConfig } from '../config/ledger-config.js';
import { peopleStoreTarget } from './open-people-store.js';

const SECRET = 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
const load = (env: Record<string, string>) =>
  loadLedgerConfig({ LEDGER_AUTH_SECRET: SECRET, LEDGER_DATA_DIR: '/tmp/ledger-x', ...env });

function problemOf(env: Record<string, string>): string {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('where people live (LEDGER_PEOPLE_URL)', () => {
  it('embedded: PGlite beside the embedded event store', () => {
    expect(peopleStoreTarget(load({}))).toEqual({
      kind: 'pglite',
      dataDir: join('/tmp/ledger-x', 'people'),
      schema: 'ledger',
    });
  });

  it('PostgreSQL event store: the same server, in the configured schema', () => {
    const url = 'postgres://u@db:5432/ledger';
    expect(peopleStoreTarget(load({ EVENT_STORE_URL: url, LEDGER_PG_SCHEMA: 'east' }))).toEqual({
      kind: 'postgres',
      url,
      schema: 'east',
    });
  });

  it('EventStoreDB: LEDGER_PEOPLE_URL is required, and then used', () => {
    expect(problemOf({ EVENT_STORE_URL: 'esdb://node1:2113?tls=false' })).toMatch(
      /LEDGER_PEOPLE_URL: required when EVENT_STORE_URL is esdb/,
    );
    expect(problemOf({ EVENT_STORE_URL: 'kurrentdb://node1:2113' })).toMatch(/LEDGER_PEOPLE_URL/);
    const people = 'postgresql://u:secret@people-db/people';
    const config = load({ EVENT_STORE_URL: 'esdb://node1:2113', LEDGER_PEOPLE_URL: people });
    expect(peopleStoreTarget(config)).toEqual({ kind: 'postgres', url: people, schema: 'ledger' });
  });

  it('refuses a LEDGER_PEOPLE_URL that is not PostgreSQL, without echoing its password', () => {
    const message = problemOf({ LEDGER_PEOPLE_URL: 'mysql://u:hunter2@db/people' });
    expect(message).toMatch(/LEDGER_PEOPLE_URL: expected postgres:\/\//);
    expect(message).not.toContain('hunter2');
  });
});
