/** Valid and bad bodies of the register, peer challenge and change-of-control DTOs. */
import { type CouncilCommand, type CouncilCommandType } from '#domain';
import { AbolishCouncilDto } from './abolish-council/abolish-council.dto.js';
import { AcceptChangeOfControlOfferDto } from './accept-change-of-control-offer/accept-change-of-control-offer.dto.js';
import { ChangeLeaderDto } from './change-leader/change-leader.dto.js';
import { ChangeLgaMembershipDto } from './change-lga-membership/change-lga-membership.dto.js';
import { ChangePoliticalControlDto } from './change-political-control/change-political-control.dto.js';
import { DeclineChangeOfControlOfferDto } from './decline-change-of-control-offer/decline-change-of-control-offer.dto.js';
import { DeliverChangeOfControlSupportDto } from './deliver-change-of-control-support/deliver-change-of-control-support.dto.js';
import { DeliverPeerChallengeDto } from './deliver-peer-challenge/deliver-peer-challenge.dto.js';
import { HoldPeerChallengeProgressReviewDto } from './hold-peer-challenge-progress-review/hold-peer-challenge-progress-review.dto.js';
import { MakeChangeOfControlOfferDto } from './make-change-of-control-offer/make-change-of-control-offer.dto.js';
import { PublishPeerChallengeActionPlanDto } from './publish-peer-challenge-action-plan/publish-peer-challenge-action-plan.dto.js';
import { PublishPeerChallengeReportDto } from './publish-peer-challenge-report/publish-peer-challenge-report.dto.js';
import { RecordAnnualConversationDto } from './record-annual-conversation/record-annual-conversation.dto.js';
import { RegisterCouncilDto } from './register-council/register-council.dto.js';
import { RequestPeerChallengeDto } from './request-peer-challenge/request-peer-challenge.dto.js';
import { SchedulePeerChallengeDto } from './schedule-peer-challenge/schedule-peer-challenge.dto.js';

export const GSS = 'E06000023';
export const ID = 'pc-2019-017';
export const on = '2019-06-12';
export const long = (n: number) => 'x'.repeat(n);

export type Body = Record<string, unknown>;
export type CommandDto = { toCommand(...args: string[]): CouncilCommand };

export interface Case {
  readonly Dto: new () => CommandDto;
  readonly type: CouncilCommandType;
  readonly body: Body;
  /** The command field the path id fills, for steps addressed as /{gss}/…/{id}. */
  readonly pathId?: string;
  readonly optional?: readonly string[];
  /** Typical bad values, each set alone on the valid body: [field, value]. */
  readonly bad: ReadonlyArray<readonly [string, unknown]>;
}

export const dateOnly = (Dto: Case['Dto'], type: CouncilCommandType, pathId: string): Case => ({
  Dto,
  type,
  pathId,
  body: { occurredAt: on },
  bad: [
    ['occurredAt', '2019-02-30'],
    ['occurredAt', '12/06/2019'],
  ],
});

