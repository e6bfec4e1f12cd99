import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { startTestApi, type TestApi } from '../support/test-app.js';
import { COUNCILS, registerCouncils } from '../fixtures/councils.js';
import { postEvent } from '../fixtures/ledger-api.js';

/** Annual conversations, productivity experts, catalogue offers and risk signals. */
describe('annual conversations, productivity, offers and risk signals (PostgreSQL)', () => {
  let store: TestStore;
  let api: TestApi;
  let adviser: string;
  const gss = COUNCILS.cambridgeshire.gss;
  const base = `/councils/${gss}`;

  const post = (path: string, body: Record<string, unknown>, type: string, data: object) =>
    postEvent(
      api,
      { gss, path, token: adviser, body },
      { type, data: { gss, ...data }, recordedBy: 'pa-ee' },
    );

  beforeAll(async () => {
    store = await postgresTestStore();
    api = await startTestApi(store.store);
    await registerCouncils(api, [COUNCILS.cambridgeshire]);
    adviser = await api.token('adviser', { sub: 'pa-ee', patch: ['London', 'East of England'] });
  });
  afterAll(async () => {
    await api?.close();
    await store?.teardown();
  });

  it('records an annual conversation; recordedBy is the token subject, not the adviserId in the body', async () => {
    const body = {
      conversationId: 'ac-2019-e10000003',
      occurredAt: '2019-06-12',
      adviserId: 'pa-someone-else',
      topics: ['finance', 'children’s services'],
      supportAgreed: ['finance peer review'],
    };
    const event = await post(`${base}/annual-conversations`, body, 'AnnualConversationHeld', body);
    expect(event.recordedBy).toBe('pa-ee');
    expect(event.data['adviserId']).toBe('pa-someone-else');
  });

  it('productivity expert: engage → savings → income → close', async () => {
    const engagementId = 'pe-2019-011';
    const engaged = {
      engagementId,
      occurredAt: '2019-06-01',
      expertId: 'expert-7',
      focus: 'productivity',
    };
    await post(`${base}/productivity-engagements`, engaged, 'ProductivityExpertEngaged', engaged);
    const saving = {
      occurredAt: '2019-12-01',
      amountPounds: 1250000.5,
      kind: 'saving',
      periodFrom: '2019-04-01',
      periodTo: '2023-03-31',
    };
    await post(
      `${base}/productivity-engagements/${engagementId}/savings`,
      saving,
      'SavingsReported',
      { engagementId, ...saving },
    );
    const income = { ...saving, occurredAt: '2020-01-15', amountPounds: 0, kind: 'income' };
    await post(
      `${base}/productivity-engagements/${engagementId}/savings`,
      income,
      'SavingsReported',
      { engagementId, ...income },
    );
    await post(
      `${base}/productivity-engagements/${engagementId}/closure`,
      { occurredAt: '2020-02-28' },
      'ProductivityEngagementClosed',
      { occurredAt: '2020-02-28', engagementId },
    );
  });

  it('records deliveries of offers from the 2019/20 catalogue', async () => {
    const beACouncillor = {
      deliveryId: 'od-2019-042',
      occurredAt: '2019-09-12',
      offerCode: 'be-a-councillor',
      participants: 0,
    };
    await post(`${base}/offer-deliveries`, beACouncillor, 'OfferDelivered', beACouncillor);
    const academy = {
      deliveryId: 'od-2019-043',
      occurredAt: '2020-02-03',
      offerCode: 'leadership-academy',
      participants: 12,
    };
    await post(`${base}/offer-deliveries`, academy, 'OfferDelivered', academy);
  });

  it('risk signal: raise → clear', async () => {
    const signalId = 'rs-2019-002';
    const raised = {
      signalId,
      occurredAt: '2019-11-20',
      kind: 'financial_distress',
      severity: 'high',
      evidence: 'Finance adviser flagged an unfunded budget gap of £12m for 2020/21',
    };
    await post(`${base}/risk-signals`, raised, 'RiskSignalRaised', raised);
    const cleared = {
      occurredAt: '2020-02-20',
      reason: 'Budget balanced after the 2020/21 settlement',
    };
    await post(`${base}/risk-signals/${signalId}/clearance`, cleared, 'RiskSignalCleared', {
      signalId,
      ...cleared,
    });
  });

  it('accepts today (the fixed clock, 2020-03-15 in London) as occurredAt', async () => {
    const raised = {
      signalId: 'rs-2020-today',
      occurredAt: '2020-03-15',
      kind: 'section_114_notice',
      severity: 'critical',
      evidence: 'Section 114 notice issued by the chief finance officer',
    };
    await post(`${base}/risk-signals`, raised, 'RiskSignalRaised', raised);
  });
});
