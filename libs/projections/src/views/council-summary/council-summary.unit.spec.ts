import { describe, it, expect } from '@jest/globals';
import { docOf, ev, fold, registration } from '../test-fixtures.js';
import { councilSummaryProjection as projection } from './council-summary.projection.js';
import { councilSummary } from './council-summary.view.js';

const control = (occurredAt: string, value: 'Labour' | 'Conservative' | 'No overall control') =>
  ev('PoliticalControlChanged', { occurredAt, control: value });

describe('council-summary projection', () => {
  it('starts at the registration and ignores anything before it or a second registration', () => {
    const docs = fold(projection, [
      ev('AnnualConversationHeld', {
        conversationId: 'ac',
        adviserId: 'pa',
        topics: [],
        supportAgreed: [],
      }),
      registration(),
      registration({ name: 'Other name' }),
    ]);
    const doc = docs.get('E06000023');
    expect(doc?.facts.name).toBe('Bristol City Council');
    expect(doc?.engagements).toEqual({});
    expect(doc?.lastPosition).toBe('3');
    expect(
      projection.documentId({
        ...registration(),
        eventId: 'x',
        streamName: '',
        position: 1n,
        recordedAt: '',
        recordedBy: '',
      }),
    ).toBe('E06000023');
  });

  it('keeps dated facts in effective-date order, so a back-dated change lands in the past', () => {
    const summary = councilSummary(
      docOf(projection, [
        registration(),
        control('2016-05-06', 'Labour'),
        control('2019-05-03', 'No overall control'),
        control('2018-05-04', 'Conservative'),
        ev('LeaderChanged', { occurredAt: '2019-05-20', role: 'mayor', leaderId: 'p1' }),
        ev('LgaMembershipChanged', { occurredAt: '2017-01-01', membership: 'member' }),
      ]),
    );
    expect(summary.history.control.map((period) => period.control)).toEqual([
      'Labour',
      'Conservative',
      'No overall control',
    ]);
    expect(summary).toMatchObject({
      control: 'No overall control',
      leaderRole: 'mayor',
      membership: 'member',
      status: 'active',
    });
  });

  it('records an abolition once, and un-abolishes when it is retracted', () => {
    const abolish = ev('CouncilAbolished', {
      occurredAt: '2020-03-31',
      lastDay: '2020-03-31',
      successors: ['E06000060'],
    });
    const abolished = docOf(projection, [
      registration(),
      ['ab', abolish],
      ev('CouncilAbolished', { lastDay: '2021-03-31', successors: [] }),
    ]);
    expect(councilSummary(abolished)).toMatchObject({
      status: 'abolished',
      lastDay: '2020-03-31',
      successors: ['E06000060'],
    });
    const corrected = docOf(projection, [
      registration(),
      ['ab', abolish],
      ev('EventCorrected', {
        eventId: 'ab',
        targetType: 'CouncilAbolished',
        reason: 'r',
        correction: { lastDay: '2020-03-30' },
      }),
    ]);
    expect(councilSummary(corrected).lastDay).toBe('2020-03-30');
    const retracted = docOf(projection, [
      registration(),
      ['ab', abolish],
      ev('EventRetracted', { eventId: 'ab', targetType: 'CouncilAbolished', reason: 'r' }),
    ]);
    expect(councilSummary(retracted)).toMatchObject({
      status: 'active',
      lastDay: null,
      successors: [],
    });
  });

  it('applies corrections and retractions of register facts', () => {
    const summary = councilSummary(
      docOf(projection, [
        ['reg', registration()],
        ['c1', control('2016-05-06', 'Labour')],
        ['c2', control('2019-05-03', 'Conservative')],
        ['m1', ev('LgaMembershipChanged', { occurredAt: '2017-01-01', membership: 'member' })],
        ev('EventCorrected', {
          eventId: 'reg',
          targetType: 'CouncilRegistered',
          reason: 'r',
          correction: { name: 'Bristol', validTo: '2030-03-31' },
        }),
        ev('EventCorrected', {
          eventId: 'c2',
          targetType: 'PoliticalControlChanged',
          reason: 'r',
          correction: { occurredAt: '2015-05-01', control: 'No overall control' },
        }),
        ev('EventRetracted', { eventId: 'm1', targetType: 'LgaMembershipChanged', reason: 'r' }),
      ]),
    );
    expect(summary).toMatchObject({
      name: 'Bristol',
      validTo: '2030-03-31',
      lastDay: '2030-03-31',
      control: 'Labour',
      membership: 'unknown',
    });
    expect(summary.history.control).toEqual([
      { from: '2015-05-01', control: 'No overall control' },
      { from: '2016-05-06', control: 'Labour' },
    ]);
  });

  it('follows every engagement lifecycle and lists what is still open', () => {
    const summary = councilSummary(
      docOf(projection, [
        registration(),
        ev('AnnualConversationHeld', {
          occurredAt: '2019-05-01',
          conversationId: 'ac1',
          adviserId: 'pa',
          topics: [],
          supportAgreed: [],
        }),
        ev('AnnualConversationHeld', {
          occurredAt: '2020-05-01',
          conversationId: 'ac2',
          adviserId: 'pa',
          topics: [],
          supportAgreed: [],
        }),
        ev('PeerChallengeRequested', {
          occurredAt: '2019-04-02',
          peerChallengeId: 'pc1',
          kind: 'corporate',
        }),
        ev('PeerChallengeScheduled', {
          occurredAt: '2019-04-03',
          peerChallengeId: 'pc1',
          onSiteFrom: '2019-06-01',
          onSiteTo: '2019-06-04',
        }),
        ev('PeerChallengeDelivered', {
          occurredAt: '2019-06-05',
          peerChallengeId: 'pc1',
          onSiteFrom: '2019-06-01',
          onSiteTo: '2019-06-04',
          peers: 4,
          kind: 'corporate',
        }),
        ev('PeerChallengeReportPublished', { occurredAt: '2019-07-01', peerChallengeId: 'pc1' }),
        ev('PeerChallengeActionPlanPublished', {
          occurredAt: '2019-08-01',
          peerChallengeId: 'pc1',
        }),
        ev('PeerChallengeProgressReviewHeld', { occurredAt: '2020-02-01', peerChallengeId: 'pc1' }),
        ev('PeerChallengeDelivered', {
          occurredAt: '2020-06-05',
          peerChallengeId: 'pc2',
          onSiteFrom: '2020-06-01',
          onSiteTo: '2020-06-04',
          peers: 4,
          kind: 'finance',
        }),
        ev('PeerChallengeRequested', {
          occurredAt: '2020-07-01',
          peerChallengeId: 'pc3',
          kind: 'communications',
        }),
        ev('ChangeOfControlOfferMade', { offerId: 'o1', trigger: 'control' }),
        ev('ChangeOfControlOfferMade', { offerId: 'o2', trigger: 'leader' }),
        ev('ChangeOfControlOfferAccepted', { offerId: 'o2' }),
        ev('ChangeOfControlOfferMade', { offerId: 'o3', trigger: 'leader' }),
        ev('ChangeOfControlOfferDeclined', { offerId: 'o3' }),
        ev('ChangeOfControlSupportDelivered', { offerId: 'o2', days: 2, memberPeers: 2 }),
        ev('MentoringStarted', {
          mentoringId: 'm1',
          menteeId: 'x',
          menteeRole: 'leader',
          peerType: 'member_peer',
        }),
        ev('MentoringStarted', {
          mentoringId: 'm2',
          menteeId: 'y',
          menteeRole: 'leader',
          peerType: 'member_peer',
        }),
        ev('MentoringCompleted', { mentoringId: 'm2' }),
        ev('ProductivityExpertEngaged', {
          engagementId: 'p1',
          expertId: 'x',
          focus: 'productivity',
        }),
        ev('ProductivityExpertEngaged', {
          engagementId: 'p2',
          expertId: 'x',
          focus: 'productivity',
        }),
        ev('ProductivityEngagementClosed', { engagementId: 'p2' }),
        ev('OfferDelivered', { deliveryId: 'd1', offerCode: 'ignite', participants: 3 }),
        ev('RiskSignalRaised', {
          signalId: 's1',
          kind: 'financial_distress',
          severity: 'high',
          evidence: 'e',
        }),
        ev('RiskSignalRaised', { signalId: 's2', kind: 'other', severity: 'low', evidence: 'e' }),
        ev('RiskSignalCleared', { signalId: 's2', reason: 'r' }),
      ]),
    );
    expect(summary.engagementCounts).toEqual({
      annual_conversation: 2,
      peer_challenge: 3,
      change_of_control: 3,
      mentoring: 2,
      productivity: 2,
      offer: 1,
      risk_signal: 2,
    });
    expect(summary.open.peerChallenges).toEqual([
      {
        id: 'pc3',
        status: 'requested',
        since: '2020-07-01',
        lastStepOn: '2020-07-01',
        peerChallengeKind: 'communications',
      },
    ]);
    expect(summary.open.changeOfControlOffers.map((o) => o.id)).toEqual(['o1']);
    expect(summary.open.mentoring.map((o) => o.id)).toEqual(['m1']);
    expect(summary.open.productivityEngagements.map((o) => o.id)).toEqual(['p1']);
    expect(summary.open.riskSignals.map((o) => o.id)).toEqual(['s1']);
    expect(summary.lastAnnualConversationOn).toBe('2020-05-01');
    expect(summary.lastCorporateOrFinancePeerChallengeOn).toBe('2020-06-05');
  });

  it('steps an engagement back when its latest step is retracted, and drops it with its only step', () => {
    const summary = councilSummary(
      docOf(projection, [
        registration(),
        ev('MentoringStarted', {
          mentoringId: 'm1',
          menteeId: 'x',
          menteeRole: 'leader',
          peerType: 'member_peer',
        }),
        ['done', ev('MentoringCompleted', { mentoringId: 'm1' })],
        ['offer', ev('OfferDelivered', { deliveryId: 'd1', offerCode: 'ignite', participants: 3 })],
        ev('EventRetracted', { eventId: 'done', targetType: 'MentoringCompleted', reason: 'r' }),
        ev('EventRetracted', { eventId: 'offer', targetType: 'OfferDelivered', reason: 'r' }),
      ]),
    );
    expect(summary.open.mentoring.map((m) => m.id)).toEqual(['m1']);
    expect(summary.engagementCounts.offer).toBe(0);
  });

  it('corrects step dates and a peer challenge kind (request and delivery)', () => {
    const summary = councilSummary(
      docOf(projection, [
        registration(),
        [
          'rq',
          ev('PeerChallengeRequested', {
            occurredAt: '2019-04-02',
            peerChallengeId: 'pc1',
            kind: 'communications',
          }),
        ],
        [
          'dl',
          ev('PeerChallengeDelivered', {
            occurredAt: '2019-06-05',
            peerChallengeId: 'pc1',
            onSiteFrom: '2019-06-01',
            onSiteTo: '2019-06-04',
            peers: 4,
            kind: 'communications',
          }),
        ],
        ev('EventCorrected', {
          eventId: 'rq',
          targetType: 'PeerChallengeRequested',
          reason: 'r',
          correction: { kind: 'corporate' },
        }),
        ev('EventCorrected', {
          eventId: 'dl',
          targetType: 'PeerChallengeDelivered',
          reason: 'r',
          correction: { kind: 'corporate', occurredAt: '2019-06-06' },
        }),
      ]),
    );
    expect(summary.lastCorporateOrFinancePeerChallengeOn).toBe('2019-06-06');
  });
});
