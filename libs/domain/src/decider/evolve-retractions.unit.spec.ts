import { describe, it, expect } from '@jest/globals';
import type { CouncilEvent, CouncilEventType } from '../events/events.js';
import { entry, controlAt, leaderAt, membershipAt } from './state.js';
import { after, command, event, givenCouncil, registered } from './test-fixtures.js';

const retracted = (eventId: string, targetType: CouncilEventType) =>
  event('EventRetracted', { occurredAt: '2020-06-01', eventId, targetType, reason: 'wrong' });

describe('evolve: EventRetracted', () => {
  it('marks the event retracted and removes a registry fact', () => {
    const state = registered(
      givenCouncil(
        event('PoliticalControlChanged', { control: 'Labour' }),
        event('LeaderChanged', { role: 'leader', leaderId: 'p1' }),
        event('LgaMembershipChanged', { membership: 'member' }),
        retracted('e2', 'PoliticalControlChanged'),
        retracted('e3', 'LeaderChanged'),
        retracted('e4', 'LgaMembershipChanged'),
      ),
    );
    expect(entry(state.events, 'e2')?.retracted).toBe(true);
    expect(controlAt(state, '2020-01-01')).toBeNull();
    expect(leaderAt(state, '2020-01-01')).toBeNull();
    expect(membershipAt(state, '2020-01-01')).toBe('unknown');
  });

  it('brings an abolished council back to life', () => {
    const state = givenCouncil(
      event('CouncilAbolished', { lastDay: '2020-03-31', successors: [] }),
      retracted('e2', 'CouncilAbolished'),
    );
    expect(state.status).toBe('active');
    expect(state).not.toHaveProperty('lastDay');
    expect(state).not.toHaveProperty('abolishedBy');
  });

  it('takes an engagement back a step, then to retracted with its id still used', () => {
    const requested = event('PeerChallengeRequested', {
      occurredAt: '2019-05-01',
      peerChallengeId: 'pc1',
      kind: 'corporate',
    });
    const delivered = event('PeerChallengeDelivered', {
      occurredAt: '2019-09-12',
      peerChallengeId: 'pc1',
      onSiteFrom: '2019-09-09',
      onSiteTo: '2019-09-12',
      peers: 5,
      kind: 'corporate',
    });
    const back = givenCouncil(requested, delivered, retracted('e3', 'PeerChallengeDelivered'));
    expect(entry(registered(back).peerChallenges, 'pc1')?.status).toBe('requested');
    const gone = registered(
      givenCouncil(
        requested,
        delivered,
        retracted('e3', 'PeerChallengeDelivered'),
        retracted('e2', 'PeerChallengeRequested'),
      ),
    );
    expect(entry(gone.peerChallenges, 'pc1')).toMatchObject({ status: 'retracted', steps: [] });
    expect(entry(gone.engagementIds, 'pc1')).toBe('peer challenge');
  });

  it('lets the delivery be logged again once it is retracted', () => {
    let state = givenCouncil(
      event('PeerChallengeRequested', {
        occurredAt: '2019-05-01',
        peerChallengeId: 'pc1',
        kind: 'corporate',
      }),
      event('PeerChallengeDelivered', {
        occurredAt: '2019-09-12',
        peerChallengeId: 'pc1',
        onSiteFrom: '2019-09-09',
        onSiteTo: '2019-09-12',
        peers: 5,
        kind: 'corporate',
      }),
    );
    state = after(
      state,
      command('RetractEvent', { eventId: 'e3', reason: 'wrong dates', occurredAt: '2020-06-01' }),
    );
    state = after(
      state,
      command('DeliverPeerChallenge', {
        peerChallengeId: 'pc1',
        onSiteFrom: '2019-10-01',
        onSiteTo: '2019-10-03',
        peers: 4,
        occurredAt: '2019-10-03',
      }),
    );
    expect(entry(registered(state).peerChallenges, 'pc1')?.status).toBe('delivered');
  });

  it('retracts savings without touching the engagement, and ignores an unknown id', () => {
    const events: CouncilEvent[] = [
      event('ProductivityExpertEngaged', {
        engagementId: 'p1',
        expertId: 'x',
        focus: 'productivity',
      }),
      event('SavingsReported', {
        engagementId: 'p1',
        amountPounds: 1,
        kind: 'saving',
        periodFrom: '2019-04-01',
        periodTo: '2019-05-31',
      }),
    ];
    const state = registered(
      givenCouncil(
        ...events,
        retracted('e3', 'SavingsReported'),
        retracted('e9', 'SavingsReported'),
      ),
    );
    expect(entry(state.productivityEngagements, 'p1')?.status).toBe('open');
    expect(entry(state.events, 'e3')?.retracted).toBe(true);
  });
});
