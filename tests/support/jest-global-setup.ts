import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Jest loads this file on its own, outside the module mapper: it imports only Node built-ins.
// The same name as SCAN_DIR_VARIABLE in personal-data-scan-stores.ts.
const SCAN_DIR_VARIABLE = 'PERSONAL_DATA_SCAN_DIR';

/**
 * One directory per jest run for the personal-data scans of every test store. Set here,
 * in the parent process, so every worker inherits it; jest-global-teardown.ts reads it.
 */
export default function globalSetup(): void {
  process.env[SCAN_DIR_VARIABLE] = mkdtempSync(join(tmpdir(), 'ledger-pii-scan-'));
}