export const COUNCIL_CASES: readonly Case[] = [
  {
    Dto: RegisterCouncilDto,
    type: 'RegisterCouncil',
    body: {
      gss: GSS,
      occurredAt: '2019-04-01',
      name: 'Dorset Council',
      authorityType: 'unitary',
      region: 'South West',
      validFrom: '2019-04-01',
      validTo: null,
    },
    bad: [
      ['gss', 'W06000001'],
      ['name', ''],
      ['name', long(201)],
      ['authorityType', 'parish'],
      ['region', 'Wales'],
      ['validFrom', '2019-02-30'],
      ['validTo', '2019-03-31'],
    ],
  },
  {
    Dto: ChangePoliticalControlDto,
    type: 'ChangePoliticalControl',
    body: { occurredAt: on, control: 'No overall control' },
    bad: [
      ['control', 'Whig'],
      ['occurredAt', '2019-02-30'],
    ],
  },
  {
    Dto: ChangeLeaderDto,
    type: 'ChangeLeader',
    body: { occurredAt: on, role: 'mayor', leaderId: 'person-1' },
    bad: [
      ['role', 'chair'],
      ['leaderId', 'Jane Smith'],
    ],
  },
  {
    Dto: ChangeLgaMembershipDto,
    type: 'ChangeLgaMembership',
    body: { occurredAt: on, membership: 'non_member' },
    bad: [['membership', 'unknown']],
  },
  {
    Dto: AbolishCouncilDto,
    type: 'AbolishCouncil',
    body: { occurredAt: '2020-04-01', lastDay: '2020-03-31', successors: ['E06000060'] },
    bad: [
      ['lastDay', '2020-02-30'],
      ['successors', 'E06000060'],
      ['successors', ['W06000001']],
      ['successors', ['E06000060', 'E06000060']],
      ['successors', Array.from({ length: 51 }, (_, i) => `E060${String(i).padStart(5, '0')}`)],
    ],
  },
  {
    Dto: RecordAnnualConversationDto,
    type: 'RecordAnnualConversation',
    body: {
      conversationId: 'ac-1',
      occurredAt: on,
      adviserId: 'pa-1',
      topics: ['finance'],
      supportAgreed: [],
    },
    bad: [
      ['topics', [long(201)]],
      ['supportAgreed', 'finance'],
    ],
  },
  {
    Dto: RequestPeerChallengeDto,
    type: 'RequestPeerChallenge',
    body: { peerChallengeId: ID, occurredAt: on, kind: 'service_specific', service: 'housing' },
    optional: ['service'],
    bad: [
      ['peerChallengeId', ''],
      ['kind', 'parish'],
      ['service', 'Housing'],
      ['service', null],
    ],
  },
  {
    Dto: SchedulePeerChallengeDto,
    type: 'SchedulePeerChallenge',
    pathId: 'peerChallengeId',
    body: { occurredAt: on, onSiteFrom: '2019-10-07', onSiteTo: '2019-10-10' },
    bad: [
      ['onSiteFrom', '2019-02-30'],
      ['onSiteTo', '2019-10-06'],
    ],
  },
  {
    Dto: DeliverPeerChallengeDto,
    type: 'DeliverPeerChallenge',
    pathId: 'peerChallengeId',
    body: {
      occurredAt: on,
      onSiteFrom: '2019-10-07',
      onSiteTo: '2019-10-10',
      peers: 4,
      kind: 'finance',
      service: 'housing',
    },
    optional: ['kind', 'service'],
    bad: [
      ['peers', 0],
      ['peers', 21],
      ['peers', 1.5],
      ['peers', '4'],
      ['kind', 'parish'],
      ['kind', null],
      ['onSiteTo', '2019-10-01'],
    ],
  },
  dateOnly(PublishPeerChallengeReportDto, 'PublishPeerChallengeReport', 'peerChallengeId'),
  dateOnly(PublishPeerChallengeActionPlanDto, 'PublishPeerChallengeActionPlan', 'peerChallengeId'),
  dateOnly(
    HoldPeerChallengeProgressReviewDto,
    'HoldPeerChallengeProgressReview',
    'peerChallengeId',
  ),
  {
    Dto: MakeChangeOfControlOfferDto,
    type: 'MakeChangeOfControlOffer',
    body: { offerId: 'coc-1', occurredAt: on, trigger: 'leader' },
    bad: [
      ['trigger', 'election'],
      ['offerId', long(101)],
    ],
  },
  dateOnly(AcceptChangeOfControlOfferDto, 'AcceptChangeOfControlOffer', 'offerId'),
  dateOnly(DeclineChangeOfControlOfferDto, 'DeclineChangeOfControlOffer', 'offerId'),
  {
    Dto: DeliverChangeOfControlSupportDto,
    type: 'DeliverChangeOfControlSupport',
    pathId: 'offerId',
    body: { occurredAt: on, days: 2.5, memberPeers: 2 },
    bad: [
      ['days', 0],
      ['days', -1],
      ['days', 5.5],
      ['days', 0.75],
      ['days', '2'],
      ['memberPeers', 0],
      ['memberPeers', 11],
      ['memberPeers', 1.5],
    ],
  },
];
