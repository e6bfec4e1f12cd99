import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '#event-store';
import type { ReadModelStore } from '#projections';
import type { DestinationStream } from 'pino';
import {
  FixedClock,
  type LedgerConfig,
  type PeopleStore,
  type Role,
  issueDevelopmentToken,
} from '#ledger';
import { createApiApp } from '../../apps/api/src/app.js';
import { lazyPostgresPeopleStore } from './people-test-store.js';

export const TEST_SECRET = 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
/** Tests run "today" at a fixed instant so that date rules are reproducible. */
export const TEST_NOW = new Date('2020-03-15T12:00:00Z');

export interface TestApi {
  readonly app: NestFastifyApplication;
  readonly url: string;
  readonly clock: FixedClock;
  token(role: Role, options?: { sub?: string; patch?: string[] }): Promise<string>;
  request(method: string, path: string, init?: TestRequest): Promise<TestResponse>;
  close(): Promise<void>;
}

export interface TestRequest {
  readonly token?: string;
  readonly body?: unknown;
  /** Sent as is, for malformed bodies. */
  readonly rawBody?: string;
  readonly headers?: Record<string, string>;
}

export interface TestResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
}

export function testConfig(overrides: Partial<LedgerConfig> = {}): LedgerConfig {
  return {
    eventStoreUrl: undefined,
    dataDir: mkdtempSync(join(tmpdir(), 'ledger-test-')),
    port: 0,
    host: '127.0.0.1',
    auth: { mode: 'secret', secret: new TextEncoder().encode(TEST_SECRET), development: true },
    commandRetries: 5,
    bodyLimitBytes: 256 * 1024,
    redisUrl: undefined,
    // Write-side suites need no projections; read-side suites turn them on.
    runProjector: false,
    maxReadLagSeconds: 30,
    eventStoreSchema: 'ledger',
    redisPrefix: 'ledger:',
    projectionLeaseMs: 15_000,
    readyMaxLagSeconds: 60,
    shutdownTimeoutMs: 10_000,
    logLevel: 'info',
    peopleUrl: undefined,
    // Off in tests unless a suite turns it on: suites send hundreds of requests as one subject.
    rateLimitPerMinute: 0,
    corsOrigins: [],
    ...overrides,
  };
}

/** The real HTTP stack on a loopback port, over the given store. */
export async function startTestApi(
  eventStore: EventStore,
  config = testConfig(),
  extra: {
    readModelStore?: ReadModelStore;
    peopleStore?: PeopleStore;
    /** JSON logs are written here (they are off in tests otherwise). */
    logStream?: DestinationStream;
  } = {},
): Promise<TestApi> {
  const clock = new FixedClock(TEST_NOW);
  // No embedded PGlite for people per app: a PostgreSQL schema, opened only if used.
  const people = extra.peopleStore ? undefined : lazyPostgresPeopleStore();
  const app = await createApiApp({
    config,
    clock,
    eventStore,
    logger: false,
    ...extra,
    ...(people ? { peopleStore: people.store } : {}),
  });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const secret = config.auth.mode === 'secret' ? config.auth.secret : new Uint8Array();
  return {
    app,
    url,
    clock,
    token: (role, options = {}) =>
      issueDevelopmentToken(secret, {
        subject: options.sub ?? `${role}-1`,
        role,
        patch: options.patch ?? [],
      }),
    async request(method, path, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      if (init.token) headers['authorization'] = `Bearer ${init.token}`;
      let body: string | undefined;
      if (init.rawBody !== undefined) body = init.rawBody;
      else if (init.body !== undefined) body = JSON.stringify(init.body);
      if (body !== undefined && !headers['content-type'])
        headers['content-type'] = 'application/json';
      const response = await fetch(`${url}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // non-JSON bodies (HTML docs) are returned as text
      }
      return { status: response.status, headers: response.headers, body: parsed };
    },
    async close() {
      await app.close();
      await people?.teardown();
      // testConfig's own temporary directory (embedded stores, secrets): leave nothing behind.
      if (config.dataDir.startsWith(join(tmpdir(), 'ledger-test-'))) {
        rmSync(config.dataDir, { recursive: true, force: true });
      }
    },
  };
}
