import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type EventStore, WrongExpectedRevision } from '#event-store';
import { EVENT_STORE } from '#ledger';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { redisTestStore, type RedisTestStore } from '../support/redis-store.js';
import { redisUrl } from '../support/services.js';
import { startTestApi, testConfig, type TestApi } from '../support/test-app.js';

const MANCHESTER = {
  gss: 'E08000003',
  occurredAt: '2016-04-01',
  name: 'Manchester City Council',
  authorityType: 'metropolitan_district',
  region: 'North West',
  validFrom: null,
  validTo: null,
};

const conversation = (id: string) => ({
  conversationId: id,
  occurredAt: '2019-06-12',
  adviserId: 'pa-7',
  topics: ['finance'],
  supportAgreed: [],
});

/** `name{a="x",b="y"} 3` -> one sample; comments skipped. */
interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

function parse(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a Prometheus sample: ${line}`);
      const labels: Record<string, string> = {};
      for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g))
        labels[key!] = value!;
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

const value = (samples: Sample[], name: string, labels: Record<string, string> = {}): number =>
  samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);

describe('/metrics (Prometheus) on PostgreSQL and Redis', () => {
  let events: TestStore;
  let readModels: RedisTestStore;
  let api: TestApi;

  beforeAll(async () => {
    events = await postgresTestStore();
    readModels = await redisTestStore();
    api = await startTestApi(
      events.store,
      testConfig({ runProjector: false, redisUrl: redisUrl() }),
      { readModelStore: readModels.store },
    );
  });
  afterAll(async () => {
    await api?.close();
    await readModels?.teardown();
    await events?.teardown();
  });

  async function scrape(): Promise<Sample[]> {
    const response = await fetch(`${api.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    return parse(await response.text());
  }

  it('answers without a token, with process metrics and the ledger metrics declared', async () => {
    const samples = await scrape();
    expect(value(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(samples.some((s) => s.name === 'nodejs_eventloop_lag_seconds')).toBe(true);
    expect(value(samples, 'ledger_projection_status_up')).toBe(1);
  });

  it('counts real writes: append latency by outcome and commands by type and outcome', async () => {
    const before = await scrape();
    const admin = await api.token('admin');
    const adviser = await api.token('adviser', { sub: 'pa-7', patch: ['North West'] });
    const outsider = await api.token('adviser', { sub: 'pa-9', patch: ['North East'] });
    const path = '/councils/E08000003/annual-conversations';

    expect(
      (await api.request('POST', '/councils', { token: admin, body: MANCHESTER })).status,
    ).toBe(201);
    const key = { 'idempotency-key': 'metrics-ac-1' };
    const first = await api.request('POST', path, {
      token: adviser,
      body: conversation('ac-1'),
      headers: key,
    });
    expect(first.status).toBe(201);
    const retry = await api.request('POST', path, {
      token: adviser,
      body: conversation('ac-1'),
      headers: key,
    });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const refused = await api.request('POST', path, {
      token: outsider,
      body: conversation('ac-2'),
    });
    expect(refused.status).toBe(403);
    const unknown = await api.request('POST', '/councils/E08000021/annual-conversations', {
      token: admin,
      body: conversation('ac-3'),
    });
    expect(unknown.status).toBe(404);
    // A stale expected revision straight at the (instrumented) store: an append conflict.
    const store = api.app.get<symbol, EventStore>(EVENT_STORE);
    await expect(
      store.append('council-E08000003', [{ id: randomUUID(), type: 'Probe', data: {} }], 0n),
    ).rejects.toBeInstanceOf(WrongExpectedRevision);

    const after = await scrape();
    const moved = (name: string, labels: Record<string, string>) =>
      value(after, name, labels) - value(before, name, labels);
    expect(moved('ledger_event_store_append_seconds_count', { outcome: 'ok' })).toBe(2);
    expect(moved('ledger_event_store_append_seconds_count', { outcome: 'conflict' })).toBe(1);
    expect(moved('ledger_event_store_append_seconds_sum', { outcome: 'ok' })).toBeGreaterThan(0);
    expect(moved('ledger_event_store_append_seconds_bucket', { outcome: 'ok', le: '+Inf' })).toBe(
      2,
    );
    const commands = (type: string, outcome: string) =>
      moved('ledger_commands_total', { type, outcome });
    expect(commands('RegisterCouncil', 'accepted')).toBe(1);
    expect(commands('RecordAnnualConversation', 'accepted')).toBe(1);
    expect(commands('RecordAnnualConversation', 'duplicate')).toBe(1);
    expect(commands('RecordAnnualConversation', 'forbidden')).toBe(1);
    expect(commands('RecordAnnualConversation', 'not_found')).toBe(1);
  });

  it('reports lag in events and seconds and dead letters per projection, measured at scrape time', async () => {
    // No projector runs here: every projection is behind by the events written above.
    const samples = await scrape();
    const lagEvents = samples.filter((s) => s.name === 'ledger_projection_lag_events');
    const projections = lagEvents.filter((s) => s.labels['kind'] === 'projection');
    expect(projections.length).toBeGreaterThanOrEqual(6);
    expect(projections.every((s) => s.value === 2)).toBe(true);
    expect(lagEvents.some((s) => s.labels['kind'] === 'reactor')).toBe(true);
    const lagSeconds = samples.filter((s) => s.name === 'ledger_projection_lag_seconds');
    expect(lagSeconds.map((s) => s.labels['projection']).sort()).toEqual(
      lagEvents.map((s) => s.labels['projection']).sort(),
    );
    const letters = samples.filter((s) => s.name === 'ledger_projection_dead_letters');
    expect(letters.length).toBe(lagEvents.length);
    expect(letters.every((s) => s.value === 0)).toBe(true);
  });
});
