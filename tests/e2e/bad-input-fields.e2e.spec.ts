import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { postgresTestStore, type TestStore } from '../support/stores.js';
import { startTestApi, type TestApi } from '../support/test-app.js';
import { COUNCILS, registerCouncils, registrationBody } from '../fixtures/councils.js';
import { postRefused } from '../fixtures/ledger-api.js';

const { camden, cornwall } = COUNCILS;

/** A valid body per route; each case breaks one field of one of them. */
const VALID = {
  '/risk-signals': {
    signalId: 'rs-v',
    occurredAt: '2019-09-01',
    kind: 'other',
    severity: 'low',
    evidence: 'x',
  },
  '/annual-conversations': {
    conversationId: 'ac-v',
    occurredAt: '2019-09-01',
    adviserId: 'pa-1',
    topics: [],
    supportAgreed: [],
  },
  '/peer-challenges/pc-v/delivery': {
    occurredAt: '2019-10-10',
    onSiteFrom: '2019-10-07',
    onSiteTo: '2019-10-10',
    peers: 4,
    kind: 'corporate',
  },
  '/change-of-control-offers/coc-v/support': {
    occurredAt: '2019-06-14',
    days: 2.5,
    memberPeers: 2,
  },
  '/productivity-engagements/pe-v/savings': {
    occurredAt: '2019-12-01',
    amountPounds: 100,
    kind: 'saving',
    periodFrom: '2019-04-01',
    periodTo: '2020-03-31',
  },
  '/offer-deliveries': {
    deliveryId: 'od-v',
    occurredAt: '2019-09-01',
    offerCode: 'ignite',
    participants: 1,
  },
  '/mentoring': {
    mentoringId: 'mt-v',
    occurredAt: '2019-09-01',
    menteeId: 'p-1',
    menteeRole: 'leader',
    peerType: 'member_peer',
  },
  '/political-control': { occurredAt: '2019-05-03', control: 'Labour' },
  '/lga-membership': { occurredAt: '2019-05-03', membership: 'member' },
  '/abolition': { occurredAt: '2019-05-03', lastDay: '2020-03-31', successors: [] },
  '/events/3b241101-e2bb-4255-8caf-4136c566a962/correction': {
    occurredAt: '2019-09-01',
    reason: 'x',
    correction: { severity: 'high' },
  },
  '': registrationBody(cornwall),
} as const;

type Route = keyof typeof VALID;
type Case = readonly [label: string, route: Route, change: Record<string, unknown>, field: string];

const without = (route: Route, field: string): Record<string, unknown> => {
  const { [field]: _dropped, ...rest } = VALID[route] as Record<string, unknown>;
  return { ...rest, __replace: true };
};

