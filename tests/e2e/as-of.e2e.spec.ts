import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventStore, RecordedEvent } from '#event-store';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { startTestApi, testConfig, type TestApi } from '../support/test-app.js';
import { COUNCILS, registerCouncils } from '../fixtures/councils.js';
import { expectErrorBody } from '../fixtures/ledger-api.js';
import { queryAfter } from './read-side.scenario.js';

const { manchester, leeds, newcastle } = COUNCILS;
/** "As known at" 15 August 2019: the end of that day in London is 22:59:59.999Z (BST). */
const KNOWN_AT = '2019-08-15';
const END_OF_KNOWN_AT = Date.parse('2019-08-15T22:59:59.999Z');
const VIEWS = [
  '/take-up?fy=2019&groupBy=quarter,membership',
  '/targets?fy=2019&date=2019-08-15',
  '/intervention-risk?date=2019-08-15',
];

async function allEvents(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (let batch = await store.readAll(); batch.length > 0;) {
    events.push(...batch);
    batch = await store.readAll({ after: batch.at(-1)!.position });
  }
  return events;
}

/**
 * Asking the ledger "as known at" a date must give what a ledger holding only the events
 * recorded by then gives: here a second store is built from those events alone, its live
 * read models (the projector) and its own fold answer, and both must equal the first
 * store's as-of answer, although the first store has since had back-dated entries.
 */
describe('views as known at a past date (PostgreSQL)', () => {
  let ledger: TestStore;
  let cut: TestStore;
  let api: TestApi;
  let rebuilt: TestApi;
  let manager: string;
  let knownPosition: bigint;

  const at = (instant: string) => api.clock.set(new Date(instant));
  async function write(path: string, body: unknown): Promise<void> {
    const response = await api.request('POST', path, { token: await api.token('admin'), body });
    if (response.status !== 201) throw new Error(`${path}: ${JSON.stringify(response.body)}`);
  }
  const get = (target: TestApi, path: string) => target.request('GET', path, { token: manager });
  const withAsOf = (path: string, asOf: string) => `${path}&asOf=${encodeURIComponent(asOf)}`;

  beforeAll(async () => {
    ledger = await postgresTestStore();
    api = await startTestApi(ledger.store);
    manager = await api.token('manager');
    at('2019-07-01T09:00:00Z');
    await registerCouncils(api, [manchester, leeds, newcastle]);
    await write(`/councils/${leeds.gss}/lga-membership`, {
      occurredAt: '2019-04-01',
      membership: 'member',
    });
    await write(`/councils/${leeds.gss}/offer-deliveries`, {
      deliveryId: 'od-1',
      occurredAt: '2019-05-10',
      offerCode: 'be-a-councillor',
      participants: 12,
    });
    // 22:30 in London on 15 August: known that day.
    at('2019-08-15T21:30:00Z');
    await write(`/councils/${manchester.gss}/peer-challenges/pc-1/delivery`, {
      occurredAt: '2019-07-05',
      onSiteFrom: '2019-07-01',
      onSiteTo: '2019-07-05',
      peers: 5,
      kind: 'corporate',
    });
    // 00:30 in London on 16 August: not known on the 15th, though it happened on the 10th.
    at('2019-08-15T23:30:00Z');
    await write(`/councils/${newcastle.gss}/risk-signals`, {
      signalId: 'rs-1',
      occurredAt: '2019-08-10',
      kind: 'section_114_notice',
      severity: 'critical',
      evidence: 'section 114 notice issued',
    });
    // Back-dated entries recorded in November: a Q1 peer challenge, a membership change
    // that re-attributes May's delivery, a conversation held before the cut date.
    at('2019-11-01T10:00:00Z');
    await write(`/councils/${leeds.gss}/peer-challenges/pc-2/delivery`, {
      occurredAt: '2019-06-20',
      onSiteFrom: '2019-06-18',
      onSiteTo: '2019-06-20',
      peers: 4,
      kind: 'corporate',
    });
    await write(`/councils/${leeds.gss}/lga-membership`, {
      occurredAt: '2019-05-01',
      membership: 'non_member',
    });
    await write(`/councils/${leeds.gss}/annual-conversations`, {
      conversationId: 'ac-1',
      occurredAt: '2019-08-01',
      adviserId: 'pa-1',
      topics: ['finance'],
      supportAgreed: [],
    });

    const known = (await allEvents(ledger.store)).filter(
      (e) => Date.parse(String(e.metadata['recordedAt'])) <= END_OF_KNOWN_AT,
    );
    knownPosition = known.at(-1)!.position;
    cut = await postgresTestStore();
    for (const e of known) {
      await cut.store.append(
        e.streamName,
        [{ id: e.id, type: e.type, data: e.data, metadata: e.metadata }],
        'any',
      );
    }
    rebuilt = await startTestApi(cut.store, testConfig({ runProjector: true }));
  });
  afterAll(async () => {
    await rebuilt?.close();
    await api?.close();
    await cut?.teardown();
    await ledger?.teardown();
  });

  it.each(VIEWS)(
    '%s as known at the date equals the ledger rebuilt from what was known',
    async (path) => {
      const asOf = await get(api, withAsOf(path, KNOWN_AT));
      expect(asOf.status).toBe(200);
      expect(asOf.headers.get('x-ledger-position')).toBe(String(knownPosition));
      expect(asOf.headers.get('x-ledger-lag-seconds')).toBeNull();

      const head = String(await cut.store.headPosition());
      const live = await queryAfter(rebuilt, manager, path, head);
      expect(asOf.body).toEqual(live.body);
      expect((await get(rebuilt, withAsOf(path, head))).body).toEqual(live.body);
      // The position reproduces the known-at cut; today the ledger says otherwise.
      expect((await get(api, withAsOf(path, String(knownPosition)))).body).toEqual(asOf.body);
      expect(
        (await get(api, withAsOf(path, String(await ledger.store.headPosition())))).body,
      ).not.toEqual(asOf.body);
    },
  );

  it('takes an instant, defaults the view date to the known-at day, and refuses bad cuts', async () => {
    const before = await get(
      api,
      `/intervention-risk?asOf=${encodeURIComponent('2019-08-15T21:29:59Z')}`,
    );
    expect(BigInt(before.headers.get('x-ledger-position')!)).toBeLessThan(knownPosition);
    expect(before.body.asOfDate).toBe('2019-08-15');
    const targets = await get(api, `/targets?asOf=${KNOWN_AT}`);
    expect(targets.body).toMatchObject({ fy: 2019, asOfDate: KNOWN_AT });

    expectErrorBody(await get(api, '/take-up?fy=2019&asOf=yesterday'), {
      status: 400,
      field: 'asOf',
    });
    expectErrorBody(await get(api, '/intervention-risk?asOf=2019-08-15T10:00'), {
      status: 400,
      field: 'asOf',
    });
    expectErrorBody(await get(api, '/peer-challenge-coverage?asOf=2019-08-15'), { status: 400 });
    const beyond = String((await ledger.store.headPosition()) + 1_000_000n);
    expectErrorBody(await get(api, `/targets?fy=2019&asOf=${beyond}`), {
      status: 409,
      code: 'position_beyond_head',
    });
  });
});
