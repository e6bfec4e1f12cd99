import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreScan } from './personal-data-scan-stores.js';

// Jest loads this file on its own, outside the module mapper: it imports only Node built-ins
// (and types). The same name as SCAN_DIR_VARIABLE in personal-data-scan-stores.ts.
const SCAN_DIR_VARIABLE = 'PERSONAL_DATA_SCAN_DIR';

const SHOWN = 30;

/**
 * Fails the run when any event a suite wrote holds personal data, or when test stores
 * were scanned but held no events at all in CI (the scan would then prove nothing). A run with
 * no store-backed suites (unit specs only) has nothing to scan and passes.
 */
export default function globalTeardown(): void {
  const dir = process.env[SCAN_DIR_VARIABLE];
  if (!dir) return;
  let scans: StoreScan[];
  try {
    scans = readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as StoreScan);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (scans.length === 0) return;
  const events = scans.reduce((sum, scan) => sum + scan.events, 0);
  const findings = scans.flatMap((scan) => scan.findings.map((f) => ({ ...f, store: scan.store })));
  if (findings.length > 0) {
    const lines = findings
      .slice(0, SHOWN)
      .map(
        (f) => `  ${f.kind} at ${f.path} of ${f.type} ${f.eventId} in ${f.streamName} (${f.store})`,
      );
    if (findings.length > SHOWN) lines.push(`  … and ${findings.length - SHOWN} more`);
    throw new Error(
      `personal data in ${findings.length} place(s) of the events the suites wrote ` +
        `(people belong in /people, named in events by opaque id):\n${lines.join('\n')}`,
    );
  }
  // In CI the whole suite runs and writes thousands of events; a lone suite run by hand may write none.
  if (events === 0 && process.env['CI'] === 'true') {
    throw new Error(
      `personal-data scan: ${scans.length} test store(s) scanned but no events found; the scan proves nothing`,
    );
  }
  console.log(`personal-data scan: ${events} events in ${scans.length} test stores, none found`);
}