const CASES: readonly Case[] = [
  // missing fields
  ['missing severity', '/risk-signals', without('/risk-signals', 'severity'), 'severity'],
  ['missing occurredAt', '/risk-signals', without('/risk-signals', 'occurredAt'), 'occurredAt'],
  [
    'missing peers',
    '/peer-challenges/pc-v/delivery',
    without('/peer-challenges/pc-v/delivery', 'peers'),
    'peers',
  ],
  ['missing validTo (required, nullable)', '', without('', 'validTo'), 'validTo'],
  // wrong types
  ['peers as a string', '/peer-challenges/pc-v/delivery', { peers: '4' }, 'peers'],
  ['topics as a string', '/annual-conversations', { topics: 'finance' }, 'topics'],
  ['topics holding a number', '/annual-conversations', { topics: [42] }, 'topics'],
  ['successors as a string', '/abolition', { successors: 'E06000060' }, 'successors'],
  ['evidence as a number', '/risk-signals', { evidence: 42 }, 'evidence'],
  [
    'correction as a string',
    '/events/3b241101-e2bb-4255-8caf-4136c566a962/correction',
    { correction: 'severity=high' },
    'correction',
  ],
  ['occurredAt null', '/risk-signals', { occurredAt: null }, 'occurredAt'],
  ['occurredAt as a number', '/risk-signals', { occurredAt: 20190901 }, 'occurredAt'],
  ['service null', '/peer-challenges/pc-v/delivery', { service: null }, 'service'],
  // unknown enum values
  ['risk kind', '/risk-signals', { kind: 'grand' }, 'kind'],
  ['severity', '/risk-signals', { severity: 'apocalyptic' }, 'severity'],
  ['peer challenge kind', '/peer-challenges/pc-v/delivery', { kind: 'Corporate' }, 'kind'],
  ['mentee role', '/mentoring', { menteeRole: 'mayoress' }, 'menteeRole'],
  ['political control', '/political-control', { control: 'Monster Raving Loony' }, 'control'],
  ['LGA membership "unknown"', '/lga-membership', { membership: 'unknown' }, 'membership'],
  ['saving kind', '/productivity-engagements/pe-v/savings', { kind: 'windfall' }, 'kind'],
  ['region', '', { region: 'Wales' }, 'region'],
  ['authority type', '', { authorityType: 'parish' }, 'authorityType'],
  // bad dates
  ['occurredAt 2019-02-30', '/risk-signals', { occurredAt: '2019-02-30' }, 'occurredAt'],
  ['occurredAt 2019-6-1', '/risk-signals', { occurredAt: '2019-6-1' }, 'occurredAt'],
  ['occurredAt with a time', '/risk-signals', { occurredAt: '2019-06-01T00:00:00Z' }, 'occurredAt'],
  ['occurredAt 01/06/2019', '/risk-signals', { occurredAt: '01/06/2019' }, 'occurredAt'],
  ['occurredAt empty', '/risk-signals', { occurredAt: '' }, 'occurredAt'],
  [
    'onSiteFrom 2019-02-29',
    '/peer-challenges/pc-v/delivery',
    { onSiteFrom: '2019-02-29' },
    'onSiteFrom',
  ],
  ['lastDay 2020-13-01', '/abolition', { lastDay: '2020-13-01' }, 'lastDay'],
  ['validFrom 2019-04-31', '', { validFrom: '2019-04-31' }, 'validFrom'],
  // dates out of order
  [
    'onSiteTo before onSiteFrom',
    '/peer-challenges/pc-v/delivery',
    { onSiteTo: '2019-10-06' },
    'onSiteTo',
  ],
  [
    'periodTo before periodFrom',
    '/productivity-engagements/pe-v/savings',
    { periodTo: '2019-03-31' },
    'periodTo',
  ],
  ['validTo before validFrom', '', { validFrom: '2019-04-01', validTo: '2019-03-31' }, 'validTo'],
  // numbers out of range
  ['peers 0', '/peer-challenges/pc-v/delivery', { peers: 0 }, 'peers'],
  ['peers 21', '/peer-challenges/pc-v/delivery', { peers: 21 }, 'peers'],
  ['peers 4.5', '/peer-challenges/pc-v/delivery', { peers: 4.5 }, 'peers'],
  ['days 0', '/change-of-control-offers/coc-v/support', { days: 0 }, 'days'],
  ['days 5.5', '/change-of-control-offers/coc-v/support', { days: 5.5 }, 'days'],
  ['days 0.75', '/change-of-control-offers/coc-v/support', { days: 0.75 }, 'days'],
  ['memberPeers 11', '/change-of-control-offers/coc-v/support', { memberPeers: 11 }, 'memberPeers'],
  ['participants -1', '/offer-deliveries', { participants: -1 }, 'participants'],
  ['participants 100001', '/offer-deliveries', { participants: 100001 }, 'participants'],
  [
    'amountPounds -0.01',
    '/productivity-engagements/pe-v/savings',
    { amountPounds: -0.01 },
    'amountPounds',
  ],
  [
    'amountPounds 1e11',
    '/productivity-engagements/pe-v/savings',
    { amountPounds: 1e11 },
    'amountPounds',
  ],
  [
    'amountPounds 12.345',
    '/productivity-engagements/pe-v/savings',
    { amountPounds: 12.345 },
    'amountPounds',
  ],
  [
    'amountPounds 1e-7',
    '/productivity-engagements/pe-v/savings',
    { amountPounds: 1e-7 },
    'amountPounds',
  ],
  // text and ids
  ['evidence empty', '/risk-signals', { evidence: '' }, 'evidence'],
  ['evidence of 2001 characters', '/risk-signals', { evidence: 'x'.repeat(2001) }, 'evidence'],
  ['name of 201 characters', '', { name: 'x'.repeat(201) }, 'name'],
  ['an id with a space (a name)', '/risk-signals', { signalId: 'Jane Smith' }, 'signalId'],
  ['an id of 101 characters', '/risk-signals', { signalId: 'x'.repeat(101) }, 'signalId'],
  ['a Welsh GSS code', '', { gss: 'W06000023' }, 'gss'],
  [
    'a successor that is no GSS code',
    '/abolition',
    { successors: ['Buckinghamshire'] },
    'successors',
  ],
  [
    'a correction with no fields',
    '/events/3b241101-e2bb-4255-8caf-4136c566a962/correction',
    { correction: {} },
    'correction',
  ],
  [
    'a correction of a prototype name',
    '/events/3b241101-e2bb-4255-8caf-4136c566a962/correction',
    { correction: { toString: 'x' } },
    'correction',
  ],
  [
    'a correction with a nested object',
    '/events/3b241101-e2bb-4255-8caf-4136c566a962/correction',
    { correction: { severity: { $ne: 'x' } } },
    'correction',
  ],
  // unknown extra fields
  ['an extra recordedBy', '/risk-signals', { recordedBy: 'someone-else' }, 'recordedBy'],
  ['an extra recordedAt', '/risk-signals', { recordedAt: '2019-01-01T00:00:00Z' }, 'recordedAt'],
  ['an extra gss in an interaction body', '/risk-signals', { gss: camden.gss }, 'gss'],
  ['a misspelt field', '/risk-signals', { severty: 'low' }, 'severty'],
];

function bodyOf(route: Route, change: Record<string, unknown>): Record<string, unknown> {
  if ('__replace' in change) {
    const { __replace: _replace, ...body } = change;
    return body;
  }
  return { ...VALID[route], ...change };
}

describe('invalid fields (PostgreSQL): 400 naming the field, nothing written', () => {
  let store: TestStore;
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    store = await postgresTestStore();
    api = await startTestApi(store.store);
    await registerCouncils(api, [camden]);
    admin = await api.token('admin', { sub: 'admin-v' });
  });
  afterAll(async () => {
    await api?.close();
    await store?.teardown();
  });

  it.each(CASES.map(([label, route, change, field]) => [label, field, route, change] as const))(
    '%s → 400 naming %s',
    async (_label, field, route, change) => {
      // A refused registration must leave Cornwall unregistered; any other write, Camden as it was.
      const registration = route === '';
      await postRefused(
        api,
        {
          gss: registration ? cornwall.gss : camden.gss,
          path: registration ? '/councils' : `/councils/${camden.gss}${route}`,
          token: admin,
          body: bodyOf(route, change),
        },
        { status: 400, code: 'validation_failed', field },
      );
    },
  );
});
