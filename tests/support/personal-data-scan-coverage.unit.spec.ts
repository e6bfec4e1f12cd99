import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const E2E_DIR = join(import.meta.dirname, '..', 'e2e');
/** Ways to get an event store other than tests/support/stores.ts, which scans what it drops. */
const OWN_STORES =
  /PostgresEventStore\.connect|PgliteEventStore\.open|createEventStore\(|EVENT_STORE_URL|LEDGER_PG_SCHEMA|EventStoreDbEventStore/;

/**
 * The personal-data scan sees the events of every store tests/support/stores.ts hands out;
 * an e2e suite that made its own store would write events nobody scans.
 */
describe('personal-data scan coverage', () => {
  it('every e2e suite gets its event stores from tests/support/stores.ts', () => {
    const suites = readdirSync(E2E_DIR).filter((file) => file.endsWith('.ts'));
    expect(suites.length).toBeGreaterThan(10);
    const own = suites.filter((file) => OWN_STORES.test(readFileSync(join(E2E_DIR, file), 'utf8')));
    expect(own).toEqual([]);
  });
});
