import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, readText } from './support/infra-files.js';
import { knownVariables } from './support/ledger-env.js';

const doc = readText('docs/operations.md');

describe('docs/operations.md', () => {
  it('names only variables the ledger reads', () => {
    const named = new Set(
      [...doc.matchAll(/\b(LEDGER_[A-Z0-9_]+|EVENT_STORE_URL|REDIS_URL)\b/g)].map((m) => m[1]!),
    );
    expect(named.size).toBeGreaterThan(5);
    expect([...named].filter((name) => !knownVariables().has(name))).toEqual([]);
  });

  it('points at deployment files and entry points that exist', () => {
    const paths = new Set([...doc.matchAll(/`((?:infra|tests)\/[\w./-]+)`/g)].map((m) => m[1]!));
    expect(paths.size).toBeGreaterThan(3);
    // infra/.env is the operator's copy of infra/.env.example, never committed.
    paths.delete('infra/.env');
    for (const path of paths) expect([path, existsSync(join(REPO, path))]).toEqual([path, true]);
    const entries = new Set([...doc.matchAll(/dist\/(apps\/[\w/-]+)\.js/g)].map((m) => m[1]!));
    for (const entry of entries)
      expect([entry, existsSync(join(REPO, `${entry}.ts`))]).toEqual([entry, true]);
  });
});
