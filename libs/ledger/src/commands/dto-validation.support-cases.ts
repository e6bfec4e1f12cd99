/** Valid and bad bodies of the mentoring, productivity, offer, risk and correction DTOs. */
import { ClearRiskSignalDto } from './clear-risk-signal/clear-risk-signal.dto.js';
import { CloseProductivityEngagementDto } from './close-productivity-engagement/close-productivity-engagement.dto.js';
import { CompleteMentoringDto } from './complete-mentoring/complete-mentoring.dto.js';
import { CorrectEventDto } from './correct-event/correct-event.dto.js';
import { EngageProductivityExpertDto } from './engage-productivity-expert/engage-productivity-expert.dto.js';
import { RaiseRiskSignalDto } from './raise-risk-signal/raise-risk-signal.dto.js';
import { RecordOfferDeliveredDto } from './record-offer-delivered/record-offer-delivered.dto.js';
import { ReportSavingsDto } from './report-savings/report-savings.dto.js';
import { RetractEventDto } from './retract-event/retract-event.dto.js';
import { StartMentoringDto } from './start-mentoring/start-mentoring.dto.js';
import { type Case, dateOnly, long, on } from './dto-validation.cases.js';

export const SUPPORT_CASES: readonly Case[] = [
  {
    Dto: StartMentoringDto,
    type: 'StartMentoring',
    body: {
      mentoringId: 'mt-1',
      occurredAt: on,
      menteeId: 'person-9',
      menteeRole: 'chief_executive',
      peerType: 'officer_peer',
    },
    bad: [
      ['menteeRole', 'mentor'],
      ['peerType', 'peer'],
      ['menteeId', 'Jane Smith'],
    ],
  },
  dateOnly(CompleteMentoringDto, 'CompleteMentoring', 'mentoringId'),
  {
    Dto: EngageProductivityExpertDto,
    type: 'EngageProductivityExpert',
    body: {
      engagementId: 'pe-1',
      occurredAt: on,
      expertId: 'expert-7',
      focus: 'income_generation',
    },
    bad: [
      ['focus', 'savings'],
      ['expertId', ''],
    ],
  },
  {
    Dto: ReportSavingsDto,
    type: 'ReportSavings',
    pathId: 'engagementId',
    body: {
      occurredAt: on,
      amountPounds: 1250000.5,
      kind: 'income',
      periodFrom: '2019-04-01',
      periodTo: '2023-03-31',
    },
    bad: [
      ['amountPounds', -1],
      ['amountPounds', 1e10 + 1],
      ['amountPounds', 12.345],
      ['amountPounds', 1e-7],
      ['amountPounds', '100'],
      ['kind', 'grant'],
      ['periodTo', '2019-03-31'],
      ['periodFrom', '2019-02-30'],
    ],
  },
  dateOnly(CloseProductivityEngagementDto, 'CloseProductivityEngagement', 'engagementId'),
  {
    Dto: RecordOfferDeliveredDto,
    type: 'RecordOfferDelivered',
    body: { deliveryId: 'od-1', occurredAt: on, offerCode: 'be-a-councillor', participants: 12 },
    bad: [
      ['participants', -1],
      ['participants', 100_001],
      ['participants', 2.5],
      ['offerCode', ''],
      ['offerCode', long(201)],
    ],
  },
  {
    Dto: RaiseRiskSignalDto,
    type: 'RaiseRiskSignal',
    body: {
      signalId: 'rs-1',
      occurredAt: on,
      kind: 'section_114_notice',
      severity: 'critical',
      evidence: 'Section 114 notice issued',
    },
    bad: [
      ['kind', 'fraud'],
      ['severity', 'extreme'],
      ['evidence', ''],
      ['evidence', long(2001)],
    ],
  },
  {
    Dto: ClearRiskSignalDto,
    type: 'ClearRiskSignal',
    pathId: 'signalId',
    body: { occurredAt: on, reason: 'Budget balanced' },
    bad: [
      ['reason', ''],
      ['reason', long(2001)],
    ],
  },
  {
    Dto: CorrectEventDto,
    type: 'CorrectEvent',
    pathId: 'eventId',
    body: {
      occurredAt: on,
      reason: 'Wrong end date',
      correction: {
        onSiteTo: '2019-10-10',
        peers: 5,
        service: null,
        topics: ['finance'],
        flag: false,
      },
    },
    bad: [
      ['correction', 'onSiteTo'],
      ['correction', []],
      ['correction', {}],
      ['correction', { nested: { a: 1 } }],
      ['correction', JSON.parse('{"__proto__": {"polluted": true}}')],
      ['correction', { constructor: 'x' }],
      ['correction', { prototype: 1 }],
      ['correction', { toString: 'x', valueOf: 'y' }],
      ['correction', { a: { constructor: 'x' } }],
      ['correction', [{ constructor: 'x' }]],
      ['correction', Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`f${i}`, i]))],
      ['correction', { reason: long(2001) }],
      ['correction', { topics: [1] }],
      ['correction', { 'a.b': 1 }],
    ],
  },
  {
    Dto: RetractEventDto,
    type: 'RetractEvent',
    pathId: 'eventId',
    body: { occurredAt: on, reason: 'Wrong council' },
    bad: [
      ['reason', ''],
      ['occurredAt', '2019-02-30'],
    ],
  },
];
