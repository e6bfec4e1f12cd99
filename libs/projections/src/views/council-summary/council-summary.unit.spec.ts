import { describe, it, expect } from '@jest/globals';
import { docOf, ev, registration } from '../test-fixtures.js';
import { councilSummaryProjection as projection } from './council-summary.projection.js';
import { councilSummary } from './council-summary.view.js';

describe('council-summary engagements', () => {
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
