import { describe, it, expect } from '@jest/globals';
import {
  CouncilNotRegistered,
  DateInFuture,
  DateOutOfRange,
  EventAlreadyRetracted,
  EventNotFound,
  InvalidCommand,
  InvalidLifecycleStep,
} from '../errors.js';
import { correctableFieldsOf } from './correction-rules.js';
import { initialState } from './state.js';
import { command, event, givenCouncil, when } from './test-fixtures.js';

const correct = (eventId: string, correction: unknown, occurredAt = '2020-06-01') =>
  command('CorrectEvent', {
    eventId,
    reason: 'typo',
    correction: correction as Record<string, unknown>,
    occurredAt,
  });
const retract = (eventId: string, reason = 'logged against the wrong council') =>
  command('RetractEvent', { eventId, reason, occurredAt: '2020-06-01' });
const control = event('PoliticalControlChanged', { occurredAt: '2019-05-03', control: 'Labour' });

describe('CorrectEvent', () => {
  it('given a recorded event, records the correction naming it and its type', () => {
    expect(when(givenCouncil(control), correct('e2', { control: 'Conservative' }))).toEqual([
      event('EventCorrected', {
        occurredAt: '2020-06-01',
        eventId: 'e2',
        targetType: 'PoliticalControlChanged',
        reason: 'typo',
        correction: { control: 'Conservative' },
      }),
    ]);
  });

  it('given an unregistered council, throws CouncilNotRegistered', () => {
    expect(() => when(initialState, correct('e2', { control: 'Labour' }))).toThrow(
      CouncilNotRegistered,
    );
  });

  it('given no such event, throws EventNotFound', () => {
    expect(() => when(givenCouncil(), correct('e9', { control: 'Labour' }))).toThrow(EventNotFound);
  });

  it('given a retracted event, throws EventAlreadyRetracted', () => {
    const state = givenCouncil(
      control,
      event('EventRetracted', {
        eventId: 'e2',
        targetType: 'PoliticalControlChanged',
        reason: 'x',
      }),
    );
    expect(() => when(state, correct('e2', { control: 'Green' }))).toThrow(EventAlreadyRetracted);
  });

  it('given a correction or retraction as target, throws InvalidCommand', () => {
    const state = givenCouncil(
      control,
      ...when(givenCouncil(control), correct('e2', { control: 'Green' })),
    );
    expect(() => when(state, correct('e3', { reason: 'x' }))).toThrow(InvalidCommand);
    expect(() => when(state, retract('e3'))).toThrow(InvalidCommand);
  });

  it.each([null, [], 'Green', {}])('given correction %p, throws InvalidCommand', (correction) => {
    expect(() => when(givenCouncil(control), correct('e2', correction))).toThrow(
      expect.objectContaining({ field: 'correction' }),
    );
  });

  it.each(['gss', 'eventId', 'colour'])(
    'given field %s that cannot be corrected, throws InvalidCommand',
    (field) => {
      expect(() => when(givenCouncil(control), correct('e2', { [field]: 'x' }))).toThrow(
        expect.objectContaining({ field: `correction.${field}` }),
      );
    },
  );

  it('refuses an engagement id as a correctable field', () => {
    expect(correctableFieldsOf('PeerChallengeDelivered')).not.toContain('peerChallengeId');
    expect(correctableFieldsOf('EventCorrected')).toEqual([]);
  });

  it('given a value its field refuses, throws', () => {
    expect(() => when(givenCouncil(control), correct('e2', { control: 'Reform' }))).toThrow(
      InvalidCommand,
    );
    expect(() => when(givenCouncil(control), correct('e2', { occurredAt: '2019-02-30' }))).toThrow(
      DateOutOfRange,
    );
  });

  it('given a correction dated after today or without a reason, refuses it', () => {
    expect(() =>
      when(givenCouncil(control), correct('e2', { control: 'Green' }, '2020-07-01')),
    ).toThrow(DateInFuture);
    const noReason = command('CorrectEvent', {
      eventId: 'e2',
      reason: '',
      correction: { control: 'Green' },
    });
    expect(() => when(givenCouncil(control), noReason)).toThrow(
      expect.objectContaining({ field: 'reason' }),
    );
  });

  it('given an abolished council, still corrects its history after its last day', () => {
    const state = givenCouncil(
      control,
      event('CouncilAbolished', {
        occurredAt: '2020-03-31',
        lastDay: '2020-03-31',
        successors: [],
      }),
    );
    expect(when(state, correct('e2', { control: 'Green' }))).toHaveLength(1);
  });
});

describe('RetractEvent', () => {
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

  it('given a recorded event, records the retraction naming it and its type', () => {
    expect(when(givenCouncil(control), retract('e2'))).toEqual([
      event('EventRetracted', {
        occurredAt: '2020-06-01',
        eventId: 'e2',
        targetType: 'PoliticalControlChanged',
        reason: 'logged against the wrong council',
      }),
    ]);
  });

  it('given no such event, throws EventNotFound; given a retracted one, EventAlreadyRetracted', () => {
    expect(() => when(givenCouncil(), retract('e5'))).toThrow(EventNotFound);
    const state = givenCouncil(
      control,
      event('EventRetracted', {
        eventId: 'e2',
        targetType: 'PoliticalControlChanged',
        reason: 'x',
      }),
    );
    expect(() => when(state, retract('e2'))).toThrow(EventAlreadyRetracted);
  });

  it('given the registration, throws InvalidCommand', () => {
    expect(() => when(givenCouncil(), retract('e1'))).toThrow(InvalidCommand);
  });

  it('given an earlier step of an engagement with later ones, throws InvalidLifecycleStep', () => {
    expect(() => when(givenCouncil(requested, delivered), retract('e2'))).toThrow(
      InvalidLifecycleStep,
    );
    expect(when(givenCouncil(requested, delivered), retract('e3'))).toHaveLength(1);
  });

  it('given savings of a closed engagement, retracts them (they are not a step)', () => {
    const state = givenCouncil(
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
      event('ProductivityEngagementClosed', { engagementId: 'p1' }),
    );
    expect(when(state, retract('e3'))).toHaveLength(1);
  });

  it('given no reason, throws InvalidCommand', () => {
    expect(() => when(givenCouncil(control), retract('e2', ''))).toThrow(
      expect.objectContaining({ field: 'reason' }),
    );
  });
});
