import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { type Server, type Socket, connect, createServer } from 'node:net';
import { MemoryReadModelStore } from '#projections';
import { redisUrl, requireService } from '../support/services.js';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { startTestApi, testConfig, type TestApi, type TestResponse } from '../support/test-app.js';
import { COUNCILS, registerCouncils } from '../fixtures/councils.js';

/**
 * The real Redis behind a TCP proxy the test controls: forwarding, paused (Redis hangs: the
 * commands wait, in order, and are delivered on resume) or gone (Redis down).
 */
class RedisProxy {
  private paused: (() => void)[] | undefined;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  pause(): void {
    this.paused ??= [];
  }

  resume(): void {
    const held = this.paused ?? [];
    this.paused = undefined;
    for (const deliver of held) deliver();
  }

  constructor(private readonly target: URL) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(Number(this.target.port || 6379), this.target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.on('data', (chunk) => {
        if (this.paused) this.paused.push(() => upstream.write(chunk));
        else upstream.write(chunk);
      });
      upstream.on('data', (chunk) => client.write(chunk));
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/** LEDGER_RATE_LIMIT_PER_MINUTE with REDIS_URL: one count shared by every replica, failing open. */
describe('rate limit in Redis, shared by two API instances (PostgreSQL, Redis)', () => {
  const LIMIT = 6;
  const { camden } = COUNCILS;
  const prefix = `ledger-test-rl-${randomBytes(4).toString('hex')}:`;
  const logs: string[] = [];
  let store: TestStore;
  let proxy: RedisProxy;
  let redis: Redis;
  let first: TestApi;
  let second: TestApi;

  const write = (api: TestApi, token: string, signalId: string): Promise<TestResponse> =>
    api.request('POST', `/councils/${camden.gss}/risk-signals`, {
      token,
      body: { signalId, occurredAt: '2019-09-01', kind: 'other', severity: 'low', evidence: 'x' },
    });
  /** Rate-limit warnings logged since the given number of log lines. */
  const warningsSince = (start: number) =>
    logs
      .slice(start)
      .map((line) => JSON.parse(line) as { level: number; msg: string })
      .filter((line) => line.level === 40 && /rate limit/i.test(line.msg))
      .map((line) => line.msg);

  /** Until an instance counts in Redis: before it has connected, it lets everything through. */
  async function countingInRedis(api: TestApi, name: string): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      await api.request('GET', '/nope', { headers: { 'x-forwarded-for': name } });
      if ((await redis.exists(`${prefix}rate-limit:ip:${name}`)) === 1) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`${name} never counted in Redis`);
  }

  beforeAll(async () => {
    await requireService('Redis');
    store = await postgresTestStore();
    redis = new Redis(redisUrl());
    proxy = new RedisProxy(new URL(redisUrl()));
    await proxy.start();
    const config = testConfig({
      rateLimitPerMinute: LIMIT,
      redisUrl: `redis://127.0.0.1:${proxy.port}`,
      redisPrefix: prefix,
      logLevel: 'warn',
    });
    // Read models stay in memory: only the rate limit goes through the proxy.
    const start = () =>
      startTestApi(store.store, config, {
        readModelStore: new MemoryReadModelStore(),
        logStream: { write: (line: string) => void logs.push(line) },
      });
    [first, second] = [await start(), await start()];
    await countingInRedis(first, 'probe-first');
    await countingInRedis(second, 'probe-second');
    await registerCouncils(first, [camden]);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await proxy?.stop();
    redis?.disconnect();
    await store?.teardown();
  });

  it('one subject gets LIMIT requests in all across both instances, counted under the prefix', async () => {
    const token = await first.token('admin', { sub: 'rl-shared' });
    // registering camden spent one of register-admin's, not this subject's
    const answers = [];
    for (let i = 0; i < LIMIT; i++)
      answers.push((await write(i % 2 ? second : first, token, `rs-shared-${i}`)).status);
    expect(answers).toEqual(Array(LIMIT).fill(201));
    for (const api of [first, second]) {
      const refused = await write(api, token, 'rs-shared-over');
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ statusCode: 429, code: 'rate_limited' });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    expect(await redis.get(`${prefix}rate-limit:sub:rl-shared`)).toBe(String(LIMIT + 2));
    const ttl = await redis.pttl(`${prefix}rate-limit:sub:rl-shared`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('when Redis stops answering, writes neither hang nor fail: the limit fails open, with a warning', async () => {
    const token = await first.token('admin', { sub: 'rl-hang' });
    const start = logs.length;
    proxy.pause();
    try {
      for (let i = 0; i < LIMIT + 2; i++) {
        // A hang would hit the jest timeout; the abort makes it a clear failure instead.
        const response = await fetch(`${first.url}/councils/${camden.gss}/risk-signals`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            signalId: `rs-hang-${i}`,
            occurredAt: '2019-09-01',
            kind: 'other',
            severity: 'low',
            evidence: 'x',
          }),
          signal: AbortSignal.timeout(10_000),
        });
        expect(response.status).toBe(201);
      }
    } finally {
      proxy.resume();
    }
    expect(warningsSince(start)).toEqual([expect.stringMatching(/failing open.*timed out/i)]);
  });

  it('when Redis is down, both instances still write; when it is back, the limit applies again', async () => {
    const token = await first.token('admin', { sub: 'rl-down' });
    await proxy.stop();
    for (let i = 0; i < LIMIT + 2; i++)
      expect((await write(i % 2 ? second : first, token, `rs-down-${i}`)).status).toBe(201);
    await proxy.start();
    // ioredis reconnects on its own; then this subject's budget is counted again.
    const reader = await first.token('manager', { sub: 'rl-back' });
    const deadline = Date.now() + 30_000;
    let status = 0;
    while (status !== 429 && Date.now() < deadline) {
      status = (await first.request('GET', `/councils/${camden.gss}/events`, { token: reader }))
        .status;
      if (status !== 429) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(429);
  });
});
