import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PgliteEventStore } from '#event-store';
import { redisUrl, requireService } from '../support/services.js';
import { type TestApi, startTestApi } from '../support/test-app.js';
import { REPO } from './support/infra-files.js';

const run = promisify(execFile);

/** Runs a probe script the way the container health checks do; resolves with its exit code. */
async function probe(
  script: string,
  args: string[],
  env: Record<string, string | undefined>,
): Promise<{ code: number; stderr: string }> {
  const { REDIS_URL: _inherited, ...base } = process.env;
  try {
    const { stderr } = await run('node', [join(REPO, 'infra/probes', script), ...args], {
      cwd: REPO,
      env: { ...base, PROBE_TIMEOUT_MS: '2000', ...env },
      timeout: 15_000,
    });
    return { code: 0, stderr };
  } catch (error) {
    const failed = error as { code?: number; stderr?: string };
    return { code: failed.code ?? -1, stderr: failed.stderr ?? '' };
  }
}

describe('infra/probes/redis-ping.mjs (the projector readiness probe)', () => {
  beforeAll(() => requireService('Redis'));

  it('passes while Redis answers PING', async () => {
    expect(await probe('redis-ping.mjs', [], { REDIS_URL: redisUrl() })).toEqual({
      code: 0,
      stderr: '',
    });
  });

  it('fails, saying why, when nothing listens at REDIS_URL', async () => {
    const result = await probe('redis-ping.mjs', [], { REDIS_URL: 'redis://127.0.0.1:1' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^redis: .*ECONNREFUSED/);
  });

  it('refuses to run without REDIS_URL', async () => {
    const result = await probe('redis-ping.mjs', [], {});
    expect(result).toEqual({ code: 2, stderr: 'REDIS_URL is not set\n' });
  });
});

describe('infra/probes/http-get.mjs (the API health check in compose)', () => {
  // The probe never writes: an empty embedded store of its own, not a scanned test store.
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-probe-'));
  let store: PgliteEventStore;
  let api: TestApi;

  beforeAll(async () => {
    store = await PgliteEventStore.open({ dataDir });
    api = await startTestApi(store);
  });
  afterAll(async () => {
    await api?.close();
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('passes on a 2xx answer from the API', async () => {
    expect(await probe('http-get.mjs', [`${api.url}/health/live`], {})).toEqual({
      code: 0,
      stderr: '',
    });
  });

  it('fails on any other answer, or none', async () => {
    const missing = await probe('http-get.mjs', [`${api.url}/health/nothing`], {});
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('HTTP 404');
    const closed = await probe('http-get.mjs', ['http://127.0.0.1:1/health/live'], {});
    expect(closed.code).toBe(1);
  });
});
