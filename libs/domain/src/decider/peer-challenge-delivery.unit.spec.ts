import { describe, it, expect } from '@jest/globals';
import {
  DateInFuture,
  DateOutOfRange,
  DuplicateEngagementId,
  InvalidCommand,
  InvalidLifecycleStep,
} from '../errors.js';
import { command, event, givenCouncil, when } from './test-fixtures.js';

const requested = (kind = 'corporate', service?: string) =>
  event('PeerChallengeRequested', {
    occurredAt: '2019-05-01',
    peerChallengeId: 'pc1',
    kind: kind as 'corporate',
    ...(service ? { service } : {}),
  });
const scheduled = (onSiteFrom = '2019-09-09', onSiteTo = '2019-09-12') =>
  event('PeerChallengeScheduled', {
    occurredAt: '2019-06-01',
    peerChallengeId: 'pc1',
    onSiteFrom,
    onSiteTo,
  });
const delivered = () =>
  event('PeerChallengeDelivered', {
    occurredAt: '2019-09-12',
    peerChallengeId: 'pc1',
    onSiteFrom: '2019-09-09',
    onSiteTo: '2019-09-12',
    peers: 5,
    kind: 'corporate',
  });

describe('DeliverPeerChallenge', () => {
  const deliver = (extra: object = {}) =>
    command('DeliverPeerChallenge', {
      occurredAt: '2019-09-12',
      peerChallengeId: 'pc1',
      onSiteFrom: '2019-09-09',
      onSiteTo: '2019-09-12',
      peers: 5,
      ...extra,
    });

  it('given a requested challenge, delivers it carrying its kind', () => {
    expect(when(givenCouncil(requested(), scheduled()), deliver())).toEqual([delivered()]);
  });

  it('given a service-specific challenge, the delivery carries its service', () => {
    expect(
      when(givenCouncil(requested('service_specific', 'planning')), deliver())[0]?.data,
    ).toMatchObject({
      kind: 'service_specific',
      service: 'planning',
    });
  });

  it('given no request, creates the challenge at delivery from the kind given', () => {
    expect(when(givenCouncil(), deliver({ kind: 'corporate' }))).toEqual([delivered()]);
    expect(
      when(givenCouncil(), deliver({ kind: 'service_specific', service: 'highways' }))[0]?.data,
    ).toMatchObject({
      service: 'highways',
    });
  });

  it('given no request and no kind, throws InvalidCommand', () => {
    expect(() => when(givenCouncil(), deliver())).toThrow(
      expect.objectContaining({ field: 'kind' }),
    );
  });

  it('given no request and an id used by another engagement, throws DuplicateEngagementId', () => {
    const state = givenCouncil(
      event('RiskSignalRaised', { signalId: 'pc1', kind: 'other', severity: 'low', evidence: 'x' }),
    );
    expect(() => when(state, deliver({ kind: 'corporate' }))).toThrow(DuplicateEngagementId);
  });

  it('given a kind or service that contradicts the request, throws InvalidCommand', () => {
    expect(() => when(givenCouncil(requested()), deliver({ kind: 'finance' }))).toThrow(
      InvalidCommand,
    );
    expect(() =>
      when(
        givenCouncil(requested('service_specific', 'housing')),
        deliver({ service: 'planning' }),
      ),
    ).toThrow(InvalidCommand);
    expect(when(givenCouncil(requested()), deliver({ kind: 'corporate' }))).toHaveLength(1);
  });

  it('given a delivered challenge, throws InvalidLifecycleStep', () => {
    expect(() => when(givenCouncil(requested(), delivered()), deliver())).toThrow(
      InvalidLifecycleStep,
    );
  });

  it.each([0, 21, 4.5])('given %p peers, throws InvalidCommand', (peers) => {
    expect(() => when(givenCouncil(requested()), deliver({ peers }))).toThrow(
      expect.objectContaining({ field: 'peers' }),
    );
  });

  it('given on-site dates still to come, throws DateInFuture', () => {
    expect(() => when(givenCouncil(requested()), deliver({ onSiteTo: '2020-07-02' }))).toThrow(
      DateInFuture,
    );
  });

  it('given a delivery dated before the scheduling, throws DateOutOfRange', () => {
    expect(() =>
      when(givenCouncil(requested(), scheduled()), deliver({ occurredAt: '2019-05-31' })),
    ).toThrow(DateOutOfRange);
  });

  it('given a retracted challenge, throws InvalidLifecycleStep', () => {
    const state = givenCouncil(
      requested(),
      event('EventRetracted', {
        eventId: 'e2',
        targetType: 'PeerChallengeRequested',
        reason: 'wrong council',
      }),
    );
    expect(() => when(state, deliver())).toThrow(InvalidLifecycleStep);
  });
});
