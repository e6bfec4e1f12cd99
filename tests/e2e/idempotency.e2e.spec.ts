import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { startTestApi, type TestApi, type TestResponse } from '../support/test-app.js';
import { COUNCILS, registerCouncils } from '../fixtures/councils.js';
import { postRefused, postWrite, streamEvents, streamRevision } from '../fixtures/ledger-api.js';

/** Idempotency-Key: a retry returns the first result and writes nothing. */
describe('Idempotency-Key (PostgreSQL)', () => {
  let store: TestStore;
  let api: TestApi;
  let adviser: string;
  const { derbyshire, cornwall } = COUNCILS;
  const path = (gss: string) => `/councils/${gss}/risk-signals`;
  const signal = (signalId: string) => ({
    signalId,
    occurredAt: '2019-09-01',
    kind: 'financial_distress',
    severity: 'medium',
    evidence: 'Reserves below 5% of net revenue budget',
  });
  const send = (gss: string, body: unknown, key?: string, token = adviser) =>
    postWrite(api, {
      gss,
      path: path(gss),
      token,
      body,
      ...(key ? { headers: { 'idempotency-key': key } } : {}),
    });

  beforeAll(async () => {
    store = await postgresTestStore();
    api = await startTestApi(store.store);
    await registerCouncils(api, [derbyshire, cornwall]);
    adviser = await api.token('adviser', { sub: 'pa-em', patch: ['East Midlands', 'South West'] });
  });
  afterAll(async () => {
    await api?.close();
    await store?.teardown();
  });

  it('the same key twice: 201, then 200 with idempotent-replayed, the same revision, one event', async () => {
    const before = await streamRevision(api, derbyshire.gss);
    const first = await send(derbyshire.gss, signal('rs-idem-1'), 'key-1');
    expect(first.status).toBe(201);
    expect(first.headers.get('etag')).toBe(`"${before + 1}"`);
    const second = await send(derbyshire.gss, signal('rs-idem-1'), 'key-1');
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.body).toMatchObject({
      revision: first.body.revision,
      position: first.body.position,
      replayed: true,
      eventIds: [],
    });
    const events = (await streamEvents(api, derbyshire.gss)).slice(before + 1);
    expect(events.map((event) => event.eventId)).toEqual(first.body.eventIds);
  });

  it('a replay after later writes still answers the first result, not the current revision', async () => {
    const first = await send(derbyshire.gss, signal('rs-idem-2'), 'key-2');
    expect(first.status).toBe(201);
    expect((await send(derbyshire.gss, signal('rs-idem-3'))).status).toBe(201);
    const replay = await send(derbyshire.gss, signal('rs-idem-2'), 'key-2');
    expect(replay.status).toBe(200);
    expect(replay.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(Number(replay.body.revision)).toBeLessThan(await streamRevision(api, derbyshire.gss));
  });

  it('different keys write separate events', async () => {
    const before = await streamRevision(api, derbyshire.gss);
    const a = await send(derbyshire.gss, signal('rs-idem-a'), 'key-a');
    const b = await send(derbyshire.gss, signal('rs-idem-b'), 'key-b');
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.eventIds[0]).not.toBe(b.body.eventIds[0]);
    expect(await streamRevision(api, derbyshire.gss)).toBe(before + 2);
  });

  it('a key is scoped to its council: the same key on two councils writes to each', async () => {
    const d = await send(derbyshire.gss, signal('rs-shared'), 'key-shared');
    const c = await send(cornwall.gss, signal('rs-shared'), 'key-shared');
    expect([d.status, c.status]).toEqual([201, 201]);
    expect(c.body).toMatchObject({ gss: cornwall.gss, revision: '1', replayed: false });
  });

  it('a refused request stores nothing under its key: the corrected retry with the same key is written', async () => {
    await postRefused(
      api,
      {
        gss: derbyshire.gss,
        path: path(derbyshire.gss),
        token: adviser,
        body: { ...signal('rs-retry'), occurredAt: '2020-04-01' },
        headers: { 'idempotency-key': 'key-retry' },
      },
      { status: 400, code: 'DateInFuture' },
    );
    const retry = await send(derbyshire.gss, signal('rs-retry'), 'key-retry');
    expect(retry.status).toBe(201);
  });

  it('an invalid key is refused 400 naming the header, and nothing is written', async () => {
    for (const key of ['k'.repeat(201), 'clé-non-ascii']) {
      const response = await postRefused(
        api,
        {
          gss: derbyshire.gss,
          path: path(derbyshire.gss),
          token: adviser,
          body: signal('rs-badkey'),
          headers: { 'idempotency-key': key },
        },
        { status: 400, field: 'idempotency-key' },
      );
      expect(response.body.code).toBe('bad_request');
    }
  });

  it('a replay is still authorised: an adviser outside the patch gets 403, not the earlier result', async () => {
    const first = await send(derbyshire.gss, signal('rs-private'), 'key-private');
    expect(first.status).toBe(201);
    const outsider = await api.token('adviser', { sub: 'pa-ldn', patch: ['London'] });
    const replay = await send(derbyshire.gss, signal('rs-private'), 'key-private', outsider);
    expect({ status: replay.status, body: replay.body }).toMatchObject({
      status: 403,
      body: { code: 'forbidden' },
    });
  });

  it('the same key with a different body is refused 422 and writes nothing', async () => {
    const first = await send(cornwall.gss, signal('rs-reuse-1'), 'key-reused');
    expect(first.status).toBe(201);
    const before = await streamRevision(api, cornwall.gss);
    const other = await send(cornwall.gss, signal('rs-reuse-2'), 'key-reused');
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'idempotency_key_reused' });
    expect(other.body.message).toContain('key-reused');
    expect(await streamRevision(api, cornwall.gss)).toBe(before);
    // The same request again is still a plain replay.
    const again = await send(cornwall.gss, signal('rs-reuse-1'), 'key-reused');
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('concurrent requests with one key and different bodies: one is written, the others replay or are refused', async () => {
    const before = await streamRevision(api, cornwall.gss);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        send(cornwall.gss, signal(`rs-race-${n % 2}`), 'key-race-bodies'),
      ),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    const winner = answers.find((answer) => answer.status === 201)!;
    const events = (await streamEvents(api, cornwall.gss)).slice(before + 1);
    expect(events.map((event) => event.eventId)).toEqual(winner.body.eventIds);
    const sameAsWinner = (n: number) => n % 2 === answers.indexOf(winner) % 2;
    answers.forEach((answer, n) => {
      if (answer === winner) return;
      expect(answer.status).toBe(sameAsWinner(n) ? 200 : 422);
    });
  });

  describe('20 concurrent requests with the same key', () => {
    const burst = async (key: string, signalId: string): Promise<TestResponse[]> =>
      Promise.all(Array.from({ length: 20 }, () => send(derbyshire.gss, signal(signalId), key)));

    beforeAll(async () => {
      // Warm the connections, so that the burst really arrives at once.
      await burst('key-warm-up', 'rs-warm-up');
    });

    it('append exactly one event, and every answer names the same revision', async () => {
      const before = await streamRevision(api, derbyshire.gss);
      const answers = await burst('key-burst-1', 'rs-burst-1');
      const events = (await streamEvents(api, derbyshire.gss)).slice(before + 1);
      expect(events).toHaveLength(1);
      expect(
        answers.map((answer) => answer.status).every((status) => status === 200 || status === 201),
      ).toBe(true);
      expect(new Set(answers.map((answer) => answer.headers.get('etag')))).toEqual(
        new Set([`"${before + 1}"`]),
      );
      expect(new Set(answers.map((answer) => answer.body.revision))).toEqual(
        new Set([String(before + 1)]),
      );
    });

    it('answer 201 once and 200 idempotent-replayed to the other 19', async () => {
      const answers = await burst('key-burst-2', 'rs-burst-2');
      const created = answers.filter((answer) => answer.status === 201);
      const replayed = answers.filter(
        (answer) => answer.status === 200 && answer.headers.get('idempotent-replayed') === 'true',
      );
      expect({ created: created.length, replayed: replayed.length }).toEqual({
        created: 1,
        replayed: 19,
      });
      expect(new Set(answers.map((answer) => answer.body.replayed))).toEqual(
        new Set([false, true]),
      );
    });
  });
});
