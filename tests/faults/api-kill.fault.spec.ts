import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { PostgresEventStore } from '#event-store';
import { eventIdsFor, issueDevelopmentToken } from '#ledger';
import { scanPostgresSchema } from '../support/personal-data-scan-stores.js';
import { buildDist } from '../support/child-processes.js';
import { databaseUrl, requireService } from '../support/services.js';
import { freePort } from '../support/private-redis.js';
import { TEST_SECRET } from '../support/test-app.js';

const MAIN = 'dist/apps/api/src/main.js';
const WRITES = 1_000;
const COUNCIL_COUNT = 50;
/** SIGKILL once this many writes have been answered: the rest are in flight or queued. */
const KILL_AFTER = 150;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Council {
  readonly gss: string;
  readonly name: string;
  readonly authorityType: string;
  readonly region: string;
}

/** Councils of the reference register that exist throughout 2019, from its CSV (names may be quoted). */
function councils(count: number): Council[] {
  const lines = readFileSync('libs/domain/reference-data/councils/councils.csv', 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const parsed = lines.map((line) => {
    const fields = [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].map((m) => m[2] ?? m[1] ?? '');
    const [gss, name, authorityType, region, validFrom, validTo] = fields;
    return {
      gss: gss!,
      name: name!,
      authorityType: authorityType!,
      region: region!,
      validFrom,
      validTo,
    };
  });
  return parsed.filter((c) => c.validFrom === '' && c.validTo === '').slice(0, count);
}

interface Api {
  readonly child: ChildProcess;
  readonly exited: Promise<unknown>;
}

describe('the API is SIGKILLed during 1,000 concurrent writes with idempotency keys', () => {
  const schema = `fault_${randomBytes(6).toString('hex')}`;
  let port: number;
  let url: string;
  let api: Api | undefined;
  let token: string;
  const register = councils(COUNCIL_COUNT);

  const startApi = async (): Promise<Api> => {
    const child = spawn(process.execPath, [MAIN], {
      env: {
        // The API refuses LEDGER_* variables it does not know; the test runner may set some.
        ...Object.fromEntries(
          Object.entries(process.env).filter(([name]) => !/^(LEDGER_|REDIS_URL)/.test(name)),
        ),
        EVENT_STORE_URL: databaseUrl(),
        LEDGER_PG_SCHEMA: schema,
        LEDGER_AUTH_SECRET: TEST_SECRET,
        PORT: String(port),
        HOST: '127.0.0.1',
        LEDGER_IMPORT_REGISTER_ON_START: 'false',
        LEDGER_RUN_PROJECTOR: 'false',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const started = Date.now();
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the API exited at start (${child.exitCode})`);
      const live = await fetch(`${url}/health/live`).then(
        (r) => r.ok,
        () => false,
      );
      if (live) return { child, exited };
      if (Date.now() - started > 60_000) throw new Error('the API did not start in 60 s');
      await sleep(100);
    }
  };

  const kill = async (): Promise<void> => {
    if (!api) return;
    api.child.kill('SIGKILL');
    await api.exited;
    api = undefined;
  };

  beforeAll(async () => {
    await requireService('PostgreSQL');
    await buildDist();
    if (!existsSync(MAIN)) throw new Error(`${MAIN} was not built`);
    port = await freePort();
    url = `http://127.0.0.1:${port}`;
    token = await issueDevelopmentToken(new TextEncoder().encode(TEST_SECRET), {
      subject: 'fault-admin',
      role: 'admin',
      patch: [],
    });
    api = await startApi();
    for (const council of register) {
      const response = await fetch(`${url}/councils`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          ...council,
          occurredAt: '2016-04-01',
          validFrom: null,
          validTo: null,
        }),
      });
      if (response.status !== 201)
        throw new Error(`registering ${council.gss}: ${await response.text()}`);
    }
  }, 300_000);

  afterAll(async () => {
    await kill();
    await scanPostgresSchema(databaseUrl(), schema);
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  const write = async (n: number): Promise<Response | undefined> => {
    const gss = register[n % register.length]!.gss;
    const key = `kill-${n}`;
    try {
      return await fetch(`${url}/councils/${gss}/annual-conversations`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body: JSON.stringify({
          conversationId: key,
          occurredAt: '2019-06-12',
          adviserId: 'pa-1',
          topics: ['finance'],
          supportAgreed: [],
        }),
      });
    } catch {
      return undefined; // the connection died with the process: unanswered
    }
  };

  it('retried against a restarted API, every request is in the ledger exactly once', async () => {
    const answered = new Map<number, number>();
    let killed = false;
    const first = Array.from({ length: WRITES }, async (_, n) => {
      const response = await write(n);
      if (response) {
        await response.arrayBuffer().catch(() => undefined);
        answered.set(n, response.status);
      }
    });
    const started = Date.now();
    while (answered.size < KILL_AFTER && Date.now() - started < 120_000) await sleep(5);
    await kill();
    killed = true;
    await Promise.all(first);
    const answeredBeforeKill = answered.size;
    process.stdout.write(
      `killed after ${answeredBeforeKill} of ${WRITES} writes were answered (${Date.now() - started} ms)\n`,
    );
    expect(killed).toBe(true);
    expect(answeredBeforeKill).toBeLessThan(WRITES);
    expect([...answered.values()].filter((status) => status !== 201)).toEqual([]);

    // The client retries every request that got no answer (or a refusal) against a new process.
    api = await startApi();
    let pending = Array.from({ length: WRITES }, (_, n) => n).filter(
      (n) => answered.get(n) !== 201,
    );
    let replayed = 0;
    for (let round = 0; pending.length > 0 && round < 10; round += 1) {
      const results = await Promise.all(
        pending.map(async (n) => ({ n, response: await write(n) })),
      );
      pending = [];
      for (const { n, response } of results) {
        if (response?.status === 201 || response?.status === 200) {
          if (response.headers.get('idempotent-replayed') === 'true') replayed += 1;
          answered.set(n, response.status);
        } else {
          pending.push(n);
        }
        await response?.arrayBuffer().catch(() => undefined);
      }
    }
    process.stdout.write(
      `retried ${WRITES - answeredBeforeKill}: ${replayed} had been recorded before the kill (replayed)\n`,
    );
    expect(pending).toEqual([]);

    // Each request is in its council's stream exactly once, with the ids its key determines.
    const store = await PostgresEventStore.connect({ url: databaseUrl(), schema, poolSize: 2 });
    try {
      const seen = new Map<string, number>();
      for (const council of register) {
        const stream = `council-${council.gss}`;
        for (const event of await store.readStream(stream)) {
          const key = event.metadata['idempotencyKey'];
          if (event.type !== 'AnnualConversationHeld') continue;
          expect(typeof key).toBe('string');
          expect(event.id).toBe(eventIdsFor(stream, 1, key as string)[0]);
          expect((event.data as { conversationId?: unknown }).conversationId).toBe(key);
          seen.set(key as string, (seen.get(key as string) ?? 0) + 1);
        }
      }
      expect(seen.size).toBe(WRITES);
      expect([...seen.values()].every((count) => count === 1)).toBe(true);
      expect(new Set(seen.keys())).toEqual(
        new Set(Array.from({ length: WRITES }, (_, n) => `kill-${n}`)),
      );
    } finally {
      await store.close();
    }
  }, 600_000);
});
