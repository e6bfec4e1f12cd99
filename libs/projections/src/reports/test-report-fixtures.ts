// A small hand-made ledger for the report tests. Pure: reads only the risk rules file.
import { readFileSync } from 'node:fs';
import {
  type CatalogueOffer,
  type OfferTheme,
  type Target,
  type TargetSet,
  catalogueOf,
} from '#domain';
import { parseRiskRules } from '../views/intervention-risk/risk-rules.js';
import {
  type Entry,
  GSS,
  OTHER,
  councilDocs,
  ev,
  projected,
  registration,
} from '../views/test-fixtures.js';

export const THIRD = 'E07000001';
export const LATER = 'E06000099';

const offer = (
  code: string,
  theme: OfferTheme,
  interaction: CatalogueOffer['interaction'] = null,
  extra: Partial<CatalogueOffer> = {},
): CatalogueOffer => ({
  code,
  name: `Offer ${code}`,
  theme,
  objectives: [1],
  unit: 'engagements',
  interaction,
  peerChallengeKind: null,
  ...extra,
});

export const reportCatalogue = catalogueOf([
  {
    financialYear: 2019,
    source: 'report test catalogue',
    offers: [
      offer('ignite', 'leadership_and_capacity', null, { unit: 'participants' }),
      offer('be-a-councillor', 'leadership_and_capacity'),
      offer('annual-conversation', 'peer_challenge_and_support', 'AnnualConversationHeld'),
      offer('peer-challenge-corporate', 'peer_challenge_and_support', 'PeerChallengeDelivered', {
        peerChallengeKind: 'corporate',
      }),
      offer('peer-challenge-finance', 'peer_challenge_and_support', 'PeerChallengeDelivered', {
        peerChallengeKind: 'finance',
      }),
      offer('change-of-control', 'peer_challenge_and_support', 'ChangeOfControlSupportDelivered'),
      offer('productivity-expert', 'efficiency_and_productivity', 'ProductivityExpertEngaged'),
    ],
  },
]);

const target = (
  code: string,
  unit: Target['unit'],
  threshold: number,
  offers: string[],
  extra: Partial<Target> = {},
): Target => ({
  code,
  description: `Target ${code}`,
  objective: 1,
  unit,
  threshold,
  counts: { offers, events: [] },
  eligible: null,
  baseline: null,
  windowYears: null,
  subTargets: [],
  ...extra,
});

export const reportTargets: TargetSet = {
  financialYear: 2019,
  source: 'report test targets',
  targets: [
    target('1.3a', 'participants', 10, ['ignite']),
    target('8.1', 'engagements', 4, ['peer-challenge-corporate', 'peer-challenge-finance']),
    target('2.1', 'distinct_councils', 15, ['be-a-councillor']),
    target('9.1', 'percent_of_eligible', 75, ['change-of-control'], {
      eligible: 'councils_with_change_of_control',
    }),
  ],
};

export const reportRules = parseRiskRules(
  JSON.parse(
    readFileSync(new URL('../../reference-data/risk-rules/v1.json', import.meta.url), 'utf8'),
  ),
);

const peerChallenge = (gss: string, on: string, id: string, kind: 'corporate' | 'finance') =>
  ev('PeerChallengeDelivered', {
    gss,
    occurredAt: on,
    peerChallengeId: id,
    onSiteFrom: on,
    onSiteTo: on,
    peers: 4,
    kind,
  });
const ignite = (on: string, id: string, participants: number) =>
  ev('OfferDelivered', { occurredAt: on, deliveryId: id, offerCode: 'ignite', participants });

/**
 * Bristol (South West): control changes in May with support in place, Ignite in Q1, Q2 and
 * Q3, a corporate peer challenge and a productivity expert with savings in Q2. Manchester
 * (North West): annual conversation in Q1, finance peer challenge and a s.114 notice in Q2.
 * Third (East of England): a new leader in Q2, nothing else. Later: created in Q3.
 */
export const reportEntries: readonly Entry[] = [
  registration(),
  registration({
    gss: OTHER,
    name: 'Manchester',
    authorityType: 'metropolitan_district',
    region: 'North West',
  }),
  registration({ gss: THIRD, name: 'Third', authorityType: 'district', region: 'East of England' }),
  registration({ gss: LATER, name: 'Later', validFrom: '2019-11-01' }),
  ev('PoliticalControlChanged', { occurredAt: '2016-05-06', control: 'Labour' }),
  ev('PoliticalControlChanged', { gss: OTHER, occurredAt: '2016-05-06', control: 'Labour' }),
  ev('LgaMembershipChanged', { occurredAt: '2015-04-01', membership: 'member' }),
  ev('PoliticalControlChanged', { occurredAt: '2019-05-03', control: 'Conservative' }),
  ev('ChangeOfControlOfferMade', { occurredAt: '2019-05-10', offerId: 'o1', trigger: 'control' }),
  ev('ChangeOfControlSupportDelivered', {
    occurredAt: '2019-06-20',
    offerId: 'o1',
    days: 3,
    memberPeers: 2,
  }),
  ignite('2019-06-03', 'd1', 4),
  ignite('2019-08-15', 'd2', 6),
  ignite('2019-10-03', 'd3', 40),
  peerChallenge(GSS, '2019-07-10', 'pc1', 'corporate'),
  ev('ProductivityExpertEngaged', {
    occurredAt: '2019-07-01',
    engagementId: 'p1',
    expertId: 'x',
    focus: 'productivity',
  }),
  ev('SavingsReported', {
    occurredAt: '2019-08-01',
    engagementId: 'p1',
    amountPounds: 1_000_000,
    kind: 'saving',
    periodFrom: '2019-04-01',
    periodTo: '2023-03-31',
  }),
  ev('AnnualConversationHeld', {
    gss: OTHER,
    occurredAt: '2019-05-01',
    conversationId: 'ac1',
    adviserId: 'pa',
    topics: [],
    supportAgreed: [],
  }),
  peerChallenge(OTHER, '2019-08-10', 'pc2', 'finance'),
  ev('RiskSignalRaised', {
    gss: OTHER,
    occurredAt: '2019-08-20',
    signalId: 's1',
    kind: 'section_114_notice',
    severity: 'high',
    evidence: 'named officer wrote to the auditor',
  }),
  ev('LeaderChanged', { gss: THIRD, occurredAt: '2019-09-01', role: 'leader', leaderId: 'l1' }),
];

export const reportDocs = (entries: readonly Entry[] = reportEntries) =>
  councilDocs(projected(entries), reportCatalogue);
