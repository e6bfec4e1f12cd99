import { describe, it, expect } from '@jest/globals';
import {
  CouncilAbolished,
  DateBeforeCouncilExisted,
  DateOutOfRange,
  DuplicateEngagementId,
  EngagementNotFound,
  InvalidCommand,
  InvalidLifecycleStep,
} from '../errors.js';
import { command, event, given, givenCouncil, registration, when } from './test-fixtures.js';

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
const step = (
  type: 'PeerChallengeReportPublished' | 'PeerChallengeActionPlanPublished',
  occurredAt: string,
) => event(type, { occurredAt, peerChallengeId: 'pc1' });

describe('RequestPeerChallenge', () => {
  const request = (kind: string, service?: string) =>
    command('RequestPeerChallenge', {
      peerChallengeId: 'pc1',
      kind: kind as 'corporate',
      ...(service !== undefined ? { service } : {}),
    });

  it('given a new id, records the request', () => {
    expect(when(givenCouncil(), request('corporate'))).toEqual([
      event('PeerChallengeRequested', { peerChallengeId: 'pc1', kind: 'corporate' }),
    ]);
  });

  it('given a service-specific challenge with its service, records the service', () => {
    expect(when(givenCouncil(), request('service_specific', 'housing'))[0]?.data).toMatchObject({
      service: 'housing',
    });
  });

  it('given a service-specific challenge without a service, throws InvalidCommand', () => {
    expect(() => when(givenCouncil(), request('service_specific'))).toThrow(
      expect.objectContaining({ code: 'InvalidCommand', field: 'service' }),
    );
    expect(() => when(givenCouncil(), request('service_specific', 'Housing Services'))).toThrow(
      InvalidCommand,
    );
  });

  it('given a service for another kind, throws InvalidCommand', () => {
    expect(() => when(givenCouncil(), request('corporate', 'housing'))).toThrow(InvalidCommand);
  });

  it('given an unknown kind, throws InvalidCommand', () => {
    expect(() => when(givenCouncil(), request('audit'))).toThrow(
      expect.objectContaining({ field: 'kind' }),
    );
  });

  it('given an id already used, throws DuplicateEngagementId', () => {
    expect(() => when(givenCouncil(requested()), request('finance'))).toThrow(
      DuplicateEngagementId,
    );
  });
});

describe('SchedulePeerChallenge', () => {
  const schedule = (
    onSiteFrom = '2019-09-09',
    onSiteTo = '2019-09-12',
    occurredAt = '2019-06-01',
  ) =>
    command('SchedulePeerChallenge', { peerChallengeId: 'pc1', onSiteFrom, onSiteTo, occurredAt });

  it('given a requested challenge, schedules it, on-site dates may be in the future', () => {
    const cmd = schedule('2020-09-07', '2020-09-10');
    expect(when(givenCouncil(requested()), cmd)).toEqual([
      event('PeerChallengeScheduled', {
        occurredAt: '2019-06-01',
        peerChallengeId: 'pc1',
        onSiteFrom: '2020-09-07',
        onSiteTo: '2020-09-10',
      }),
    ]);
  });

  it('given a scheduled challenge and new dates, reschedules it', () => {
    expect(
      when(givenCouncil(requested(), scheduled()), schedule('2019-10-07', '2019-10-10')),
    ).toHaveLength(1);
  });

  it('given the same dates already scheduled, decides nothing', () => {
    expect(when(givenCouncil(requested(), scheduled()), schedule())).toEqual([]);
  });

  it('given no such challenge, throws EngagementNotFound', () => {
    expect(() => when(givenCouncil(), schedule())).toThrow(EngagementNotFound);
  });

  it('given a delivered challenge, throws InvalidLifecycleStep', () => {
    expect(() => when(givenCouncil(requested(), delivered()), schedule())).toThrow(
      InvalidLifecycleStep,
    );
  });

  it('given on-site dates in the wrong order, throws DateOutOfRange', () => {
    expect(() => when(givenCouncil(requested()), schedule('2019-09-12', '2019-09-09'))).toThrow(
      DateOutOfRange,
    );
  });

  it('given on-site dates before the council existed, throws DateBeforeCouncilExisted', () => {
    const state = given(
      registration({ validFrom: '2019-04-01', occurredAt: '2019-04-01' }),
      requested(),
    );
    expect(() => when(state, schedule('2019-03-30', '2019-04-02'))).toThrow(
      DateBeforeCouncilExisted,
    );
  });

  it('given on-site dates after the council ends, throws CouncilAbolished', () => {
    const state = given(registration({ validTo: '2020-03-31' }), requested());
    expect(() => when(state, schedule('2020-03-30', '2020-04-02'))).toThrow(CouncilAbolished);
  });

  it('given a date before the request, throws DateOutOfRange', () => {
    expect(() =>
      when(givenCouncil(requested()), schedule(undefined, undefined, '2019-04-30')),
    ).toThrow(DateOutOfRange);
  });
});

describe('peer challenge follow-ups', () => {
  const report = (occurredAt = '2019-10-01') =>
    command('PublishPeerChallengeReport', { peerChallengeId: 'pc1', occurredAt });
  const plan = () =>
    command('PublishPeerChallengeActionPlan', { peerChallengeId: 'pc1', occurredAt: '2019-11-01' });
  const review = () =>
    command('HoldPeerChallengeProgressReview', {
      peerChallengeId: 'pc1',
      occurredAt: '2020-03-01',
    });
  const reportEvent = step('PeerChallengeReportPublished', '2019-10-01');
  const planEvent = step('PeerChallengeActionPlanPublished', '2019-11-01');

  it('publish the report after delivery, then the action plan, then hold the progress review', () => {
    expect(when(givenCouncil(requested(), delivered()), report())).toEqual([reportEvent]);
    expect(when(givenCouncil(requested(), delivered(), reportEvent), plan())).toEqual([planEvent]);
    expect(when(givenCouncil(requested(), delivered(), reportEvent, planEvent), review())).toEqual([
      event('PeerChallengeProgressReviewHeld', {
        occurredAt: '2020-03-01',
        peerChallengeId: 'pc1',
      }),
    ]);
  });

  it('given no delivery, throws InvalidLifecycleStep for the report', () => {
    expect(() => when(givenCouncil(requested(), scheduled()), report())).toThrow(
      InvalidLifecycleStep,
    );
  });

  it('given no report, throws InvalidLifecycleStep for the action plan', () => {
    expect(() => when(givenCouncil(requested(), delivered()), plan())).toThrow(
      InvalidLifecycleStep,
    );
  });

  it('given no action plan, throws InvalidLifecycleStep for the progress review', () => {
    expect(() => when(givenCouncil(requested(), delivered(), reportEvent), review())).toThrow(
      InvalidLifecycleStep,
    );
  });

  it('given the report already published, throws InvalidLifecycleStep', () => {
    expect(() => when(givenCouncil(requested(), delivered(), reportEvent), report())).toThrow(
      InvalidLifecycleStep,
    );
  });

  it('given no such challenge, throws EngagementNotFound', () => {
    expect(() => when(givenCouncil(), report())).toThrow(EngagementNotFound);
  });

  it('given a date before the delivery, throws DateOutOfRange', () => {
    expect(() => when(givenCouncil(requested(), delivered()), report('2019-09-11'))).toThrow(
      DateOutOfRange,
    );
  });
});
