import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PostgresEventStore, type RecordedEvent } from '#event-store';
import { eventIdsFor } from '#ledger';
import { scanPostgresSchema } from '../support/personal-data-scan-stores.js';
import { startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres.js';
import { startTestApi, type TestApi, type TestResponse } from '../support/test-app.js';
import { COUNCILS, registerCouncils } from '../fixtures/councils.js';
import { postEvent } from '../fixtures/ledger-api.js';

const WORKERS = 12;
const BEFORE_MS = 3_000;
const OUTAGE_MS = 10_000;
const AFTER_MS = 5_000;
const KINDS = ['finance', 'corporate'] as const;
const COUNCIL_LIST = [COUNCILS.kent, COUNCILS.cornwall, COUNCILS.leeds, COUNCILS.camden];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Sent {
  readonly key: string;
  readonly gss: string;
  /** Events the command writes when it is applied: 1 for a conversation, 2 for a corrected kind. */
  readonly events: number;
  readonly path: string;
  readonly body: unknown;
  response?: TestResponse;
  /** The fetch itself failed: the API never answered. */
  unanswered?: boolean;
}

describe('PostgreSQL stops mid-traffic and comes back', () => {
  let postgres: PrivatePostgres;
  let store: PostgresEventStore;
  let api: TestApi;
  let admin: string;
  const requested = new Map<string, string>();

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    store = await PostgresEventStore.connect({
      url: postgres.url,
      schema: 'ledger',
      connectionTimeoutMillis: 2_000,
    });
    api = await startTestApi(store);
    admin = await api.token('admin', { sub: 'fault-admin' });
    await registerCouncils(api, COUNCIL_LIST);
    // A requested and delivered peer challenge per council: correcting its kind writes two events.
    for (const { gss } of COUNCIL_LIST) {
      const data = { peerChallengeId: 'pc-1', occurredAt: '2019-05-01', kind: 'corporate' };
      const event = await postEvent(
        api,
        { gss, path: `/councils/${gss}/peer-challenges`, token: admin, body: data },
        { type: 'PeerChallengeRequested', data: { gss, ...data }, recordedBy: 'fault-admin' },
      );
      requested.set(gss, event.eventId);
      const delivery = {
        occurredAt: '2019-10-10',
        onSiteFrom: '2019-10-07',
        onSiteTo: '2019-10-10',
        peers: 4,
      };
      const response = await api.request('POST', `/councils/${gss}/peer-challenges/pc-1/delivery`, {
        token: admin,
        body: delivery,
      });
      expect(response.status).toBe(201);
    }
  }, 180_000);

  afterAll(async () => {
    await api?.close();
    await store?.close();
    // A run that failed mid-outage may leave the server down: then only the failure is reported.
    if (postgres) await scanPostgresSchema(postgres.url, 'ledger').catch(() => undefined);
    await postgres?.teardown();
  });

  const send = async (request: Sent): Promise<void> => {
    try {
      request.response = await api.request('POST', request.path, {
        token: admin,
        headers: { 'idempotency-key': request.key, 'x-correlation-id': request.key },
        body: request.body,
      });
    } catch {
      request.unanswered = true;
    }
  };

  it('answers writes 503 while it is down, writes nothing partial, and resumes without a restart', async () => {
    const sent: Sent[] = [];
    let stopping = false;
    // One worker per council corrects the kind (alternating, so each correction changes it);
    // the others record conversations, all under idempotency keys.
    const worker = async (w: number) => {
      const council = COUNCIL_LIST[w % COUNCIL_LIST.length]!;
      const gss = council.gss;
      for (let n = 0; !stopping; n += 1) {
        const key = `w${w}-${n}`;
        const correcting = w < COUNCIL_LIST.length;
        const request: Sent = correcting
          ? {
              key,
              gss,
              events: 2,
              path: `/councils/${gss}/events/${requested.get(gss)}/correction`,
              body: {
                occurredAt: '2019-11-01',
                reason: 'kind',
                correction: { kind: KINDS[n % 2] },
              },
            }
          : {
              key,
              gss,
              events: 1,
              path: `/councils/${gss}/annual-conversations`,
              body: {
                conversationId: key,
                occurredAt: '2019-06-12',
                adviserId: 'pa-1',
                topics: [],
                supportAgreed: [],
              },
            };
        sent.push(request);
        await send(request);
        // A refused correction is sent again under the same key until it is answered: the next
        // one must alternate from the kind the stream really holds.
        while (correcting && !stopping && request.response?.status === 503) {
          await sleep(200);
          await send(request);
        }
        await sleep(20);
      }
    };
    const workers = Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    await sleep(BEFORE_MS);
    await postgres.stop('immediate');
    const stoppedAt = sent.length;
    await sleep(OUTAGE_MS);
    const restartedAt = sent.length;
    await postgres.start();
    await sleep(AFTER_MS);
    stopping = true;
    await workers;

    const status = (request: Sent) => request.response?.status ?? 0;
    const summary = new Map<number, number>();
    for (const request of sent)
      summary.set(status(request), (summary.get(status(request)) ?? 0) + 1);
    process.stdout.write(`answers by status: ${JSON.stringify(Object.fromEntries(summary))}\n`);

    // The API stayed up and answered every request: 201, or 503 while the store was away.
    expect(sent.filter((request) => request.unanswered)).toEqual([]);
    expect([...summary.keys()].sort()).toEqual([201, 503]);
    const refused = sent.filter((request) => status(request) === 503);
    for (const { response } of refused) {
      expect(response!.body).toMatchObject({ statusCode: 503, code: 'store_unavailable' });
      expect(response!.body.message).toMatch(/event store is unavailable.*Idempotency-Key/);
    }
    // Writes resumed after the restart, in the same API process.
    const resumed = sent.slice(restartedAt).filter((request) => status(request) === 201);
    expect(resumed.length).toBeGreaterThan(0);
    expect(sent.slice(stoppedAt, restartedAt).some((request) => status(request) === 503)).toBe(
      true,
    );

    // Every acknowledged write is in the ledger with exactly its events; every refused one wrote
    // all of its events (the commit landed as the connection dropped) or none.
    const byKey = new Map<string, RecordedEvent[]>();
    for (let after = 0n; ;) {
      const batch = await store.readAll({ after, maxCount: 5_000 });
      if (batch.length === 0) break;
      for (const event of batch) {
        const key = event.metadata['idempotencyKey'];
        if (typeof key === 'string') byKey.set(key, [...(byKey.get(key) ?? []), event]);
      }
      after = batch.at(-1)!.position;
    }
    const ids = (request: Sent, count: number) =>
      eventIdsFor(`council-${request.gss}`, count, request.key);
    for (const request of sent) {
      const found = (byKey.get(request.key) ?? []).map((event) => event.id);
      if (status(request) === 201) {
        expect({ key: request.key, found }).toEqual({
          key: request.key,
          found: request.response!.body.eventIds,
        });
        expect(found).toEqual(ids(request, request.events));
      } else {
        expect({ key: request.key, found: found.length === 0 ? [] : found }).toEqual({
          key: request.key,
          found: found.length === 0 ? [] : ids(request, request.events),
        });
      }
    }
    const landed = refused.filter((request) => byKey.has(request.key)).length;
    process.stdout.write(
      `${refused.length} refused, of which ${landed} had committed as the server went\n`,
    );

    // Sent again under the same key, each refused write is applied exactly once.
    for (const request of refused) {
      const again = await api.request('POST', request.path, {
        token: admin,
        headers: { 'idempotency-key': request.key },
        body: request.body,
      });
      expect([200, 201]).toContain(again.status);
    }
    const stream = async (gss: string) =>
      (await store.readStream(`council-${gss}`)).map((event) => event.id);
    for (const council of COUNCIL_LIST) {
      const recorded = await stream(council.gss);
      expect(new Set(recorded).size).toBe(recorded.length);
    }
  }, 240_000);
});
