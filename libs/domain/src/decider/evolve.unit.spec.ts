import { describe, it, expect } from '@jest/globals';
import type { CouncilEvent } from '../events/events.js';
import { foldCouncil } from './evolve.js';
import { entry, controlAt, onSiteOf, type CouncilState } from './state.js';
import { event, givenCouncil, registered } from './test-fixtures.js';

describe('evolve: engagements', () => {
  const pc = (state: CouncilState) => entry(registered(state).peerChallenges, 'pc1');

  it('AnnualConversationHeld records the conversation and reserves its id', () => {
    const state = registered(
      givenCouncil(
        event('AnnualConversationHeld', {
          conversationId: 'ac1',
          adviserId: 'a',
          topics: [],
          supportAgreed: [],
        }),
      ),
    );
    expect(entry(state.annualConversations, 'ac1')).toEqual({
      status: 'held',
      steps: [{ eventId: 'e2', status: 'held', on: '2019-06-03' }],
    });
    expect(entry(state.engagementIds, 'ac1')).toBe('annual conversation');
    expect(entry(state.events, 'e2')).toEqual({
      type: 'AnnualConversationHeld',
      retracted: false,
      subject: 'ac1',
    });
  });

  it('walks a peer challenge through its whole lifecycle', () => {
    const events: CouncilEvent[] = [
      event('PeerChallengeRequested', {
        occurredAt: '2019-05-01',
        peerChallengeId: 'pc1',
        kind: 'service_specific',
        service: 'housing',
      }),
      event('PeerChallengeScheduled', {
        occurredAt: '2019-06-01',
        peerChallengeId: 'pc1',
        onSiteFrom: '2019-09-09',
        onSiteTo: '2019-09-12',
      }),
      event('PeerChallengeDelivered', {
        occurredAt: '2019-09-13',
        peerChallengeId: 'pc1',
        onSiteFrom: '2019-09-10',
        onSiteTo: '2019-09-13',
        peers: 4,
        kind: 'service_specific',
        service: 'housing',
      }),
      event('PeerChallengeReportPublished', { occurredAt: '2019-10-01', peerChallengeId: 'pc1' }),
      event('PeerChallengeActionPlanPublished', {
        occurredAt: '2019-11-01',
        peerChallengeId: 'pc1',
      }),
      event('PeerChallengeProgressReviewHeld', {
        occurredAt: '2020-03-01',
        peerChallengeId: 'pc1',
      }),
    ];
    const statuses = events.map(
      (_, index) => pc(givenCouncil(...events.slice(0, index + 1)))?.status,
    );
    expect(statuses).toEqual([
      'requested',
      'scheduled',
      'delivered',
      'report_published',
      'action_plan_published',
      'progress_review_held',
    ]);
    const challenge = pc(givenCouncil(...events));
    expect(challenge).toMatchObject({ kind: 'service_specific', service: 'housing' });
    expect(challenge && onSiteOf(challenge)).toEqual({ from: '2019-09-10', to: '2019-09-13' });
    const requestedOnly = pc(givenCouncil(...events.slice(0, 1)));
    expect(requestedOnly && onSiteOf(requestedOnly)).toBeNull();
  });

  it('PeerChallengeDelivered without a request creates the challenge', () => {
    const state = givenCouncil(
      event('PeerChallengeDelivered', {
        peerChallengeId: 'pc1',
        onSiteFrom: '2019-06-01',
        onSiteTo: '2019-06-03',
        peers: 5,
        kind: 'finance',
      }),
    );
    expect(pc(state)).toMatchObject({ status: 'delivered', kind: 'finance', service: null });
    expect(entry(registered(state).engagementIds, 'pc1')).toBe('peer challenge');
  });

  it('walks a change-of-control offer: made, accepted or declined, support delivered', () => {
    const made = event('ChangeOfControlOfferMade', { offerId: 'c1', trigger: 'leader' });
    const offer = (...more: CouncilEvent[]) =>
      entry(registered(givenCouncil(made, ...more)).changeOfControlOffers, 'c1');
    expect(offer()).toMatchObject({ status: 'offered', trigger: 'leader' });
    expect(offer(event('ChangeOfControlOfferDeclined', { offerId: 'c1' }))?.status).toBe(
      'declined',
    );
    const accepted = event('ChangeOfControlOfferAccepted', { offerId: 'c1' });
    expect(offer(accepted)?.status).toBe('accepted');
    const support = event('ChangeOfControlSupportDelivered', {
      offerId: 'c1',
      days: 1,
      memberPeers: 1,
    });
    expect(offer(accepted, support)?.status).toBe('support_delivered');
  });

  it('walks mentoring, productivity engagements and risk signals', () => {
    const state = registered(
      givenCouncil(
        event('MentoringStarted', {
          mentoringId: 'm1',
          menteeId: 'p',
          menteeRole: 'councillor',
          peerType: 'member_peer',
        }),
        event('MentoringCompleted', { mentoringId: 'm1' }),
        event('ProductivityExpertEngaged', {
          engagementId: 'p1',
          expertId: 'x',
          focus: 'productivity',
        }),
        event('SavingsReported', {
          engagementId: 'p1',
          amountPounds: 5,
          kind: 'saving',
          periodFrom: '2019-04-01',
          periodTo: '2019-05-31',
        }),
        event('ProductivityEngagementClosed', { engagementId: 'p1' }),
        event('RiskSignalRaised', {
          signalId: 'r1',
          kind: 'other',
          severity: 'medium',
          evidence: 'x',
        }),
        event('RiskSignalRaised', {
          signalId: 'r2',
          kind: 'financial_distress',
          severity: 'high',
          evidence: 'x',
        }),
        event('RiskSignalCleared', { signalId: 'r1', reason: 'resolved' }),
      ),
    );
    expect(entry(state.mentoring, 'm1')?.status).toBe('completed');
    expect(entry(state.productivityEngagements, 'p1')?.status).toBe('closed');
    expect(entry(state.productivityEngagements, 'p1')?.steps).toHaveLength(2);
    expect(entry(state.events, 'e5')).toEqual({
      type: 'SavingsReported',
      retracted: false,
      subject: 'p1',
    });
    expect(entry(state.riskSignals, 'r1')?.status).toBe('cleared');
    expect(entry(state.riskSignals, 'r2')?.status).toBe('open');
  });

  it('OfferDelivered records the delivery with its offer code', () => {
    const state = registered(
      givenCouncil(
        event('OfferDelivered', { deliveryId: 'd1', offerCode: 'ignite', participants: 2 }),
      ),
    );
    expect(entry(state.deliveries, 'd1')).toMatchObject({
      status: 'delivered',
      offerCode: 'ignite',
    });
    expect(entry(state.engagementIds, 'd1')).toBe('offer delivery');
  });

  it('folds a stream from a given state', () => {
    const state = foldCouncil(
      [{ eventId: 'x2', event: event('PoliticalControlChanged', { control: 'Green' }) }],
      givenCouncil(),
    );
    expect(controlAt(state, '2019-06-03')).toBe('Green');
  });
});
