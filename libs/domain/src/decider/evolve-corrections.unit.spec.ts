import { describe, it, expect } from '@jest/globals';
import type { CouncilEventType } from '../events/events.js';
import { entry, controlAt, leaderAt, membershipAt, onSiteOf } from './state.js';
import { EMPTY_ID_MAP } from './id-map.js';
import { event, givenCouncil, registered } from './test-fixtures.js';

const corrected = (
  eventId: string,
  targetType: CouncilEventType,
  correction: Record<string, unknown>,
) =>
  event('EventCorrected', {
    occurredAt: '2020-06-01',
    eventId,
    targetType,
    reason: 'fix',
    correction,
  });

describe('evolve: EventCorrected', () => {
  it('remembers the correction and changes registration facts', () => {
    const state = registered(
      givenCouncil(
        corrected('e1', 'CouncilRegistered', {
          name: 'Bristol',
          region: 'London',
          validTo: '2020-03-31',
          occurredAt: '2016-05-01',
        }),
      ),
    );
    expect(state).toMatchObject({
      name: 'Bristol',
      region: 'London',
      validTo: '2020-03-31',
      lastActivityOn: null,
    });
    expect(entry(state.events, 'e2')).toEqual({
      type: 'EventCorrected',
      retracted: false,
      subject: null,
    });
  });

  it('re-dates and re-values registry history', () => {
    const state = givenCouncil(
      event('PoliticalControlChanged', { occurredAt: '2019-05-03', control: 'Labour' }),
      event('LeaderChanged', { occurredAt: '2019-05-03', role: 'leader', leaderId: 'p1' }),
      event('LgaMembershipChanged', { occurredAt: '2019-05-03', membership: 'member' }),
      event('PoliticalControlChanged', { occurredAt: '2019-06-01', control: 'Green' }),
      corrected('e2', 'PoliticalControlChanged', {
        control: 'Conservative',
        occurredAt: '2019-07-01',
      }),
      corrected('e3', 'LeaderChanged', { leaderId: 'p2' }),
      corrected('e4', 'LgaMembershipChanged', { membership: 'non_member' }),
    );
    expect(controlAt(state, '2019-06-15')).toBe('Green');
    expect(controlAt(state, '2019-07-01')).toBe('Conservative');
    expect(leaderAt(state, '2019-05-03')).toEqual({ role: 'leader', leaderId: 'p2' });
    expect(membershipAt(state, '2019-05-03')).toBe('non_member');
    expect(registered(state).lastActivityOn).toBe('2019-07-01');
  });

  it('changes an abolition', () => {
    const state = givenCouncil(
      event('CouncilAbolished', { lastDay: '2020-03-31', successors: [] }),
      corrected('e2', 'CouncilAbolished', { lastDay: '2020-03-30', successors: ['E06000060'] }),
    );
    expect(state).toMatchObject({ lastDay: '2020-03-30', successors: ['E06000060'] });
  });

  it("changes a peer challenge's kind, service and on-site dates, and re-dates its step", () => {
    const state = givenCouncil(
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
      corrected('e2', 'PeerChallengeRequested', {
        kind: 'corporate',
        service: null,
        occurredAt: '2019-05-02',
      }),
      corrected('e3', 'PeerChallengeScheduled', { onSiteTo: '2019-09-13' }),
    );
    const challenge = entry(registered(state).peerChallenges, 'pc1');
    expect(challenge).toMatchObject({ kind: 'corporate', service: null });
    expect(challenge?.steps[0]?.on).toBe('2019-05-02');
    expect(challenge && onSiteOf(challenge)).toEqual({ from: '2019-09-09', to: '2019-09-13' });
  });

  it('changes a delivery: kind and on-site dates', () => {
    const state = givenCouncil(
      event('PeerChallengeDelivered', {
        peerChallengeId: 'pc1',
        onSiteFrom: '2019-06-01',
        onSiteTo: '2019-06-03',
        peers: 5,
        kind: 'finance',
      }),
      corrected('e2', 'PeerChallengeDelivered', {
        kind: 'corporate',
        onSiteFrom: '2019-05-31',
        peers: 6,
      }),
    );
    const challenge = entry(registered(state).peerChallenges, 'pc1');
    expect(challenge?.kind).toBe('corporate');
    expect(challenge && onSiteOf(challenge)).toEqual({ from: '2019-05-31', to: '2019-06-03' });
  });

  it("changes an offer's trigger and a delivery's offer code", () => {
    const state = registered(
      givenCouncil(
        event('ChangeOfControlOfferMade', { offerId: 'c1', trigger: 'control' }),
        event('OfferDelivered', { deliveryId: 'd1', offerCode: 'ignite', participants: 1 }),
        corrected('e2', 'ChangeOfControlOfferMade', { trigger: 'leader' }),
        corrected('e3', 'OfferDelivered', { offerCode: 'next-generation' }),
      ),
    );
    expect(entry(state.changeOfControlOffers, 'c1')?.trigger).toBe('leader');
    expect(entry(state.deliveries, 'd1')?.offerCode).toBe('next-generation');
  });

  it('leaves the state alone for facts it does not keep, or for an unknown target', () => {
    const base = givenCouncil(
      event('RiskSignalRaised', { signalId: 'r1', kind: 'other', severity: 'low', evidence: 'x' }),
    );
    const state = registered(
      givenCouncil(
        event('RiskSignalRaised', {
          signalId: 'r1',
          kind: 'other',
          severity: 'low',
          evidence: 'x',
        }),
        corrected('e2', 'RiskSignalRaised', { severity: 'high' }),
      ),
    );
    expect(state.riskSignals).toEqual(registered(base).riskSignals);
    const unknown = registered(
      givenCouncil(corrected('e9', 'RiskSignalRaised', { severity: 'high' })),
    );
    expect(unknown.riskSignals).toEqual(EMPTY_ID_MAP);
  });
});
