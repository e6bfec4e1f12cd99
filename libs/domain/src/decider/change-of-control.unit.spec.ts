import { describe, it, expect } from '@jest/globals';
import {
  DateOutOfRange,
  DuplicateEngagementId,
  EngagementNotFound,
  InvalidCommand,
  InvalidLifecycleStep,
} from '../errors.js';
import { command, event, givenCouncil, when } from './test-fixtures.js';

const made = event('ChangeOfControlOfferMade', {
  occurredAt: '2019-05-10',
  offerId: 'coc1',
  trigger: 'control',
});
const accepted = event('ChangeOfControlOfferAccepted', {
  occurredAt: '2019-05-20',
  offerId: 'coc1',
});
const declined = event('ChangeOfControlOfferDeclined', {
  occurredAt: '2019-05-20',
  offerId: 'coc1',
});
const supported = event('ChangeOfControlSupportDelivered', {
  occurredAt: '2019-06-03',
  offerId: 'coc1',
  days: 2.5,
  memberPeers: 2,
});

describe('MakeChangeOfControlOffer', () => {
  const make = (trigger: string) =>
    command('MakeChangeOfControlOffer', {
      occurredAt: '2019-05-10',
      offerId: 'coc1',
      trigger: trigger as 'control',
    });

  it('given a new id, records the offer', () => {
    expect(when(givenCouncil(), make('control'))).toEqual([made]);
    expect(when(givenCouncil(), make('leader'))).toHaveLength(1);
  });

  it('given an unknown trigger, throws InvalidCommand', () => {
    expect(() => when(givenCouncil(), make('election'))).toThrow(InvalidCommand);
  });

  it('given an id already used, throws DuplicateEngagementId', () => {
    expect(() => when(givenCouncil(made), make('control'))).toThrow(DuplicateEngagementId);
  });
});

describe('AcceptChangeOfControlOffer and DeclineChangeOfControlOffer', () => {
  const accept = (occurredAt = '2019-05-20') =>
    command('AcceptChangeOfControlOffer', { offerId: 'coc1', occurredAt });
  const decline = () =>
    command('DeclineChangeOfControlOffer', { offerId: 'coc1', occurredAt: '2019-05-20' });

  it('given an offer made, accepts or declines it', () => {
    expect(when(givenCouncil(made), accept())).toEqual([accepted]);
    expect(when(givenCouncil(made), decline())).toEqual([declined]);
  });

  it('given an offer never made, throws EngagementNotFound', () => {
    expect(() => when(givenCouncil(), accept())).toThrow(EngagementNotFound);
    expect(() => when(givenCouncil(), decline())).toThrow(EngagementNotFound);
  });

  it('given a declined offer, throws InvalidLifecycleStep on accept', () => {
    expect(() => when(givenCouncil(made, declined), accept())).toThrow(InvalidLifecycleStep);
  });

  it('given an accepted offer, throws InvalidLifecycleStep on accepting or declining again', () => {
    expect(() => when(givenCouncil(made, accepted), accept())).toThrow(InvalidLifecycleStep);
    expect(() => when(givenCouncil(made, accepted), decline())).toThrow(InvalidLifecycleStep);
  });

  it('given an answer dated before the offer, throws DateOutOfRange', () => {
    expect(() => when(givenCouncil(made), accept('2019-05-09'))).toThrow(DateOutOfRange);
  });
});

describe('DeliverChangeOfControlSupport', () => {
  const deliver = (days: unknown = 2.5, memberPeers: unknown = 2) =>
    command('DeliverChangeOfControlSupport', {
      offerId: 'coc1',
      days: days as number,
      memberPeers: memberPeers as number,
      occurredAt: '2019-06-03',
    });

  it('given an accepted offer, records the support', () => {
    expect(when(givenCouncil(made, accepted), deliver())).toEqual([supported]);
  });

  it('given an offer not yet answered, records the support (support implies acceptance)', () => {
    expect(when(givenCouncil(made), deliver())).toEqual([supported]);
  });

  it('given an offer never made, throws EngagementNotFound', () => {
    expect(() => when(givenCouncil(), deliver())).toThrow(EngagementNotFound);
  });

  it('given an id naming another kind of engagement, throws EngagementNotFound', () => {
    const state = givenCouncil(
      event('MentoringStarted', {
        mentoringId: 'coc1',
        menteeId: 'm1',
        menteeRole: 'leader',
        peerType: 'member_peer',
      }),
    );
    expect(() => when(state, deliver())).toThrow(EngagementNotFound);
  });

  it('given a declined offer or support already delivered, throws InvalidLifecycleStep', () => {
    expect(() => when(givenCouncil(made, declined), deliver())).toThrow(InvalidLifecycleStep);
    expect(() => when(givenCouncil(made, accepted, supported), deliver())).toThrow(
      InvalidLifecycleStep,
    );
  });

  it.each([0, 0.25, 5.5, 1.2, '2'])('given %p days, throws InvalidCommand', (days) => {
    expect(() => when(givenCouncil(made), deliver(days))).toThrow(
      expect.objectContaining({ field: 'days' }),
    );
  });

  it.each([0.5, 5])('given %p days, accepts them', (days) => {
    expect(when(givenCouncil(made), deliver(days))).toHaveLength(1);
  });

  it.each([0, 11, 1.5])('given %p member peers, throws InvalidCommand', (peers) => {
    expect(() => when(givenCouncil(made), deliver(2, peers))).toThrow(
      expect.objectContaining({ field: 'memberPeers' }),
    );
  });
});
