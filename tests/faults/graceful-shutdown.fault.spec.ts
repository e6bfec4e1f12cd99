import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import { RedisReadModelStore } from '#projections';
import { buildDist } from '../support/child-processes.js';
import { databaseUrl, redisUrl, requireService } from '../support/services.js';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { deleteKeys } from '../support/redis-store.js';
import { TEST_SECRET } from '../support/test-app.js';

const API = 'dist/apps/api/src/main.js';
const PROJECTOR = 'dist/apps/projector/src/main.js';
const IN_FLIGHT = 5;

interface Child {
  readonly process: ChildProcess;
  /** Every stdout line, parsed: the processes log JSON only. */
  readonly lines: Record<string, unknown>[];
  readonly exited: Promise<number | null>;
  waitFor(match: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
}

function start(script: string, env: Record<string, string>): Child {
  // Only what the test sets: a stray LEDGER_* in the runner's environment would be refused.
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        !name.startsWith('LEDGER_') && !['REDIS_URL', 'EVENT_STORE_URL', 'PORT'].includes(name),
    ),
  );
  const child = spawn(process.execPath, [script], {
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: Record<string, unknown>[] = [];
  const waiters = new Set<() => void>();
  createInterface({ input: child.stdout! }).on('line', (text) => {
    lines.push(JSON.parse(text) as Record<string, unknown>);
    for (const wake of waiters) wake();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const waitFor = (match: (line: Record<string, unknown>) => boolean) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const check = () => {
        const found = lines.find(match);
        if (found) resolve(found);
      };
      waiters.add(check);
      check();
      void exited.then(() => reject(new Error(`exited first; logged:\n${JSON.stringify(lines)}`)));
    });
  return { process: child, lines, exited, waitFor };
}

const message = (text: string | RegExp) => (line: Record<string, unknown>) =>
  typeof line['msg'] === 'string' && line['msg'].match(text) !== null;

/** A POST whose body is sent in two halves: in flight from its headers until `finish()`. */
function slowPost(port: number, path: string, token: string, body: unknown) {
  const text = JSON.stringify(body);
  const half = Math.floor(text.length / 2);
  let finish!: () => void;
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent: false,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
        },
      },
      (res) => {
        let received = '';
        res.on('data', (chunk: Buffer) => (received += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: received }));
      },
    );
    req.on('error', reject);
    req.write(text.slice(0, half));
    finish = () => req.end(text.slice(half));
  });
  return { answered, finish: () => finish() };
}

describe('graceful shutdown of the built api and projector processes', () => {
  let events: TestStore;
  let redis: Redis;
  const prefix = `ledger-shutdown-${randomBytes(6).toString('hex')}:`;

  beforeAll(async () => {
    await requireService('PostgreSQL');
    await requireService('Redis');
    await buildDist();
    for (const script of [API, PROJECTOR])
      if (!existsSync(script)) throw new Error(`${script} was not built`);
    events = await postgresTestStore();
    redis = new Redis(redisUrl());
  }, 300_000);

  afterAll(async () => {
    await deleteKeys(redis, prefix);
    redis.disconnect();
    await events?.teardown();
  });

  const settings = () => ({
    EVENT_STORE_URL: databaseUrl(),
    LEDGER_PG_SCHEMA: events.schema!,
    LEDGER_AUTH_SECRET: TEST_SECRET,
    LEDGER_SHUTDOWN_TIMEOUT_MS: '20000',
  });

  it('api: on SIGTERM refuses new requests, answers every in-flight one 2xx, then exits 0', async () => {
    const api = start(API, {
      ...settings(),
      PORT: '0',
      HOST: '127.0.0.1',
      LEDGER_RUN_PROJECTOR: 'false',
      LEDGER_IMPORT_REGISTER_ON_START: 'false',
    });
    const listening = await api.waitFor(message(/^listening on /));
    const port = Number(/localhost:(\d+)/.exec(String(listening['msg']))![1]);
    const { issueDevelopmentToken } = await import('#ledger');
    const token = await issueDevelopmentToken(new TextEncoder().encode(TEST_SECRET), {
      subject: 'admin-1',
      role: 'admin',
      patch: [],
    });
    const gss = Array.from({ length: IN_FLIGHT }, (_, n) => `E0900000${n}`);
    const posts = gss.map((code) =>
      slowPost(port, '/councils', token, {
        gss: code,
        occurredAt: '2016-04-01',
        name: `Council ${code}`,
        authorityType: 'london_borough',
        region: 'London',
        validFrom: null,
        validTo: null,
      }),
    );
    // Each request is in flight once the server has its headers; give them a moment to arrive.
    await new Promise((resolve) => setTimeout(resolve, 300));

    api.process.kill('SIGTERM');
    await api.waitFor(message(/^SIGTERM: finishing in-flight work/));
    const late = await fetch(`http://127.0.0.1:${port}/health/live`).then(
      (response) => response.status,
      () => 'refused',
    );
    expect(late === 503 || late === 'refused').toBe(true);

    for (const post of posts) post.finish();
    const answers = await Promise.all(posts.map((post) => post.answered));
    expect(answers.map((a) => a.status)).toEqual(gss.map(() => 201));
    expect(await api.exited).toBe(0);

    // The writes really landed, and the process logged nothing but JSON, one line per request.
    for (const code of gss) {
      const stream = await events.store.readStream(`council-${code}`);
      expect(stream.map((e) => e.type)).toEqual(['CouncilRegistered']);
    }
    const completed = api.lines.filter(message('request completed'));
    expect(
      completed.filter((l) => (l['res'] as { statusCode: number }).statusCode === 201),
    ).toHaveLength(IN_FLIGHT);
    expect(api.lines.some(message('shut down cleanly'))).toBe(true);
  }, 120_000);

  it('projector: on SIGTERM commits its current batches, releases its leases and exits 0', async () => {
    // Plenty for the projections to fold when the signal comes (types they skip still move them on).
    for (let batch = 0; batch < 20; batch++) {
      const noted = Array.from({ length: 1_000 }, (_, n) => ({
        id: randomUUID(),
        type: 'Noted',
        data: { n },
      }));
      await events.store.append(`council-F${String(batch).padStart(4, '0')}`, noted, 'any');
    }
    const head = await events.store.headPosition();
    const projector = start(PROJECTOR, {
      ...settings(),
      REDIS_URL: redisUrl(),
      LEDGER_REDIS_PREFIX: prefix,
    });
    await projector.waitFor(message(/^projector started/));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    projector.process.kill('SIGTERM');
    expect(await projector.exited).toBe(0);

    const stopped = projector.lines
      .map((line) => /^(\S+) v(\d+) stopped; committed up to (\d+)$/.exec(String(line['msg'])))
      .filter((match) => match !== null);
    expect(stopped.length).toBeGreaterThanOrEqual(6);
    const store = new RedisReadModelStore(redis, prefix);
    for (const [, name, version, position] of stopped) {
      const key = { name: name!, version: Number(version) };
      expect(String((await store.checkpoint(key))?.position)).toBe(position);
      expect(BigInt(position!)).toBeGreaterThan(0n);
      expect(BigInt(position!)).toBeLessThanOrEqual(head);
      // Released, not left to expire: another projector takes over at once.
      expect(await store.acquireLease(key, 'successor', 10_000)).toBeDefined();
    }
  }, 120_000);
});
