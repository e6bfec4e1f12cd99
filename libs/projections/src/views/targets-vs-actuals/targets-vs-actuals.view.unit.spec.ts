import { describe, it, expect } from '@jest/globals';
import type { CouncilEventType, Target, TargetSet } from '#domain';
import { docsOf, ev, OTHER, registration } from '../test-fixtures.js';
import { targetsVsActuals } from './targets-vs-actuals.view.js';

const THIRD = 'E07000001';
const delivered = (
  gss: string | undefined,
  occurredAt: string,
  id: string,
  kind: 'corporate' | 'finance',
) =>
  ev('PeerChallengeDelivered', {
    gss,
    occurredAt,
    peerChallengeId: id,
    onSiteFrom: occurredAt,
    onSiteTo: occurredAt,
    peers: 4,
    kind,
  });

const docs = docsOf([
  registration(),
  registration({ gss: OTHER, name: 'Manchester' }),
  registration({ gss: THIRD, name: 'Third' }),
  ev('PoliticalControlChanged', { occurredAt: '2016-05-06', control: 'Labour' }),
  ev('PoliticalControlChanged', { occurredAt: '2019-05-03', control: 'Conservative' }),
  ev('ChangeOfControlOfferMade', { occurredAt: '2019-05-10', offerId: 'o1', trigger: 'control' }),
  ev('ChangeOfControlSupportDelivered', {
    occurredAt: '2019-06-20',
    offerId: 'o1',
    days: 3,
    memberPeers: 2,
  }),
  ev('OfferDelivered', {
    occurredAt: '2019-06-03',
    deliveryId: 'd1',
    offerCode: 'ignite',
    participants: 4,
  }),
  ev('OfferDelivered', {
    occurredAt: '2019-10-03',
    deliveryId: 'd2',
    offerCode: 'ignite',
    participants: 40,
  }),
  ev('OfferDelivered', {
    occurredAt: '2019-08-01',
    deliveryId: 'd3',
    offerCode: 'be-a-councillor',
    participants: 0,
  }),
  delivered(undefined, '2019-06-10', 'pc1', 'corporate'),
  ev('ProductivityExpertEngaged', {
    occurredAt: '2019-07-01',
    engagementId: 'p',
    expertId: 'x',
    focus: 'productivity',
  }),
  ev('SavingsReported', {
    occurredAt: '2019-08-01',
    engagementId: 'p',
    amountPounds: 10_000_000,
    kind: 'saving',
    periodFrom: '2019-04-01',
    periodTo: '2023-03-31',
  }),
  ev('LeaderChanged', { gss: OTHER, occurredAt: '2019-05-20', role: 'leader', leaderId: 'l' }),
  ev('AnnualConversationHeld', {
    gss: OTHER,
    occurredAt: '2019-05-01',
    conversationId: 'ac',
    adviserId: 'pa',
    topics: [],
    supportAgreed: [],
  }),
  delivered(OTHER, '2019-07-10', 'pc2', 'finance'),
  delivered(THIRD, '2012-07-10', 'pc3', 'corporate'),
]);

function target(
  code: string,
  unit: Target['unit'],
  threshold: number,
  offers: string[],
  extra: Partial<Target> = {},
): Target {
  return {
    code,
    description: code,
    objective: 8,
    unit,
    threshold,
    counts: { offers, events: [] },
    eligible: null,
    baseline: null,
    windowYears: null,
    subTargets: [],
    ...extra,
  };
}
const events = (types: CouncilEventType[]) => ({ offers: [], events: types });

const targets: TargetSet = {
  financialYear: 2019,
  source: 'test',
  targets: [
    target('8.1', 'engagements', 2, ['peer-challenge-corporate', 'peer-challenge-finance'], {
      subTargets: [target('8.1a', 'engagements', 3, ['peer-challenge-corporate'])],
    }),
    target('2.1', 'distinct_councils', 2, ['be-a-councillor']),
    target('1.3a', 'participants', 10, ['ignite']),
    target('6.1b', 'pounds', 25_000_000, [], {
      counts: events(['SavingsReported']),
      windowYears: 4,
    }),
    target('ac', 'percent_of_eligible', 100, ['annual-conversation'], { eligible: 'all_councils' }),
    target('9.1', 'percent_of_eligible', 75, ['change-of-control'], {
      eligible: 'councils_with_change_of_control',
    }),
    target('8.2', 'councils_vs_baseline', 50, ['peer-challenge-corporate'], {
      baseline: {
        measure: 'councils_without_corporate_peer_challenge_since',
        since: '2013-01-01',
        asOf: '2019-04-01',
      },
    }),
    target('x.1', 'engagements', 1, [], {
      counts: events(['AnnualConversationHeld', 'RiskSignalRaised']),
    }),
  ],
};

describe('targetsVsActuals', () => {
  // 2019-04-01..2019-09-30 is 183 of the leap year's 366 days: exactly half.
  const result = targetsVsActuals({ fy: 2019, asOfDate: '2019-09-30', targets, docs });
  const row = (code: string) => result.targets.find((candidate) => candidate.code === code);

  it('measures each target in its own unit, sub-targets after their parent', () => {
    expect(
      result.targets.map((t) => [
        t.code,
        t.parentCode,
        t.unit,
        t.actual,
        t.expectedByNow,
        t.status,
      ]),
    ).toEqual([
      ['8.1', null, 'engagements', 2, 1, 'met'],
      ['8.1a', '8.1', 'engagements', 1, 1.5, 'behind'],
      ['2.1', null, 'distinct_councils', 1, 1, 'on_track'],
      ['1.3a', null, 'participants', 4, 5, 'behind'],
      ['6.1b', null, 'pounds', 10_000_000, 3_131_416.84, 'on_track'],
      ['ac', null, 'percent_of_eligible', 33.33, 50, 'behind'],
      ['9.1', null, 'percent_of_eligible', 50, 37.5, 'on_track'],
      ['8.2', null, 'councils_vs_baseline', 33.33, 25, 'on_track'],
      ['x.1', null, 'engagements', 1, 0.5, 'met'],
    ]);
  });

  it('shows what each percentage is made of, and event types it cannot measure', () => {
    expect(row('ac')).toMatchObject({ eligible: 3, reached: 1, baseline: null });
    expect(row('9.1')).toMatchObject({ eligible: 2, reached: 1 });
    expect(row('8.2')).toMatchObject({ baseline: 3, current: 2 });
    expect(row('6.1b')?.period).toEqual({ from: '2019-04-01', to: '2023-03-31' });
    expect(row('x.1')?.unmeasuredEvents).toEqual(['RiskSignalRaised']);
    expect(row('1.3a')?.countedTo).toBe('2019-09-30');
  });

  it('counts the whole year at its end, nothing before it starts, and refuses another year', () => {
    const yearEnd = targetsVsActuals({ fy: 2019, asOfDate: '2020-06-30', targets, docs });
    expect(yearEnd.targets.find((t) => t.code === '1.3a')).toMatchObject({
      actual: 44,
      status: 'met',
      expectedByNow: 10,
    });
    const early = targetsVsActuals({ fy: 2019, asOfDate: '2019-03-01', targets, docs });
    expect(early.targets.every((t) => t.actual === 0 && t.expectedByNow === 0)).toBe(true);
    expect(() => targetsVsActuals({ fy: 2020, asOfDate: '2020-06-30', targets, docs })).toThrow(
      RangeError,
    );
  });
});
