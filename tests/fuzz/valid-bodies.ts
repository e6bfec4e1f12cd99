import { OPERATION_ROUTES, PEOPLE_ROUTES, WRITE_ROUTES } from '../fixtures/routes.js';

/**
 * One valid body per POST route (the OpenAPI examples, dated inside the test clock's past), so
 * that a mutation breaks one thing at a time and the rest of the body reaches the deeper rules.
 */
export const VALID_BODIES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  '/councils': {
    gss: 'E06000052',
    occurredAt: '2019-04-01',
    name: 'Cornwall Council',
    authorityType: 'unitary',
    region: 'South West',
    validFrom: null,
    validTo: null,
  },
  '/councils/{gss}/political-control': { occurredAt: '2019-05-03', control: 'Labour' },
  '/councils/{gss}/leader': { occurredAt: '2019-05-20', role: 'leader', leaderId: 'person-4711' },
  '/councils/{gss}/lga-membership': { occurredAt: '2019-05-03', membership: 'member' },
  '/councils/{gss}/abolition': {
    occurredAt: '2019-05-03',
    lastDay: '2020-03-31',
    successors: ['E06000060'],
  },
  '/councils/{gss}/annual-conversations': {
    conversationId: 'ac-fuzz',
    occurredAt: '2019-06-12',
    adviserId: 'pa-1',
    topics: ['finance'],
    supportAgreed: ['finance peer review'],
  },
  '/councils/{gss}/peer-challenges': {
    peerChallengeId: 'pc-fuzz',
    occurredAt: '2019-06-12',
    kind: 'corporate',
  },
  '/councils/{gss}/peer-challenges/{id}/schedule': {
    occurredAt: '2019-06-12',
    onSiteFrom: '2019-10-07',
    onSiteTo: '2019-10-10',
  },
  '/councils/{gss}/peer-challenges/{id}/delivery': {
    occurredAt: '2019-10-10',
    onSiteFrom: '2019-10-07',
    onSiteTo: '2019-10-10',
    peers: 4,
    kind: 'finance',
  },
  '/councils/{gss}/peer-challenges/{id}/report': { occurredAt: '2019-11-01' },
  '/councils/{gss}/peer-challenges/{id}/action-plan': { occurredAt: '2019-12-01' },
  '/councils/{gss}/peer-challenges/{id}/progress-review': { occurredAt: '2020-01-15' },
  '/councils/{gss}/change-of-control-offers': {
    offerId: 'coc-fuzz',
    occurredAt: '2019-06-12',
    trigger: 'control',
  },
  '/councils/{gss}/change-of-control-offers/{id}/acceptance': { occurredAt: '2019-06-20' },
  '/councils/{gss}/change-of-control-offers/{id}/decline': { occurredAt: '2019-06-20' },
  '/councils/{gss}/change-of-control-offers/{id}/support': {
    occurredAt: '2019-07-01',
    days: 2.5,
    memberPeers: 2,
  },
  '/councils/{gss}/mentoring': {
    mentoringId: 'mt-fuzz',
    occurredAt: '2019-06-12',
    menteeId: 'person-1024',
    menteeRole: 'leader',
    peerType: 'member_peer',
  },
  '/councils/{gss}/mentoring/{id}/completion': { occurredAt: '2019-12-12' },
  '/councils/{gss}/productivity-engagements': {
    engagementId: 'pe-fuzz',
    occurredAt: '2019-06-12',
    expertId: 'expert-7',
    focus: 'productivity',
  },
  '/councils/{gss}/productivity-engagements/{id}/savings': {
    occurredAt: '2019-12-01',
    amountPounds: 1250.5,
    kind: 'saving',
    periodFrom: '2019-04-01',
    periodTo: '2020-03-31',
  },
  '/councils/{gss}/productivity-engagements/{id}/closure': { occurredAt: '2020-01-01' },
  '/councils/{gss}/offer-deliveries': {
    deliveryId: 'od-fuzz',
    occurredAt: '2019-06-12',
    offerCode: 'ignite',
    participants: 12,
  },
  '/councils/{gss}/risk-signals': {
    signalId: 'rs-fuzz',
    occurredAt: '2019-06-12',
    kind: 'financial_distress',
    severity: 'high',
    evidence: 'unfunded budget gap',
  },
  '/councils/{gss}/risk-signals/{id}/clearance': { occurredAt: '2019-09-01', reason: 'balanced' },
  '/councils/{gss}/events/{id}/correction': {
    occurredAt: '2019-09-01',
    reason: 'wrong day',
    correction: { severity: 'low' },
  },
  '/councils/{gss}/events/{id}/retraction': { occurredAt: '2019-09-01', reason: 'wrong council' },
  '/people/{id}': {
    name: 'Alex Example',
    email: 'alex@example.org',
    phone: '020 7946 0000',
    organisation: 'Example Borough Council',
    role: 'Chief executive',
  },
  '/snapshots': { kind: 'quarterly-report', params: { fy: 2019, quarter: 2 } },
  '/snapshots/{id}/verify': {},
  '/projections/dead-letters/{projection}/{eventId}/replay': {},
};

/** Optional fields a valid body leaves out, with values worth trying in them. */
export const OPTIONAL_FIELDS: Readonly<
  Record<string, Readonly<Record<string, readonly unknown[]>>>
> = {
  '/snapshots': {
    position: ['0', '1', '1234', '99999999999999999999', '-1', '1e3', ' 1', 1, null],
    asKnownAt: ['2019-08-15', '2019-08-15T10:00:00Z', '2019-08-15T25:00:00Z', '2100-01-01', 0],
  },
  '/councils/{gss}/peer-challenges': { service: ['housing', 'Housing', 'a'.repeat(101), null] },
  '/councils/{gss}/peer-challenges/{id}/delivery': { service: ['planning', '', 'x-y'] },
};

export interface WriteRoute {
  readonly method: 'POST' | 'PUT' | 'DELETE';
  readonly template: string;
}

/** Every write route of the API: council writes, snapshots, operators' replays and people. */
export const FUZZ_ROUTES: readonly WriteRoute[] = [
  ...[...WRITE_ROUTES, ...OPERATION_ROUTES].map((template) => ({
    method: 'POST' as const,
    template,
  })),
  ...PEOPLE_ROUTES.map((route) => route.split(' ') as [string, string])
    .filter(([method]) => method !== 'GET')
    .map(([method, template]) => ({ method: method as 'PUT' | 'DELETE', template })),
];

export function validBody(route: string): Readonly<Record<string, unknown>> {
  const body = VALID_BODIES[route.replace(/^[A-Z]+ /, '')];
  if (!body) throw new Error(`no valid body for ${route}: add it to tests/fuzz/valid-bodies.ts`);
  return body;
}
