import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { startTestApi, type TestApi } from '../support/test-app.js';
import { COUNCILS, registerCouncils, registrationBody } from '../fixtures/councils.js';
import { postRefused, postWrite, streamEvents } from '../fixtures/ledger-api.js';

const { camden, cornwall } = COUNCILS;
const RISK = { signalId: 'rs-1', occurredAt: '2019-09-01', kind: 'other', severity: 'low' };

/**
 * Free text goes into events, which are never erased: an email address or a UK phone
 * number in any free-text field is refused with a 400 naming the field and pointing to
 * /people, and nothing is written. Ordinary evidence with dates and sums still passes.
 */
describe('personal data refused in free text (PostgreSQL)', () => {
  let store: TestStore;
  let api: TestApi;
  let admin: string;
  let signalEventId: string;
  const base = `/councils/${camden.gss}`;

  const refused = async (path: string, body: unknown, field: string, gss: string = camden.gss) => {
    const response = await postRefused(
      api,
      { gss, path, token: admin, body },
      { status: 400, code: 'validation_failed', field },
    );
    const reasons = (response.body.errors as { field: string; reason: string }[])
      .filter((error) => error.field === field)
      .map((error) => error.reason);
    expect(reasons.join(' ')).toContain('/people');
  };

  beforeAll(async () => {
    store = await postgresTestStore();
    api = await startTestApi(store.store);
    admin = await api.token('admin');
    await registerCouncils(api, [camden]);
    const evidence =
      'Budget gap of £12m for 2020/21 (E09000007 finance review, 2019-08-30, ref 0.5 FTE, 01 02 2019)';
    const raised = await postWrite(api, {
      gss: camden.gss,
      path: `${base}/risk-signals`,
      token: admin,
      body: { ...RISK, evidence },
    });
    expect(raised.status).toBe(201);
    signalEventId = (await streamEvents(api, camden.gss)).at(-1)!.eventId;
  });
  afterAll(async () => {
    await api?.close();
    await store?.teardown();
  });

  it.each([
    ['an email address', 'Raised by jo.bloggs@camden.gov.uk after the budget meeting'],
    ['a mobile number', 'Chief executive on 07700 900123 confirmed the gap'],
    ['a London number', 'Ring the finance team, (020) 7946 0958'],
    ['an international number', 'Call +44 (0)161 496 0000 for details'],
  ])('refuses risk signal evidence holding %s', async (_kind, evidence) => {
    await refused(`${base}/risk-signals`, { ...RISK, signalId: 'rs-2', evidence }, 'evidence');
  });

  it('refuses a clearance reason, a retraction reason and a correction holding contact details', async () => {
    await refused(
      `${base}/risk-signals/rs-1/clearance`,
      { occurredAt: '2019-10-01', reason: 'Confirmed by 0161 496 0000' },
      'reason',
    );
    await refused(
      `${base}/events/${signalEventId}/retraction`,
      { occurredAt: '2019-10-01', reason: 'Asked by pat@example.org' },
      'reason',
    );
    await refused(
      `${base}/events/${signalEventId}/correction`,
      {
        occurredAt: '2019-10-01',
        reason: 'wrong evidence',
        correction: { evidence: 'email pat@example.org' },
      },
      'correction',
    );
  });

  it('refuses annual conversation topics and agreed support holding contact details', async () => {
    const conversation = {
      conversationId: 'ac-1',
      occurredAt: '2019-06-12',
      adviserId: 'pa-1',
      topics: ['finance'],
      supportAgreed: [],
    };
    await refused(
      `${base}/annual-conversations`,
      { ...conversation, topics: ['finance', 'call 07700900123'] },
      'topics',
    );
    await refused(
      `${base}/annual-conversations`,
      { ...conversation, supportAgreed: ['mentor: sam@example.org'] },
      'supportAgreed',
    );
  });

  it('refuses a council name or an offer code holding contact details', async () => {
    await refused(
      '/councils',
      { ...registrationBody(cornwall), name: 'Cornwall Council (enquiries@cornwall.gov.uk)' },
      'name',
      cornwall.gss,
    );
    await refused(
      `${base}/offer-deliveries`,
      { deliveryId: 'od-1', occurredAt: '2019-09-01', offerCode: 'a@b.co', participants: 1 },
      'offerCode',
    );
  });

  it('accepts a correction and a clearance of ordinary text', async () => {
    const cleared = await postWrite(api, {
      gss: camden.gss,
      path: `${base}/risk-signals/rs-1/clearance`,
      token: admin,
      body: { occurredAt: '2019-10-01', reason: 'Balanced after the 2020/21 settlement of £3.2m' },
    });
    expect(cleared.status).toBe(201);
  });

  it('refuses a take-up snapshot whose offer filter holds contact details, and stores no snapshot', async () => {
    const manager = await api.token('manager');
    const before = await api.request('GET', '/snapshots', { token: manager });
    const response = await api.request('POST', '/snapshots', {
      token: manager,
      body: { kind: 'take-up', params: { fy: 2019, offer: 'jo.bloggs@example.org', groupBy: [] } },
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('/people');
    const after = await api.request('GET', '/snapshots', { token: manager });
    expect(after.body).toEqual(before.body);
  });
});
